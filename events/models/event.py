from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from events import ical
from events.choices import EventFormat, EventStatus
from events.routing import RESERVED_SLUGS, route_url
from home.blocks import BaseStreamBlock
from strategy.relations import RelatedChaptersMixin

WEB_LINK = URLValidator(schemes=["http", "https"])


class EventPage(RelatedChaptersMixin, RoutablePageMixin, Page):
    """An event with one or more dates; cancelled and postponed events stay visible."""

    summary = models.TextField(
        _("summary"), help_text=_("One or two sentences for lists and calendar entries.")
    )
    description = StreamField(BaseStreamBlock(), verbose_name=_("description"), blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=EventStatus.choices, default=EventStatus.SCHEDULED
    )
    status_note = models.CharField(
        _("note on the status"),
        max_length=255,
        blank=True,
        help_text=_("For example why the event was cancelled or when it will take place."),
    )
    event_format = models.CharField(
        _("format"), max_length=20, choices=EventFormat.choices, default=EventFormat.ON_SITE
    )
    venue_name = models.CharField(_("venue"), max_length=255, blank=True)
    venue_address = models.TextField(_("address"), blank=True)
    online_url = models.URLField(
        _("online room"),
        blank=True,
        validators=[WEB_LINK],
        help_text=_("The link to the video conference or platform."),
    )
    registration_url = models.URLField(_("registration link"), blank=True, validators=[WEB_LINK])
    registration_deadline = models.DateTimeField(_("registration deadline"), null=True,
                                                 blank=True)
    organiser = models.CharField(_("organiser"), max_length=255, blank=True)
    related_chapters = ParentalManyToManyField(
        "strategy.StrategyChapterPage",
        verbose_name=_("fields of action"),
        blank=True,
        related_name="event_pages",
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        MultiFieldPanel([FieldPanel("status"), FieldPanel("status_note")], heading=_("Status")),
        InlinePanel("occurrences", min_num=1, label=_("dates")),
        MultiFieldPanel(
            [
                FieldPanel("event_format"),
                FieldPanel("venue_name"),
                FieldPanel("venue_address"),
                FieldPanel("online_url"),
            ],
            heading=_("Place"),
        ),
        MultiFieldPanel(
            [FieldPanel("registration_url"), FieldPanel("registration_deadline"),
             FieldPanel("organiser")],
            heading=_("Registration and organiser"),
        ),
        FieldPanel("description"),
        FieldPanel("related_chapters"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("description"),
        index.SearchField("venue_name"),
        index.FilterField("status"),
        index.FilterField("event_format"),
    ]
    # Dates, format, status and links come from the German page; texts are translated. The
    # address is the same in both languages unless a translator overrides it.
    override_translatable_fields = [
        SynchronizedField("venue_address"),
        SynchronizedField("related_chapters", overridable=False),
    ]

    parent_page_types = ["events.EventIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("event")

    def clean(self):
        super().clean()
        if self.slug in RESERVED_SLUGS:
            raise ValidationError({"slug": _("This address is taken by the calendar's views.")})
        if self.event_format in (EventFormat.ON_SITE, EventFormat.HYBRID) and not self.venue_name:
            raise ValidationError({"venue_name": _("Events on site need a venue.")})

    @property
    def is_cancelled(self) -> bool:
        return self.status == EventStatus.CANCELLED

    @property
    def status_badge(self) -> str:
        """The status, where it is news: cancelled or postponed."""
        return "" if self.status == EventStatus.SCHEDULED else self.get_status_display()

    def dates(self):
        return self.occurrences.order_by("start", "pk")

    search_result_prefetch = ["occurrences"]

    def search_result_date(self):
        """The next date that has not ended, else the last one (from prefetched occurrences)."""
        starts = sorted(self.occurrences.all(), key=lambda occurrence: occurrence.start)
        now = timezone.now()
        upcoming = [o for o in starts if o.end > now]
        chosen = upcoming[0] if upcoming else (starts[-1] if starts else None)
        return chosen.start if chosen else None

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        now = timezone.now()
        context["dates"] = self.dates()
        context["is_over"] = not self.occurrences.filter(end__gt=now).exists()
        context["chapters"] = self.chapters()
        context["registration_open"] = bool(self.registration_url) and (
            self.registration_deadline is None or self.registration_deadline > now
        )
        context["ical_url"] = route_url(self, request, "ical")
        return context

    @path("ical/", name="ical")
    def ical_view(self, request):
        return ical.response(
            request, self.occurrences.select_related("page"), name=self.title,
            filename=f"{self.slug}.ics",
        )
