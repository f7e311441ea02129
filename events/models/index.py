from django.db import models
from django.http import Http404, HttpResponsePermanentRedirect
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.models import Page
from wagtail.search import index

from events import ical
from events.calendar import MonthGrid
from events.forms import EventFilterForm
from events.routing import check_route_word, paginate, route_url
from strategy.models import StrategyChapterPage

from .event import EventPage
from .occurrences import EventOccurrence

CALENDAR_YEARS = range(2000, 2101)


class EventIndexPage(RoutablePageMixin, Page):
    """The calendar of one language: upcoming dates, the archive, a month grid and iCal feeds."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["events.EventPage"]

    class Meta:
        verbose_name = _("events index")

    def route_url(self, request, name: str, **kwargs) -> str:
        return route_url(self, request, name, **kwargs)

    def occurrences(self):
        """Every visible occurrence of the events below this page (so: in its language)."""
        return EventOccurrence.objects.visible().filter(
            page__in=EventPage.objects.child_of(self)
        )

    def chapters(self):
        return (
            StrategyChapterPage.objects.live()
            .public()
            .filter(locale_id=self.locale_id)
            .order_by("chapter_number", "title")
        )

    query_form = EventFilterForm

    def filter_form(self, request) -> EventFilterForm:
        return self.query_form(request.GET, chapters=self.chapters())

    def outdated_filter_redirect(self, request, form: EventFilterForm):
        """A permanent redirect for a link (or a subscribed feed) that names its chapter the
        old way, by slug or id, to the same view with the chapter's key; else None."""
        if not (form.is_valid() and form.is_outdated):
            return None
        query = request.GET.copy()
        query["chapter"] = form.cleaned_data["chapter"].key
        return HttpResponsePermanentRedirect(f"{request.path}?{query.urlencode()}")

    def _render(self, request, view: str, form: EventFilterForm, **context):
        response = self.render(
            request,
            context_overrides={
                "view": view,
                "filter_form": form,
                "query": form.query_string(),
                "view_urls": {
                    "upcoming": self.get_url(request),
                    "archive": self.route_url(request, "archive"),
                    "calendar": self.route_url(request, "calendar"),
                },
                "feed_url": self.route_url(request, "feed"),
                **context,
            },
        )
        if not form.is_valid():
            response.status_code = 400
        return response

    def _list(self, request, view: str, occurrences):
        form = self.filter_form(request)
        if redirect := self.outdated_filter_redirect(request, form):
            return redirect
        page_obj = paginate(request, form.apply(occurrences)) if form.is_valid() else None
        return self._render(request, view, form, page_obj=page_obj)

    @path("", name="upcoming")
    def upcoming_view(self, request):
        return self._list(request, "upcoming", self.occurrences().upcoming(timezone.now()))

    @re_path(r"^(?P<word>archiv|archive)/$", name="archive")
    def archive_view(self, request, word):
        check_route_word(self, "archive", word)
        return self._list(request, "archive", self.occurrences().past(timezone.now()))

    @re_path(r"^(?P<word>kalender|calendar)/$", name="calendar")
    def current_month_view(self, request, word):
        check_route_word(self, "calendar", word)
        today = timezone.localdate()
        return self._month(request, today.year, today.month)

    @re_path(r"^(?P<word>kalender|calendar)/(?P<year>[0-9]{1,6})/(?P<month>[0-9]{1,2})/$",
             name="month")
    def month_view(self, request, word, year, month):
        check_route_word(self, "calendar", word)
        year, month = int(year), int(month)
        if year not in CALENDAR_YEARS or not 1 <= month <= 12:
            raise Http404
        return self._month(request, year, month)

    def _month(self, request, year: int, month: int):
        form = self.filter_form(request)
        if redirect := self.outdated_filter_redirect(request, form):
            return redirect
        occurrences = self.occurrences().in_month(year, month)
        if form.is_valid():
            occurrences = form.apply(occurrences)
        grid = MonthGrid(year, month, list(occurrences), today=timezone.localdate())
        query = form.query_string()
        links = {}
        for key, (y, m) in (("previous", grid.previous), ("next", grid.next)):
            if y in CALENDAR_YEARS:
                url = self.route_url(request, "month", year=str(y), month=f"{m:02d}")
                links[key] = f"{url}?{query}" if query else url
        return self._render(request, "month", form, grid=grid, month_links=links)

    @path("ical/", name="feed")
    def feed_view(self, request):
        """A subscription feed: the whole calendar, or filtered (``?chapter=``, ``?format=``)."""
        form = self.filter_form(request)
        if not form.is_valid():
            raise Http404
        if redirect := self.outdated_filter_redirect(request, form):
            return redirect
        occurrences = form.apply(self.occurrences().since(ical.feed_start(timezone.now())))
        name = self.title
        if form.cleaned_data["chapter"]:
            name = f"{self.title}: {form.cleaned_data['chapter'].title}"
        return ical.response(request, occurrences, name=name, filename=f"{self.slug}.ics",
                             inline=True)
