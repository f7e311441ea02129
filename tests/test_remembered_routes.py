"""Wagtail's routing remembered per process under the content version
(smartcity/pagecache/routes.py): fewer queries, and never a page that is no longer there."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from strategy.models import StrategyChapterPage
from tests.factories.strategy import translated_chapter

pytestmark = pytest.mark.django_db
DE = "/de/strategie/digitale-verwaltung/"
EN = "/en/strategy/digital-administration/"


@pytest.fixture
def chapter(site_tree):
    return StrategyChapterPage.objects.get(pk=translated_chapter(site_tree).pk)


def page_queries(client, path) -> tuple[int, int]:
    with CaptureQueriesContext(connection) as queries:
        status = client.get(path).status_code
    return status, sum('FROM "wagtailcore_page"' in q["sql"] for q in queries)


def test_a_known_address_loads_its_page_with_one_query(client, chapter):
    first = page_queries(client, DE)
    second = page_queries(client, DE)
    assert first[0] == second[0] == 200
    assert second[1] < first[1]
    assert client.get(EN).status_code == 200  # the other language is its own route
    assert "Digitale Verwaltung" in client.get(DE).content.decode()


def test_unpublished_moved_and_renamed_pages_are_routed_afresh(client, chapter, site_tree):
    assert client.get(DE).status_code == 200
    chapter.unpublish()
    assert client.get(DE).status_code == 404
    chapter.save_revision().publish()
    assert client.get(DE).status_code == 200
    chapter.slug = "verwaltung-digital"
    chapter.save_revision().publish()
    assert client.get(DE).status_code == 404
    assert client.get("/de/strategie/verwaltung-digital/").status_code == 200
    chapter.move(site_tree.home_de, pos="last-child")
    old = client.get("/de/strategie/verwaltung-digital/")  # Wagtail's automatic redirect
    assert old.status_code == 301 and old["Location"] == "/de/verwaltung-digital/"
    assert client.get("/de/verwaltung-digital/").status_code == 200
