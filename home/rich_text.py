"""Page links in rich text lead to the reader's language, like the link blocks do."""

from django.utils.html import escape
from wagtail.rich_text.pages import PageLinkHandler

from home.blocks import other_language, reader_target


class LocalizedPageLinkHandler(PageLinkHandler):
    """The page's live translation in the active language, else the page itself marked with its
    ``hreflang``; a deleted or unpublished page leaves the text without a link target."""

    @classmethod
    def expand_db_attributes_many(cls, attrs_list: list[dict]) -> list[str]:
        tags = []
        for page in cls.get_many(attrs_list):
            target = reader_target(page)
            if target is None:
                tags.append("<a>")
                continue
            language = other_language(target)
            hreflang = f' hreflang="{escape(language)}"' if language else ""
            tags.append(f'<a href="{escape(target.url or "")}"{hreflang}>')
        return tags
