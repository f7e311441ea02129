"""What the events app contributes to other pages through ``home.related``."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from home.related import RelatedSection
from strategy.models import StrategyChapterPage

RELATED_LIMIT = 3


def upcoming_events_for_chapter(page, request) -> RelatedSection | None:
    """A strategy chapter's next dates in its language, soonest first; None when there are none."""
    from events.models import EventIndexPage, EventOccurrence

    if not isinstance(page, StrategyChapterPage):
        return None
    occurrences = list(
        EventOccurrence.objects.visible()
        .in_locale(page.locale_id)
        .for_chapter(page)
        .upcoming(timezone.now())[:RELATED_LIMIT]
    )
    if not occurrences:
        return None
    index = EventIndexPage.objects.live().public().filter(locale_id=page.locale_id).first()
    return RelatedSection(
        key="events",
        heading=str(_("Upcoming events")),
        items=occurrences,
        template="events/includes/related_events.html",
        more_url=f"{index.get_url(request)}?chapter={page.key}" if index else "",
        more_label=str(_("All events on this field of action")) if index else "",
    )
