"""Prefix matching on both database backends: terms of four or more letters also find longer
words, on SQLite (FTS5 prefix queries, what ``make run`` gives) as on PostgreSQL."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection
from django.urls import reverse
from django.utils import translation
from wagtail.search.backends import get_search_backend

from tests.factories.search import content_page

pytestmark = pytest.mark.django_db


def found(client, query, language="de"):
    with translation.override(language):
        url = reverse("site_search")
    response = client.get(url, {"q": query})
    assert response.status_code == 200
    return [hit.page.title for hit in response.context["result_page"].hits]


@pytest.fixture
def pages(site_tree):
    content_page(site_tree.home_de, "Bürgerservice",
                 "Verwaltungsleistungen nach dem Onlinezugangsgesetz, im Bauamt und im Rathaus.")
    content_page(site_tree.home_en, "Sensors", "The city connects sensors across Jena.")


def test_the_default_backend_is_the_prefix_matching_one():
    expected = {"sqlite": "PrefixSQLiteSearchBackend",
                "postgresql": "LanguagePostgresSearchBackend"}[connection.vendor]
    assert type(get_search_backend()).__name__ == expected


@pytest.mark.parametrize("query", ["Verwaltungsleistung", "Onlinezugang", "verwaltungsleist",
                                   "ONLINEZUGANG", "Rathaus"])
def test_a_term_finds_words_that_start_with_it(client, pages, query):
    assert found(client, query) == ["Bürgerservice"]


def test_english_terms_match_as_prefixes_too(client, pages):
    assert found(client, "sensor", "en") == ["Sensors"]
    assert found(client, "connect", "en") == ["Sensors"]
    assert found(client, "sensor") == []  # an English page is not a German result


def test_short_terms_match_whole_words_only(client, pages):
    assert found(client, "Bau") == []
    assert found(client, "Bauamt") == ["Bürgerservice"]


def test_every_term_must_match(client, pages):
    assert found(client, "Verwaltungsleistung Rathaus") == ["Bürgerservice"]
    assert found(client, "Verwaltungsleistung Straßenbahn") == []


def test_the_demo_finds_what_the_issue_asked_for(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        call_command("load_demo", stdout=StringIO())
    assert found(client, "Verwaltungsleistung")
    assert found(client, "Onlinezugang")
