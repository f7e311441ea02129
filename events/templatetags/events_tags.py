from django import template
from django.utils import timezone
from wagtail.models import Locale

from events.models import EventIndexPage, EventOccurrence

register = template.Library()


@register.inclusion_tag("events/tags/upcoming_events.html", takes_context=True)
def upcoming_events(context, limit=3):
    """The next ``limit`` dates in the current language, for the home page."""
    locale = Locale.get_active()
    occurrences = list(
        EventOccurrence.objects.visible().in_locale(locale).upcoming(timezone.now())[:limit]
    )
    index = EventIndexPage.objects.live().public().filter(locale=locale).first()
    return {"request": context["request"], "occurrences": occurrences, "index": index}


@register.filter
def machine_datetime(value):
    """A moment for a ``datetime`` attribute: local time with its offset, to the second
    (``2026-11-13T22:00:00+01:00``), as the iCal feed and search engines read it."""
    return timezone.localtime(value).isoformat(timespec="seconds") if value else ""
