"""The demo events: both languages, dates around the day of the run, idempotent."""

import pytest
import time_machine

import events.demo
import home.demo
from events.models import EventOccurrence, EventPage, EventStatus
from home.demo.tools import DemoLog
from home.models import HomePage
from tests.factories.events import ChapterFactory, ChapterIndexFactory, berlin

pytestmark = pytest.mark.django_db


def run_demo(callbacks) -> DemoLog:
    log = DemoLog()
    with callbacks(execute=True):
        home.demo.load(log)
        events.demo.load(log)
    return log


def dates():
    return sorted(EventOccurrence.objects.values_list("key", "start", "end"))


def test_demo_events_are_bilingual_around_today_and_idempotent(
    client, django_capture_on_commit_callbacks
):
    with time_machine.travel(berlin(2026, 11, 10, 12), tick=False):
        home.demo.load(DemoLog())
        home_de = HomePage.objects.get(locale__language_code="de")
        strategy = ChapterIndexFactory(parent=home_de)
        administration = ChapterFactory(parent=strategy, chapter_number=5,
                                        title="Digitale Verwaltung")
        first = run_demo(django_capture_on_commit_callbacks)
        assert any("Veranstaltungen" in line for line in first.created)

        german = EventPage.objects.filter(locale__language_code="de")
        assert german.count() == 11
        assert EventPage.objects.filter(locale__language_code="en").count() == 11
        assert german.filter(status=EventStatus.CANCELLED).count() == 1
        assert any(page.occurrences.count() > 1 for page in german)
        assert {"online", "on_site"} <= set(german.values_list("event_format", flat=True))
        workshop = german.get(slug="werkstatt-digitale-verwaltung")
        assert list(workshop.related_chapters.all()) == [administration]

        upcoming = client.get("/de/veranstaltungen/").content.decode()
        archive = client.get("/de/veranstaltungen/archiv/").content.decode()
        english = client.get("/en/events/").content.decode()
        assert upcoming.count('class="card__title"') >= 3
        assert archive.count('class="card__title"') >= 3
        assert "Smart-City-Fest" in upcoming and "Thüringer Digitalfestival" in archive
        assert "Smart City festival" in english and "Smart-City-Fest" not in english
        assert "Gather.Town" in client.get(workshop.url).content.decode()
        before = dates()

    with time_machine.travel(berlin(2026, 11, 20, 12), tick=False):
        second = run_demo(django_capture_on_commit_callbacks)
    assert second.created == []
    assert dates() == before
