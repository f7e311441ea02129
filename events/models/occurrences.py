import uuid
from datetime import date, datetime, time, timedelta

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import Orderable


def month_bounds(year: int, month: int) -> tuple[datetime, datetime]:
    """The first moment of the month and of the next one, in the site's time zone."""
    next_year, next_month = (year + 1, 1) if month == 12 else (year, month + 1)
    return (
        timezone.make_aware(datetime(year, month, 1)),
        timezone.make_aware(datetime(next_year, next_month, 1)),
    )


class EventOccurrenceQuerySet(models.QuerySet):
    def visible(self):
        """Occurrences of published events that need no login, with their page in one query."""
        from .event import EventPage

        return self.filter(page__in=EventPage.objects.live().public()).select_related("page")

    def upcoming(self, now: datetime):
        """Still to come or running at ``now``, soonest first."""
        return self.filter(end__gt=now).order_by("start", "pk")

    def past(self, now: datetime):
        return self.filter(end__lte=now).order_by("-start", "-pk")

    def since(self, moment: datetime):
        return self.filter(end__gt=moment).order_by("start", "pk")

    def in_month(self, year: int, month: int):
        first, after = month_bounds(year, month)
        return self.filter(start__lt=after, end__gte=first).order_by("start", "pk")

    def in_locale(self, locale):
        return self.filter(page__locale=locale)

    def of_format(self, event_format: str):
        return self.filter(page__event_format=event_format)

    def for_chapter(self, chapter):
        """Related to ``chapter`` in any language: the pages are matched by translation key."""
        from .event import EventPage

        return self.filter(
            page__in=EventPage.objects.filter(
                related_chapters__translation_key=chapter.translation_key
            )
        )


class EventOccurrence(Orderable):
    """One date of an event; a workshop series is one page with several occurrences."""

    page = ParentalKey("events.EventPage", on_delete=models.CASCADE, related_name="occurrences")
    start = models.DateTimeField(_("start"))
    end = models.DateTimeField(_("end"))
    all_day = models.BooleanField(
        _("all day"),
        default=False,
        help_text=_("Only the days count; the times are ignored."),
    )
    # Copied unchanged into every translation (wagtail-localize synchronises child rows with all
    # their fields), so the German and English copies of an occurrence share one iCal UID.
    key = models.UUIDField(default=uuid.uuid4, editable=False)

    objects = EventOccurrenceQuerySet.as_manager()

    panels = [FieldRowPanel([FieldPanel("start"), FieldPanel("end")]), FieldPanel("all_day")]

    class Meta(Orderable.Meta):
        verbose_name = _("date")
        verbose_name_plural = _("dates")

    def __str__(self):
        return f"{self.page.title}, {self.local_start:%Y-%m-%d %H:%M}"

    def clean(self):
        super().clean()
        if self.start and self.end and self.end < self.start:
            raise ValidationError({"end": _("The end must not be before the start.")})

    def save(self, *args, **kwargs):
        if self.all_day and self.start and self.end:
            # An all-day date covers whole days: from midnight of the first to the last moment
            # of the last, so "upcoming" and the calendar grid need no special case.
            self.start = timezone.make_aware(datetime.combine(self.first_day, time.min))
            self.end = timezone.make_aware(datetime.combine(self.last_day, time.max))
        super().save(*args, **kwargs)

    @property
    def local_start(self) -> datetime:
        return timezone.localtime(self.start)

    @property
    def local_end(self) -> datetime:
        return timezone.localtime(self.end)

    @property
    def first_day(self) -> date:
        return self.local_start.date()

    @property
    def last_day(self) -> date:
        """The last calendar day touched; an end at midnight belongs to the day before."""
        end = self.local_end
        if end.time() == time.min and end > self.local_start:
            return end.date() - timedelta(days=1)
        return end.date()

    @property
    def spans_days(self) -> bool:
        return self.first_day != self.last_day

    def covers(self, day: date) -> bool:
        return self.first_day <= day <= self.last_day

    def when_label(self) -> str:
        """The date and time as plain text in the active language, e.g. for a teaser card."""

        def day(value):
            return formats.date_format(value, "DATE_FORMAT")

        def clock(value):
            return formats.time_format(value, "TIME_FORMAT")

        if self.all_day:
            if self.spans_days:
                return f"{day(self.first_day)} – {day(self.last_day)}"
            return day(self.first_day)
        start, end = self.local_start, self.local_end
        if self.spans_days:
            return f"{day(start)}, {clock(start)} – {day(end)}, {clock(end)}"
        return f"{day(start)}, {clock(start)}–{clock(end)}"

    @property
    def card_meta(self) -> str:
        return f"{self.when_label()} · {self.page.get_event_format_display()}"

    @property
    def ical_uid(self) -> str:
        """Shared by the German and English copy; the page's key keeps copied pages apart."""
        return f"{self.page.translation_key}-{self.key}"
