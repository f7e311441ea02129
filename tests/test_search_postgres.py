"""Language analysis on PostgreSQL: German and English stemming, German compound prefixes.

SQLite's FTS5 has no stemming, so these run on PostgreSQL only (``.ci/run`` uses it).
"""

import pytest
from django.db import connection
from django.urls import reverse
from django.utils import translation
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from tests.factories.search import content_page

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="stemming and compound matching need PostgreSQL full-text search (set DATABASE_URL)",
)


def found(client, query, language="de"):
    with translation.override(language):
        url = reverse("site_search")
    response = client.get(url, {"q": query})
    assert response.status_code == 200
    return [hit.page.title for hit in response.context["result_page"].hits]


@pytest.fixture
def german(site_tree):
    return content_page(
        site_tree.home_de,
        "Bürgerservice",
        "Verwaltungsdienstleistungen für Bürger: Dienstleistungen rund um Häuser und Wohnungen.",
    )


@pytest.fixture
def english(site_tree):
    return content_page(
        site_tree.home_en,
        "Citizens' services",
        "The city is running sensors and connecting libraries across Jena.",
    )


def test_the_backend_is_the_language_aware_one():
    assert type(get_search_backend()).__name__ == "LanguagePostgresSearchBackend"


def test_german_stemming(client, german):
    assert found(client, "Bürgern") == ["Bürgerservice"]
    assert found(client, "Haus") == ["Bürgerservice"]
    assert found(client, "Dienstleistung") == ["Bürgerservice"]


def test_german_compound_found_by_its_first_part(client, german):
    assert found(client, "Verwaltung") == ["Bürgerservice"]
    assert found(client, "Verwaltungen") == ["Bürgerservice"]


def test_a_compound_is_not_found_by_a_later_part(client, site_tree):
    content_page(site_tree.home_de, "Nur Kompositum", "Verwaltungsdienstleistungen")
    assert found(client, "Dienstleistung") == []  # documented limit: prefixes only


def test_short_terms_match_whole_words_only(client, site_tree):
    content_page(site_tree.home_de, "Kurz", "Itzehoe")
    assert found(client, "It") == []


def test_all_terms_must_match(client, german):
    assert found(client, "Verwaltung Bürger") == ["Bürgerservice"]
    assert found(client, "Verwaltung Straßenbahn") == []


def test_english_stemming(client, english):
    assert found(client, "run", "en") == ["Citizens' services"]
    assert found(client, "library", "en") == ["Citizens' services"]
    assert found(client, "connected", "en") == ["Citizens' services"]


def test_each_language_is_indexed_with_its_own_configuration(german, english):
    from wagtail.search.models import IndexEntry

    def lexemes(page):
        return IndexEntry.objects.get(object_id=str(page.pk)).body

    assert "'verwaltungsdienstleist'" in lexemes(german)  # german stemmer
    assert "'librari'" in lexemes(english)  # english stemmer
    assert "'verwaltungsdienstleistungen'" not in lexemes(german)


def test_search_without_a_locale_filter_finds_both_languages(german, english):
    """The admin's page search runs over both trees: the query is analysed both ways."""
    found_pages = set(Page.objects.search("Bürgern").results()) | set(
        Page.objects.search("libraries").results()
    )
    assert {german.pk, english.pk} <= {p.pk for p in found_pages}


def test_highlighting_follows_stemming_and_prefixes(client, german):
    with translation.override("de"):
        url = reverse("site_search")
    html = client.get(url, {"q": "Verwaltung Bürgern"}).content.decode()
    assert "<mark>Verwaltungsdienstleistungen</mark> für <mark>Bürger</mark>:" in html
