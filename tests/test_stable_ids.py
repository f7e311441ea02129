"""Identifiers that subscribers keep: the chapter filter of iCal feeds and the GUIDs of news
feeds survive renaming; old chapter links redirect permanently to the stable form."""

import datetime
import xml.etree.ElementTree as ET

import icalendar
import pytest
import time_machine

from strategy.models import StrategyChapterPage
from tests.factories.events import EventIndexPageFactory, berlin, event, localize
from tests.factories.home import translate
from tests.factories.news import NewsIndexPageFactory, NewsPageFactory
from tests.factories.strategy import StrategyChapterPageFactory, StrategyIndexPageFactory

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def frozen():
    with time_machine.travel(berlin(2026, 3, 1, 12), tick=False):
        yield


@pytest.fixture
def calendar(site_tree, django_capture_on_commit_callbacks):
    strategy = StrategyIndexPageFactory(parent=site_tree.home_de)
    translate(strategy, "en", title="Strategy", slug="strategy")
    chapter = StrategyChapterPageFactory(parent=strategy, title="Digitale Verwaltung",
                                         slug="digitale-verwaltung")
    chapter.save_revision().publish()  # as the editor's "Publish" does: a revision per version
    translate(chapter, "en", title="Digital administration", slug="digital-administration")
    other = StrategyChapterPageFactory(parent=strategy, title="Mobilität", slug="mobilitaet")
    index = EventIndexPageFactory(parent=site_tree.home_de)
    translate(index, "en", title="Events", slug="events")
    workshop = event(index, (berlin(2026, 4, 1, 17), berlin(2026, 4, 1, 19)),
                     title="Werkstatt Verwaltung", related_chapters=[chapter])
    event(index, (berlin(2026, 4, 2, 17), berlin(2026, 4, 2, 19)), title="Rundgang",
          related_chapters=[other])
    with django_capture_on_commit_callbacks(execute=True):
        localize(workshop)
    return chapter


def feed(client, url) -> dict[str, str]:
    """Summary → UID of the feed's events."""
    response = client.get(url)
    assert response.status_code == 200
    cal = icalendar.Calendar.from_ical(response.content)
    return {str(e["summary"]): str(e["uid"]) for e in cal.walk("VEVENT")}


def rename(chapter, title, slug):
    chapter = StrategyChapterPage.objects.get(pk=chapter.pk)
    chapter.title, chapter.slug = title, slug
    chapter.save_revision().publish()
    return chapter


def test_a_chapter_feed_survives_renaming_the_chapter(client, calendar, frozen):
    url = f"/de/veranstaltungen/ical/?chapter={calendar.key}"
    before = feed(client, url)
    assert list(before) == ["Werkstatt Verwaltung"]
    rename(calendar, "Verwaltung digital", "verwaltung-digital")
    assert feed(client, url) == before
    assert list(feed(client, f"/en/events/ical/?chapter={calendar.key}")) == [
        "EN: Werkstatt Verwaltung"
    ]


def test_old_slug_links_redirect_permanently_even_after_a_rename(client, calendar, frozen):
    stable = f"/de/veranstaltungen/ical/?chapter={calendar.key}"
    response = client.get("/de/veranstaltungen/ical/?chapter=digitale-verwaltung")
    assert response.status_code == 301
    assert response["Location"] == stable

    rename(calendar, "Verwaltung digital", "verwaltung-digital")
    for old in ("digitale-verwaltung", "verwaltung-digital", str(calendar.pk)):
        response = client.get(f"/de/veranstaltungen/ical/?chapter={old}")
        assert response.status_code == 301, old
        assert response["Location"] == stable
    response = client.get("/de/veranstaltungen/kalender/?chapter=digitale-verwaltung&format=")
    assert response.status_code == 301
    assert response["Location"] == f"/de/veranstaltungen/kalender/?chapter={calendar.key}&format="
    assert client.get("/de/veranstaltungen/ical/?chapter=nie-gewesen").status_code == 404


@pytest.fixture
def news(site_tree):
    index = NewsIndexPageFactory(parent=site_tree.home_de)
    translate(index, "en", title="News", slug="news")
    story = NewsPageFactory(parent=index, title="Werkstatt", slug="werkstatt",
                            date=datetime.date(2022, 4, 29))
    translate(story, "en", title="Workshop", slug="workshop")
    return story


def rss_guids(client, url):
    channel = ET.fromstring(client.get(url).content).find("channel")
    return [(item.find("guid").text, item.find("guid").get("isPermaLink"))
            for item in channel.findall("item")]


def test_news_guids_survive_a_new_slug_and_title(client, news):
    (before,) = rss_guids(client, "/de/aktuelles/feed/rss/")
    guid, permalink = before
    assert guid.startswith("urn:uuid:") and permalink == "false"
    news.title, news.slug = "Werkstatt zur Verwaltung", "werkstatt-verwaltung"
    news.save_revision().publish()
    assert rss_guids(client, "/de/aktuelles/feed/rss/") == [before]
    atom = ET.fromstring(client.get("/de/aktuelles/feed/atom/").content)
    assert [e.findtext(f"{ATOM}id") for e in atom.iter(f"{ATOM}entry")] == [guid]

    (english,) = rss_guids(client, "/en/news/feed/rss/")
    assert english[0].startswith("urn:uuid:") and english[0] != guid
