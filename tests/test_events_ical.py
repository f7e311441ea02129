"""iCal downloads and feeds, parsed back with icalendar; translations keep UIDs and chapters."""

from datetime import UTC, date, datetime, timedelta

import icalendar
import pytest
import time_machine

from events.models import EventStatus
from tests.factories.events import (
    ChapterFactory,
    ChapterIndexFactory,
    EventIndexPageFactory,
    berlin,
    event,
    localize,
)
from tests.factories.home import translate

pytestmark = pytest.mark.django_db
NOW = berlin(2026, 3, 1, 12)


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


@pytest.fixture
def commit(django_capture_on_commit_callbacks):
    return lambda: django_capture_on_commit_callbacks(execute=True)


def parse(response) -> icalendar.Calendar:
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return icalendar.Calendar.from_ical(response.content)


def vevents(cal) -> dict[str, icalendar.Event]:
    return {str(e["summary"]): e for e in cal.walk("VEVENT")}


def test_dst_changes_give_the_right_offsets_in_html_and_ical(client, index_de, frozen):
    spring = event(index_de, (berlin(2026, 3, 29, 10), berlin(2026, 3, 29, 12)),
                   title="Sommerzeit")
    autumn = event(index_de, (berlin(2026, 10, 25, 10), berlin(2026, 10, 25, 12)),
                   title="Winterzeit")
    night = event(index_de, (berlin(2026, 3, 29, 1, 30), berlin(2026, 3, 29, 3, 30)),
                  title="Nachts")

    assert '<time datetime="2026-03-29T10:00:00+02:00">' in client.get(spring.url).content.decode()
    assert '<time datetime="2026-10-25T10:00:00+01:00">' in client.get(autumn.url).content.decode()
    night_html = client.get(night.url).content.decode()
    assert 'datetime="2026-03-29T01:30:00+01:00"' in night_html
    assert 'datetime="2026-03-29T03:30:00+02:00"' in night_html

    cal = parse(client.get("/de/veranstaltungen/ical/"))
    events = vevents(cal)
    summer, winter, overnight = events["Sommerzeit"], events["Winterzeit"], events["Nachts"]
    assert summer["dtstart"].params["TZID"] == "Europe/Berlin"
    assert b"DTSTART;TZID=Europe/Berlin:20260329T100000" in client.get(
        spring.url + "ical/").content
    assert summer.decoded("dtstart").astimezone(UTC) == datetime(2026, 3, 29, 8, tzinfo=UTC)
    assert winter.decoded("dtstart").astimezone(UTC) == datetime(2026, 10, 25, 9, tzinfo=UTC)
    # Python subtracts wall-clock times within one zone; in UTC the night lost an hour.
    duration = overnight.decoded("dtend").astimezone(UTC) - overnight.decoded("dtstart")
    assert duration == timedelta(hours=1)
    zones = cal.walk("VTIMEZONE")
    assert [str(z["tzid"]) for z in zones] == ["Europe/Berlin"]
    assert cal.get("x-wr-timezone") == "Europe/Berlin"


def test_uids_are_shared_by_both_languages_and_survive_a_resync(client, index_de, index_en,
                                                                commit, frozen):
    german = event(
        index_de,
        (berlin(2026, 4, 1, 17), berlin(2026, 4, 1, 19)),
        (berlin(2026, 4, 15, 17), berlin(2026, 4, 15, 19)),
        title="Werkstattreihe",
    )
    with commit():
        english = localize(german)
    de_uids = [e["uid"] for e in parse(client.get(german.url + "ical/")).walk("VEVENT")]
    en_cal = parse(client.get(english.url + "ical/"))
    assert [e["uid"] for e in en_cal.walk("VEVENT")] == de_uids
    assert len(set(de_uids)) == 2
    assert all(uid.startswith(str(german.translation_key)) for uid in de_uids)
    assert str(en_cal.walk("VEVENT")[0]["summary"]) == "EN: Werkstattreihe"

    first = german.occurrences.order_by("start").first()
    first.start, first.end = berlin(2026, 4, 2, 17), berlin(2026, 4, 2, 19)
    first.save()
    german.save_revision().publish()
    with commit():
        localize(german)
    en_events = parse(client.get(english.url + "ical/")).walk("VEVENT")
    assert [e["uid"] for e in en_events] == de_uids
    assert en_events[0].decoded("dtstart") == berlin(2026, 4, 2, 17)


def test_event_download_fields_status_and_all_day_dates(client, index_de, frozen):
    cancelled = event(
        index_de,
        (berlin(2026, 5, 9, 10), berlin(2026, 5, 9, 16)),
        title="Stadtfest",
        summary="Mitmachen auf dem Markt.",
        event_format="hybrid",
        venue_name="Markt",
        venue_address="Markt 1, 07743 Jena",
        status=EventStatus.CANCELLED,
    )
    festival = event(index_de, (berlin(2026, 6, 12), berlin(2026, 6, 13, 18)), all_day=True,
                     title="Festival")
    response = client.get(cancelled.url + "ical/")
    assert response["Content-Disposition"] == f'attachment; filename="{cancelled.slug}.ics"'
    (entry,) = parse(response).walk("VEVENT")
    assert entry["status"] == "CANCELLED"
    assert str(entry["summary"]).endswith(": Stadtfest")
    assert "Mitmachen auf dem Markt." in str(entry["description"])
    assert str(entry["location"]) == "Markt, Markt 1, 07743 Jena; https://meet.example.org/jena"
    assert str(entry["url"]) == f"http://localhost{cancelled.url}"
    assert entry.decoded("dtstamp") == NOW.astimezone(UTC)

    (day,) = parse(client.get(festival.url + "ical/")).walk("VEVENT")
    assert day.decoded("dtstart") == date(2026, 6, 12)
    assert day.decoded("dtend") == date(2026, 6, 14)
    assert day["dtstart"].params["VALUE"] == "DATE"
    assert day["status"] == "CONFIRMED"


def test_feeds_per_language_and_per_chapter(client, site_tree, index_de, index_en, frozen):
    strategy = ChapterIndexFactory(parent=site_tree.home_de)
    chapter = ChapterFactory(parent=strategy, title="Digitale Verwaltung", slug="verwaltung")
    in_chapter = event(index_de, (berlin(2026, 4, 1, 17), berlin(2026, 4, 1, 19)),
                       title="Verwaltung digital", related_chapters=[chapter])
    event(index_de, (berlin(2026, 4, 2, 17), berlin(2026, 4, 2, 19)), title="Anderes Thema")
    event(index_de, (berlin(2025, 6, 2, 17), berlin(2025, 6, 2, 19)), title="Lange her")
    event(index_en, (berlin(2026, 4, 3, 17), berlin(2026, 4, 3, 19)), title="English event",
          slug="english-event")

    whole = vevents(parse(client.get("/de/veranstaltungen/ical/")))
    assert sorted(whole) == ["Anderes Thema", "Verwaltung digital"]
    chapter_feed = parse(client.get(f"/de/veranstaltungen/ical/?chapter={chapter.key}"))
    assert sorted(vevents(chapter_feed)) == ["Verwaltung digital"]
    assert str(chapter_feed["x-wr-calname"]) == "Veranstaltungen: Digitale Verwaltung"
    assert vevents(chapter_feed)["Verwaltung digital"]["uid"].startswith(
        str(in_chapter.translation_key))
    assert sorted(vevents(parse(client.get("/en/events/ical/")))) == ["English event"]
    html = client.get(f"/de/veranstaltungen/?chapter={chapter.key}").content.decode()
    assert f'href="/de/veranstaltungen/ical/?chapter={chapter.key}"' in html


def test_english_copy_points_at_the_english_chapters(site_tree, index_de, index_en, commit):
    strategy = ChapterIndexFactory(parent=site_tree.home_de)
    translate(strategy, "en", slug="strategy")
    chapter = ChapterFactory(parent=strategy, title="Digitale Verwaltung", slug="verwaltung")
    chapter_en = translate(chapter, "en", title="Digital administration", slug="administration")
    german = event(index_de, (berlin(2026, 4, 1, 17), berlin(2026, 4, 1, 19)),
                   related_chapters=[chapter])

    core_copy = translate(german, "en", slug="core-copy")
    assert list(core_copy.related_chapters.all()) == [chapter_en]
    core_copy.delete()

    with commit():
        english = localize(german)
    assert list(english.related_chapters.all()) == [chapter_en]
    assert list(english.chapters()) == [chapter_en]
    assert list(german.related_chapters.all()) == [chapter]

    other = ChapterFactory(parent=strategy, title="Mobilität", slug="mobilitaet")
    other_en = translate(other, "en", title="Mobility", slug="mobility")
    german.related_chapters = [chapter, other]
    german.save_revision().publish()
    with commit():
        localize(german)
    english.refresh_from_db()
    assert set(english.related_chapters.all()) == {chapter_en, other_en}


def test_the_translation_editor_opens_for_an_english_event(client, index_de, index_en, commit,
                                                           django_user_model):
    german = event(index_de, (berlin(2026, 4, 1, 17), berlin(2026, 4, 1, 19)))
    with commit():
        english = localize(german)
    admin = django_user_model.objects.create_superuser("admin", "a@example.org", "x" * 16)
    client.force_login(admin)
    assert client.get(f"/admin/pages/{english.pk}/edit/").status_code == 200
    assert client.get(f"/admin/pages/{german.pk}/edit/").status_code == 200
