"""News on a strategy chapter, for the chapter page (through ``home.related``)."""

from django.utils.translation import gettext as _

from home.related import RelatedSection
from news.models import NewsIndexPage, NewsPage
from strategy.models import StrategyChapterPage

LIMIT = 3


def latest_news_for_chapter(page, request) -> RelatedSection | None:
    if not isinstance(page, StrategyChapterPage):
        return None
    news = list(
        NewsPage.objects.filter(
            locale_id=page.locale_id, related_chapters__translation_key=page.translation_key
        )
        .distinct()
        .for_cards()[:LIMIT]
    )
    if not news:
        return None
    index = NewsIndexPage.objects.live().public().filter(locale_id=page.locale_id).first()
    return RelatedSection(
        key="news",
        heading=_("News on this field of action"),
        items=news,
        template="news/includes/related_news.html",
        more_url=index.get_url(request) if index else "",
        more_label=_("All news") if index else "",
    )
