from django import template
from wagtail.models import Locale

from news.models import NewsIndexPage, NewsPage

register = template.Library()


@register.inclusion_tag("news/includes/latest_news.html", takes_context=True)
def latest_news(context, count=3):
    """The newest stories in the current language, e.g. ``{% latest_news 3 %}`` on the home page."""
    locale = Locale.get_active()
    return {
        "request": context.get("request"),
        "news": list(NewsPage.objects.filter(locale=locale).for_cards()[:count]),
        "index": NewsIndexPage.objects.live().public().filter(locale=locale).first(),
    }
