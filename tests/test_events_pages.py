"""Events: tree grammar, listings around a frozen "now", filters, languages, query counts."""

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils.translation import gettext, override
from wagtail.models import Page, PageViewRestriction
from wagtail.test.utils import WagtailPageTestCase

from events.models import EventIndexPage, EventOccurrence, EventPage, EventStatus
from home.models import ContentPage, HomePage
from tests.factories.events import (
    ChapterFactory,
    ChapterIndexFactory,
    EventIndexPageFactory,
    berlin,
    event,
)
from tests.factories.home import translate

pytestmark = pytest.mark.django_db
NOW = berlin(2026, 11, 10, 12, 0)


@pytest.fixture
def frozen():
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.fixture
def index_de(site_tree):
    return EventIndexPageFactory(parent=site_tree.home_de)


@pytest.fixture
def index_en(index_de):
    return translate(index_de, "en", title="Events", slug="events")


def titles_in_order(html: str, titles: list[str]) -> list[str]:
    found = [(html.find(f">{title}</a>"), title) for title in titles]
    return [title for position, title in sorted(found) if position >= 0]


class TestTreeGrammar(WagtailPageTestCase):
    def test_index_goes_under_the_home_page_only(self):
        self.assertAllowedParentPageTypes(EventIndexPage, {HomePage})
        self.assertCanCreateAt(HomePage, EventIndexPage)
        self.assertCanNotCreateAt(Page, EventIndexPage)
        self.assertCanNotCreateAt(ContentPage, EventIndexPage)
        self.assertCanNotCreateAt(EventIndexPage, EventIndexPage)

    def test_events_go_under_the_index_only(self):
        self.assertAllowedParentPageTypes(EventPage, {EventIndexPage})
        self.assertAllowedSubpageTypes(EventPage, set())
        self.assertCanCreateAt(EventIndexPage, EventPage)
        self.assertCanNotCreateAt(HomePage, EventPage)
        self.assertCanNotCreateAt(EventPage, EventPage)


def test_upcoming_soonest_first_and_archive_newest_first(client, index_de, frozen):
    event(index_de, (berlin(2026, 12, 3, 18), berlin(2026, 12, 3, 20)), title="Dezember")
    event(index_de, (berlin(2026, 11, 20, 18), berlin(2026, 11, 20, 20)), title="Bald")
    event(index_de, (berlin(2026, 11, 10, 10), berlin(2026, 11, 10, 14)), title="Läuft gerade")
    event(index_de, (berlin(2026, 11, 10, 9), berlin(2026, 11, 10, 12)), title="Eben vorbei")
    event(index_de, (berlin(2026, 10, 1, 18), berlin(2026, 10, 1, 20)), title="Oktober")
    event(index_de, (berlin(2026, 11, 2, 18), berlin(2026, 11, 2, 20)), title="Anfang November")
    every = ["Dezember", "Bald", "Läuft gerade", "Eben vorbei", "Oktober", "Anfang November"]

    upcoming = client.get("/de/veranstaltungen/").content.decode()
    assert titles_in_order(upcoming, every) == ["Läuft gerade", "Bald", "Dezember"]

    archive = client.get("/de/veranstaltungen/archiv/").content.decode()
    assert titles_in_order(archive, every) == ["Eben vorbei", "Anfang November", "Oktober"]
    assert "Dezember" not in archive


def test_a_series_lists_each_date_and_moves_to_the_archive_date_by_date(client, index_de):
    event(
        index_de,
        (berlin(2026, 11, 5, 17), berlin(2026, 11, 5, 19)),
        (berlin(2026, 11, 19, 17), berlin(2026, 11, 19, 19)),
        title="Werkstattreihe",
    )
    with time_machine.travel(NOW, tick=False):
        upcoming = client.get("/de/veranstaltungen/").content.decode()
        archive = client.get("/de/veranstaltungen/archiv/").content.decode()
    assert upcoming.count(">Werkstattreihe</a>") == 1
    assert "19. November 2026, 17:00–19:00" in upcoming
    assert "5. November 2026, 17:00–19:00" in archive


def test_languages_stay_apart(client, index_de, index_en, frozen):
    event(index_de, (berlin(2026, 11, 20, 18), berlin(2026, 11, 20, 20)), title="Nur Deutsch")
    english = event(index_en, (berlin(2026, 11, 21, 18), berlin(2026, 11, 21, 20)),
                    title="English only", slug="english-only")
    assert english.locale.language_code == "en"
    html_de = client.get("/de/veranstaltungen/").content.decode()
    html_en = client.get("/en/events/").content.decode()
    assert "Nur Deutsch" in html_de and "English only" not in html_de
    assert "English only" in html_en and "Nur Deutsch" not in html_en
    month_en = client.get("/en/events/calendar/2026/11/").content.decode()
    assert "English only" in month_en and "Nur Deutsch" not in month_en


def test_route_words_follow_the_language(client, index_de, index_en, frozen):
    assert client.get("/de/veranstaltungen/archiv/").status_code == 200
    assert client.get("/en/events/archive/").status_code == 200
    assert client.get("/de/veranstaltungen/kalender/2026/11/").status_code == 200
    assert client.get("/en/events/calendar/2026/11/").status_code == 200
    assert client.get("/de/veranstaltungen/archive/").status_code == 404
    assert client.get("/en/events/kalender/2026/11/").status_code == 404
    html = client.get("/en/events/").content.decode()
    assert 'href="/en/events/archive/"' in html
    assert 'href="/en/events/calendar/"' in html
    assert 'href="/en/events/ical/"' in html


def test_drafts_and_private_events_are_not_listed(client, index_de, frozen):
    dates = (berlin(2026, 11, 20, 18), berlin(2026, 11, 20, 20))
    event(index_de, dates, title="Öffentlich")
    draft = event(index_de, dates, title="Entwurf")
    draft.unpublish()
    private = event(index_de, dates, title="Interne Runde")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    for path in ("/de/veranstaltungen/", "/de/veranstaltungen/ical/",
                 "/de/veranstaltungen/kalender/2026/11/"):
        text = client.get(path).content.decode()
        assert "Öffentlich" in text, path
        assert "Entwurf" not in text, path
        assert "Interne Runde" not in text, path


class TestFilters:
    @pytest.fixture
    def chapters(self, site_tree):
        strategy = ChapterIndexFactory(parent=site_tree.home_de)
        return (
            ChapterFactory(parent=strategy, title="Digitale Verwaltung", slug="verwaltung"),
            ChapterFactory(parent=strategy, title="Mobilität", slug="mobilitaet"),
        )

    @pytest.fixture
    def events(self, index_de, chapters):
        administration, mobility = chapters
        dates = (berlin(2026, 11, 20, 18), berlin(2026, 11, 20, 20))
        event(index_de, dates, title="Online-Werkstatt Verwaltung",
              related_chapters=[administration])
        event(index_de, dates, title="Rundgang Mobilität", event_format="on_site",
              venue_name="Volkshaus", online_url="", related_chapters=[mobility])
        event(index_de, dates, title="Festival", event_format="hybrid", venue_name="Markt",
              related_chapters=[administration, mobility])

    def test_by_format(self, client, events, frozen):
        html = client.get("/de/veranstaltungen/?format=online").content.decode()
        assert "Online-Werkstatt Verwaltung" in html
        assert "Rundgang Mobilität" not in html and ">Festival<" not in html
        assert '<option value="online" selected>' in html

    def test_by_chapter_key_and_old_links_by_slug_or_id(self, client, events, chapters, frozen):
        mobility = chapters[1]
        html = client.get(f"/de/veranstaltungen/?chapter={mobility.key}").content.decode()
        assert "Rundgang Mobilität" in html and ">Festival<" in html
        assert "Online-Werkstatt Verwaltung" not in html
        assert f'<option value="{mobility.key}" selected>Mobilität</option>' in html
        for old in ("mobilitaet", str(mobility.pk)):
            response = client.get("/de/veranstaltungen/", {"chapter": old, "page": "1"})
            assert response.status_code == 301
            assert response["Location"] == f"/de/veranstaltungen/?chapter={mobility.key}&page=1"

    def test_combined_filters_and_the_month_view(self, client, events, chapters, frozen):
        html = client.get(
            f"/de/veranstaltungen/kalender/2026/11/?format=hybrid&chapter={chapters[0].key}"
        ).content.decode()
        assert ">Festival<" in html and "Online-Werkstatt" not in html
        assert ('href="/de/veranstaltungen/kalender/2026/12/?format=hybrid&amp;chapter='
                f'{chapters[0].key}"') in html

    @pytest.mark.parametrize(
        "query, message",
        [
            ("format=telepathy", ("There is no format “%(value)s”.", "telepathy")),
            ("chapter=unbekannt", ("There is no field of action “%(value)s”.", "unbekannt")),
            ("chapter=999999", ("There is no field of action “%(value)s”.", "999999")),
            ("format=%3Cscript%3E", ("There is no format “%(value)s”.", "&lt;script&gt;")),
        ],
    )
    def test_unknown_values_get_a_clear_message(self, client, events, frozen, query, message):
        response = client.get(f"/de/veranstaltungen/?{query}")
        assert response.status_code == 400
        html = response.content.decode()
        text, value = message
        with override("de"):
            expected = gettext(text) % {"value": value}
        assert 'role="alert"' in html
        assert expected in html
        assert "<script>" not in html
        assert "Online-Werkstatt" not in html

    def test_unknown_filter_in_a_feed_is_a_404(self, client, events):
        assert client.get("/de/veranstaltungen/ical/?format=x").status_code == 404


@pytest.mark.parametrize(
    "path",
    [
        "kalender/2026/13/",
        "kalender/2026/0/",
        "kalender/2026/00/",
        "kalender/99999/1/",
        "kalender/1999/12/",
        "kalender/abcd/11/",
        "kalender/2026/nov/",
        "kalender/2026/11/x/",
        "archiv/?page=abc",
        "?page=99",
        "?page=-1",
    ],
)
def test_bad_calendar_and_page_parameters_are_404(client, index_de, path):
    assert client.get(f"/de/veranstaltungen/{path}").status_code == 404


def test_occurrence_validation_and_all_day_normalisation(index_de):
    page = event(index_de, (berlin(2026, 11, 20, 18), berlin(2026, 11, 20, 20)))
    backwards = EventOccurrence(
        page=page, start=berlin(2026, 11, 2, 12), end=berlin(2026, 11, 2, 11)
    )
    with pytest.raises(ValidationError) as error:
        backwards.full_clean()
    assert "end" in error.value.message_dict

    all_day = EventOccurrence.objects.create(
        page=page, start=berlin(2026, 11, 21, 9), end=berlin(2026, 11, 22, 17), all_day=True
    )
    assert (all_day.local_start.hour, all_day.local_start.minute) == (0, 0)
    assert all_day.last_day.day == 22 and all_day.local_end.hour == 23


def test_on_site_events_need_a_venue_and_slugs_of_routes_are_taken(index_de):
    page = event(index_de, (berlin(2026, 11, 20, 18), berlin(2026, 11, 20, 20)))
    page.event_format = "on_site"
    page.venue_name = ""
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert "venue_name" in error.value.message_dict
    page.event_format, page.slug = "online", "archiv"
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert "slug" in error.value.message_dict


def test_event_page_shows_status_dates_and_registration(client, index_de, frozen):
    page = event(
        index_de,
        (berlin(2026, 11, 20, 18), berlin(2026, 11, 20, 20)),
        (berlin(2026, 11, 27, 18), berlin(2026, 11, 27, 20)),
        title="Abgesagte Werkstatt",
        status=EventStatus.CANCELLED,
        status_note="Die Referentin ist erkrankt.",
        registration_url="https://anmeldung.example.org/",
    )
    html = client.get(page.url).content.decode()
    with override("de"):
        cancelled = str(EventStatus.CANCELLED.label)
    assert '<p class="event-status event-status--cancelled">' \
        f"<strong>{cancelled}</strong>: Die Referentin ist erkrankt.</p>" in html
    assert html.index("event-status") < html.index('class="lead"')
    assert html.count("<time datetime=") == 4
    assert "https://anmeldung.example.org/" not in html
    assert "https://meet.example.org/jena" not in html
    index_html = client.get("/de/veranstaltungen/").content.decode()
    assert f'<p class="card__badge">{cancelled}</p>' in index_html


def test_registration_closes_at_the_deadline(client, index_de, frozen):
    page = event(
        index_de,
        (berlin(2026, 11, 20, 18), berlin(2026, 11, 20, 20)),
        registration_url="https://anmeldung.example.org/",
        registration_deadline=berlin(2026, 11, 10, 11),
    )
    html = client.get(page.url).content.decode()
    with override("de"):
        assert gettext("Registration is closed.") in html
    assert 'href="https://anmeldung.example.org/"' not in html


@pytest.mark.parametrize("url", ["/de/veranstaltungen/", "/de/veranstaltungen/kalender/2026/11/",
                                 "/de/veranstaltungen/ical/"])
def test_query_count_does_not_grow_with_the_number_of_events(
    client, index_de, django_assert_max_num_queries, url, frozen
):
    def add_events(count):
        for day in range(count):
            event(index_de, (berlin(2026, 11, 11 + day, 18), berlin(2026, 11, 11 + day, 20)))

    add_events(2)
    client.get(url)  # warm the site root cache like any running server
    with CaptureQueriesContext(connection) as few:
        assert client.get(url).status_code == 200
    budget = len(few.captured_queries)
    add_events(8)
    client.get(url)  # the publishes changed the content version: fragments render once more
    with django_assert_max_num_queries(budget):
        response = client.get(url)
    assert response.status_code == 200
    assert response.content.decode().count("Werkstatt") >= 10
