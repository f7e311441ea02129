from wagtail.contrib.search_promotions.models import Query, SearchPromotion

from tests.factories.home import ContentPageFactory


def content_page(parent, title, text="", **fields):
    """A live content page in the parent's language with ``text`` as its introduction."""
    return ContentPageFactory(
        parent=parent, title=title, intro=text, locale=parent.locale, **fields
    )


def promote(query_string, page=None, **fields):
    return SearchPromotion.objects.create(
        query=Query.get(query_string), page=page, sort_order=0, **fields
    )
