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


# What the search costs on PostgreSQL (bench/search_bench.py measures it over 10,000 pages):
# the SQL is cheaper than modelsearch's own, and must find, rank and count exactly the same.


def ranking_pages(site_tree):
    """Pages that rank differently for "Verwaltung" (title, frequency), some of them equal."""
    pages = [
        content_page(site_tree.home_de, "Verwaltung digital", "Verwaltung Verwaltung Verwaltung"),
        content_page(site_tree.home_de, "Rathaus", "Verwaltung und Bürgerservice"),
        content_page(site_tree.home_de, "Bürgeramt", "Die Verwaltungsdienstleistungen"),
        content_page(site_tree.home_de, "Verwaltungsreform", "Reform"),
        content_page(site_tree.home_en, "Administration", "Verwaltung in English"),
        content_page(site_tree.home_de, "Anderes", "Straßenbahn"),
    ]
    pages += [
        content_page(site_tree.home_de, f"Gleich {n}", "Verwaltung Bürger") for n in range(12)
    ]
    return pages


def stock_and_ours(query, locale):
    """The page ids modelsearch's own PostgreSQL query ranks, and those of ours."""
    from modelsearch.backends.database.postgres.postgres import PostgresSearchQueryCompiler

    from search.site_search import SiteSearch

    results = SiteSearch(query, locale).results()
    compiler, backend = results.query_compiler, results.backend
    config = compiler.get_config(backend)
    stock = PostgresSearchQueryCompiler.search(compiler, config, None, None, backend=backend)
    ours = compiler.search(config, None, None, backend=backend)
    return list(stock.values_list("pk", flat=True)), list(ours.values_list("pk", flat=True))


def test_the_cheaper_query_finds_and_ranks_like_modelsearchs_own(site_tree):
    ranking_pages(site_tree)
    for query in ["Verwaltung", "Verwaltung Bürger", "Reform", "Xylophon", "Bürgern"]:
        stock, ours = stock_and_ours(query, site_tree.de)
        assert ours == stock, query
    assert len(stock_and_ours("Verwaltung", site_tree.de)[0]) == 16


def test_one_query_for_a_page_of_results_and_their_number(site_tree):
    from django.core.paginator import Paginator
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from search.site_search import ResultPaginator, SiteSearch

    ranking_pages(site_tree)
    search = SiteSearch("Verwaltung", site_tree.de)
    for number in [1, 2, 3, "x", 0, -1, 99, "99999999999999999999"]:
        expected = Paginator(search.results(), 5).get_page(number)
        with CaptureQueriesContext(connection) as queries:
            page = ResultPaginator(search.results(), 5).get_page(number)
            items = [p.pk for p in page.object_list]
        assert items == [p.pk for p in expected.object_list], number
        assert (page.number, page.paginator.count) == (expected.number, 16), number
        if number in (1, 2, 3, "x"):  # in range: the page, counted, and its specific pages
            assert len([q for q in queries if q["sql"].startswith("WITH hits")]) == 1
            assert not [q for q in queries if "COUNT(*)" in q["sql"]]
    assert [type(p).__name__ for p in page.object_list] == ["ContentPage"]


def test_no_hits_are_counted_in_the_same_query(site_tree):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from search.site_search import ResultPaginator, SiteSearch

    ranking_pages(site_tree)
    with CaptureQueriesContext(connection) as queries:
        page = ResultPaginator(SiteSearch("Xylophon", site_tree.de).results(), 5).get_page(1)
    assert (list(page.object_list), page.paginator.count, page.number) == ([], 0, 1)
    assert not [q for q in queries if "COUNT(*)" in q["sql"]]


def test_postgresql_matches_through_the_gin_index_on_title_and_body(site_tree):
    """The index of migration search.0001 serves the expression the backend emits."""
    from django.db import connection, transaction
    from django.test.utils import CaptureQueriesContext
    from wagtail.search.models import IndexEntry

    from search.site_search import SiteSearch

    ranking_pages(site_tree)
    with CaptureQueriesContext(connection) as queries:
        SiteSearch("Verwaltung Bürger", site_tree.de).page(1)
    [search_sql] = [q["sql"] for q in queries if q["sql"].startswith("WITH hits")]
    table = IndexEntry._meta.db_table
    assert f'("{table}"."title" || "{table}"."body") @@ (to_tsquery(' in search_sql
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")  # a handful of rows: any index wins
        cursor.execute(
            f"EXPLAIN SELECT id FROM {table} "  # noqa: S608 (a model's table name)
            "WHERE (title || body) @@ to_tsquery('german', 'verwalt:* & burg:*')"
        )
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "site_search_indexentry_text_gin" in plan, plan
