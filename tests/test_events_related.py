"""What events contribute elsewhere: a chapter's upcoming events and the home page teaser."""

import pytest
import time_machine
from django.template import Context, Template
from django.test import RequestFactory
from django.utils import translation

from home.related import sections_for
from tests.factories.events import (
    ChapterFactory,
    ChapterIndexFactory,
    EventIndexPageFactory,
    berlin,
    event,
)
from tests.factories.home import translate

pytestmark = pytest.mark.django_db
NOW = berlin(2026, 11, 10, 12)


@pytest.fixture
def frozen():
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.fixture
def tree(site_tree):
    index_de = EventIndexPageFactory(parent=site_tree.home_de)
    index_en = translate(index_de, "en", title="Events", slug="events")
    strategy = ChapterIndexFactory(parent=site_tree.home_de)
    translate(strategy, "en", slug="strategy")
    chapter = ChapterFactory(parent=strategy, title="Digitale Verwaltung", slug="verwaltung")
    chapter_en = translate(chapter, "en", title="Digital administration", slug="administration")
    empty = ChapterFactory(parent=strategy, title="Mobilität", slug="mobilitaet")
    return index_de, index_en, chapter, chapter_en, empty


def request_for(path):
    request = RequestFactory().get(path)
    request.META["HTTP_HOST"] = "localhost"
    return request


def test_a_chapter_lists_its_next_three_events_in_its_language(tree, frozen):
    index_de, index_en, chapter, chapter_en, empty = tree
    for day in (25, 12, 30, 20):
        event(index_de, (berlin(2026, 11, day, 18), berlin(2026, 11, day, 20)),
              title=f"Termin {day}", related_chapters=[chapter])
    event(index_de, (berlin(2026, 11, 2, 18), berlin(2026, 11, 2, 20)), title="Vorbei",
          related_chapters=[chapter])
    event(index_de, (berlin(2026, 11, 11, 18), berlin(2026, 11, 11, 20)), title="Ohne Kapitel")
    event(index_en, (berlin(2026, 11, 13, 18), berlin(2026, 11, 13, 20)), title="In English",
          slug="in-english", related_chapters=[chapter_en])

    with translation.override("de"):
        (section,) = [s for s in sections_for(chapter, request_for("/de/")) if s.key == "events"]
    assert [o.page.title for o in section.items] == ["Termin 12", "Termin 20", "Termin 25"]
    assert section.more_url == f"/de/veranstaltungen/?chapter={chapter.key}"
    assert section.template == "events/includes/related_events.html"

    with translation.override("en"):
        (section_en,) = [
            s for s in sections_for(chapter_en, request_for("/en/")) if s.key == "events"
        ]
    assert [o.page.title for o in section_en.items] == ["In English"]
    assert section_en.more_url == f"/en/events/?chapter={chapter.key}"
    assert chapter_en.key == chapter.key

    assert not [s for s in sections_for(empty, request_for("/de/")) if s.key == "events"]
    assert not [s for s in sections_for(index_de, request_for("/de/")) if s.key == "events"]


def render_tag(path, language):
    template = Template("{% load events_tags %}{% upcoming_events 3 %}")
    with translation.override(language):
        return template.render(Context({"request": request_for(path)}))


def test_the_home_page_tag_shows_the_next_three_in_the_current_language(
    tree, frozen, django_assert_max_num_queries
):
    index_de, index_en = tree[0], tree[1]
    for day in (28, 14, 21, 30):
        event(index_de, (berlin(2026, 11, day, 18), berlin(2026, 11, day, 20)),
              title=f"Termin {day}")
    event(index_en, (berlin(2026, 11, 15, 18), berlin(2026, 11, 15, 20)), title="English date",
          slug="english-date")

    html = render_tag("/de/", "de")
    assert [t for t in ("Termin 14", "Termin 21", "Termin 28", "Termin 30") if t in html] == [
        "Termin 14", "Termin 21", "Termin 28"]
    assert html.index("Termin 14") < html.index("Termin 21") < html.index("Termin 28")
    assert "English date" not in html
    assert '<h3 class="card__title"><a href="/de/veranstaltungen/' in html
    assert 'href="/de/veranstaltungen/"' in html
    assert "English date" in render_tag("/en/", "en")

    with django_assert_max_num_queries(6):
        render_tag("/de/", "de")
