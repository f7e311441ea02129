"""Search benchmark: 10,000 content pages (half German, half English) on PostgreSQL.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench_search \\
        .venv/bin/python bench/search_bench.py

The database named in DATABASE_URL is a scratch database: it is dropped and re-created. The
script migrates it, builds a German home page and its English translation, creates the pages
(search index updates switched off), indexes them in bulk, runs ``VACUUM ANALYZE`` (what
autovacuum does after a bulk load; without statistics PostgreSQL plans every search as a
nested loop over all pages), adds two promoted results, then times typical queries and prints
the median and 95th percentile per query, for two things:

- ``search``: the search page's own code (``SiteSearch.page(1)``: count, one page of ten
  results with their specific pages, extracts and promotions);
- ``page``: the whole results page as a reader gets it, through the site's middleware with the
  page cache off (``GET /de/suche/?q=...``: the search, the query log, the template with its
  links), and the number of queries that page cost. The template keeps the results section
  per query and content version; it is deleted before each run, so that the search runs.

``BENCH_REUSE=1`` keeps the database when it already holds the pages (it is still migrated,
re-indexed and analysed), to measure a change without waiting minutes for the pages again.
``BENCH_PAGES`` and ``BENCH_RUNS`` change the size and the number of runs per query (default
100: with 30, the "95th percentile" was mostly the slowest run, and one garbage collection of
the interpreter's ~200,000 objects, 60-120 ms on a loaded machine, decided it).
"""

import os
import random
import statistics
import sys
import time
from pathlib import Path
from urllib.parse import urlparse

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "smartcity.settings.test")
os.environ.setdefault("CONN_MAX_AGE", "300")  # as deployed: one connection across requests

PAGES = int(os.environ.get("BENCH_PAGES", 10_000))
RUNS = int(os.environ.get("BENCH_RUNS", 100))
REUSE = os.environ.get("BENCH_REUSE") == "1"

GERMAN_WORDS = [
    "Stadt",
    "Verwaltung",
    "Verwaltungsdienstleistungen",
    "Bürger",
    "Bürgerinnen",
    "Dienstleistungen",
    "Daten",
    "Straßenbahn",
    "Haltestelle",
    "Sensoren",
    "Feinstaub",
    "Energie",
    "Wärmenetz",
    "Stadtwerke",
    "Quartier",
    "Lobeda",
    "Wohnungen",
    "Häuser",
    "Schule",
    "Bildung",
    "Digitalisierung",
    "Plattform",
    "Beteiligung",
    "Umfrage",
    "Radverkehr",
    "Parkplätze",
    "Ladesäulen",
    "Mobilität",
    "Gesundheit",
    "Pflege",
    "Klimaschutz",
    "Hitzeschutz",
    "Bäume",
    "Wasser",
    "und",
    "der",
    "die",
    "das",
    "mit",
    "für",
    "im",
    "auf",
    "wird",
    "werden",
    "eine",
    "einen",
    "neue",
    "digitale",
    "offene",
    "gemeinsam",
]
ENGLISH_WORDS = [
    "city",
    "administration",
    "services",
    "citizens",
    "residents",
    "data",
    "tram",
    "stop",
    "sensors",
    "particulate",
    "energy",
    "heating",
    "network",
    "utilities",
    "district",
    "housing",
    "houses",
    "school",
    "education",
    "digital",
    "platform",
    "participation",
    "survey",
    "cycling",
    "parking",
    "charging",
    "mobility",
    "health",
    "care",
    "climate",
    "heat",
    "trees",
    "water",
    "libraries",
    "running",
    "connected",
    "open",
    "shared",
    "new",
    "and",
    "the",
    "of",
    "for",
    "in",
    "on",
    "with",
]
QUERIES = {
    "de": [
        "Verwaltung",
        "Bürgern",
        "digitale Verwaltung",
        "Straßenbahn Haltestelle",
        "Dienstleistung",
        "Wärmenetz Lobeda Quartier",
        "Xylophon",
    ],
    "en": ["administration", "library", "smart city sensors", "running tram", "Xylophone"],
}


def database_holds_the_pages() -> bool:
    """Whether the scratch database exists and holds PAGES content pages (for BENCH_REUSE)."""
    import psycopg

    try:
        with psycopg.connect(os.environ["DATABASE_URL"]) as connection:
            count = connection.execute("SELECT count(*) FROM home_contentpage").fetchone()[0]
    except psycopg.Error:
        return False
    return count == PAGES


def recreate_database():
    import psycopg

    url = urlparse(os.environ["DATABASE_URL"])
    name = url.path.lstrip("/")
    admin = url._replace(path="/postgres").geturl()
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
        connection.execute(f'CREATE DATABASE "{name}"')


def text(rng, words, length=80):
    return " ".join(rng.choice(words) for _ in range(length)).capitalize() + "."


def build(log):
    from django.db import transaction
    from wagtail.models import Locale, Page, Site

    from home.models import HomePage

    de = Locale.objects.get_or_create(language_code="de")[0]
    en = Locale.objects.get_or_create(language_code="en")[0]
    root = Page.get_first_root_node()
    for page in root.get_children():
        page.delete()
    home_de = root.add_child(instance=HomePage(title="Start", slug="start", locale=de))
    # The English home page is the German one's translation (one translation key), so that the
    # English tree is served, and linked, under /en/ as on the real site.
    home_en = root.add_child(
        instance=HomePage(
            title="Home", slug="home", locale=en, translation_key=home_de.translation_key
        )
    )
    Site.objects.update_or_create(is_default_site=True, defaults={"root_page": home_de})

    rng = random.Random(1)
    started = time.perf_counter()
    with transaction.atomic():
        create_pages(rng, home_de, home_en)
    log(f"created {PAGES} pages in {time.perf_counter() - started:.1f} s")


def create_pages(rng, home_de, home_en):
    from home.models import ContentPage

    for number in range(PAGES):
        german = number % 2 == 0
        words = GERMAN_WORDS if german else ENGLISH_WORDS
        parent = home_de if german else home_en
        parent.add_child(
            instance=ContentPage(
                title=text(rng, words, 5),
                slug=f"p-{number}",
                intro=text(rng, words),
                locale=parent.locale,
            )
        )


def index(log):
    from django.db import connection
    from wagtail.search.backends import get_search_backend

    from home.models import ContentPage

    backend = get_search_backend()
    started = time.perf_counter()
    for index in backend.all_indexes():
        index.reset()
    pages = list(ContentPage.objects.all())
    for start in range(0, len(pages), 500):
        backend.add_bulk(ContentPage, pages[start : start + 500])
    log(f"indexed {len(pages)} pages in {time.perf_counter() - started:.1f} s")
    started = time.perf_counter()
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")
    log(f"VACUUM ANALYZE in {time.perf_counter() - started:.1f} s")


def promote(log):
    """Editors' picks as on the real site: a page and an external link for one query in each
    language (the promoted page is then left out of the hits below them)."""
    from wagtail.contrib.search_promotions.models import Query, SearchPromotion

    from home.models import ContentPage

    SearchPromotion.objects.all().delete()
    for query, language in (("Verwaltung", "de"), ("administration", "en")):
        page = ContentPage.objects.filter(locale__language_code=language).order_by("pk").first()
        SearchPromotion.objects.create(query=Query.get(query), page=page, sort_order=0)
        SearchPromotion.objects.create(
            query=Query.get(query),
            external_link_url="https://www.jena.de/",
            external_link_text="jena.de",
            sort_order=1,
        )
    log("promoted: a page and a link for “Verwaltung” (de) and “administration” (en)")


def timed(function, runs=RUNS) -> list[float]:
    times = []
    for _run in range(runs):
        started = time.perf_counter()
        function()
        times.append((time.perf_counter() - started) * 1000)
    return times


def measure_query(client, url, locale, query):
    """Times of ``SiteSearch.page(1)`` and of the whole page, its hits and its query count."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from search.site_search import SiteSearch

    def search():
        return SiteSearch(query, locale).page(1)

    def page():
        forget_results(query, locale.language_code)
        response = client.get(url, {"q": query})
        assert response.status_code == 200, response.status_code

    search_times = timed(search)
    hits = search().page_obj.paginator.count
    page()  # warms the other fragments (navigation, footer), as on a running server
    with CaptureQueriesContext(connection) as queries_of_the_page:
        page()
    query_count = len(queries_of_the_page)  # now: the next request empties the query log
    searched = any("indexentry" in q["sql"] for q in queries_of_the_page.captured_queries)
    assert searched, "the timed page did not run the search (its results were kept)"
    return search_times, timed(page), hits, query_count


def forget_results(query, language):
    """Delete the kept results section of this query (``search/search.html``), so that each
    timed page runs the search: a repeated query would otherwise measure the fragment cache."""
    from django.core.cache import cache
    from django.core.cache.utils import make_template_fragment_key

    from smartcity.pagecache import CONTENT, current_version

    vary_on = [current_version(CONTENT), "testserver", language, f"{query}||"]
    cache.delete(make_template_fragment_key("search_results", vary_on))


def measure(log):
    from django.test import Client
    from django.urls import reverse
    from django.utils import translation
    from wagtail.models import Locale

    client = Client()
    log(
        f"{'query':32} {'hits':>6} {'search median':>13} {'p95':>6}"
        f" {'page median':>11} {'p95':>6} {'queries':>7}"
    )
    all_search, all_page = [], []
    for language, queries in QUERIES.items():
        locale = Locale.objects.get(language_code=language)
        with translation.override(language):
            url = reverse("site_search")
            for query in queries:
                search_times, page_times, hits, count = measure_query(client, url, locale, query)
                all_search.extend(search_times)
                all_page.extend(page_times)
                log(
                    f"{language}: {query:28} {hits:>6} {statistics.median(search_times):>13.1f}"
                    f" {p95(search_times):>6.1f} {statistics.median(page_times):>11.1f}"
                    f" {p95(page_times):>6.1f} {count:>7}"
                )
    log(
        f"{'all queries':32} {'':>6} {statistics.median(all_search):>13.1f}"
        f" {p95(all_search):>6.1f} {statistics.median(all_page):>11.1f} {p95(all_page):>6.1f}"
    )


def p95(times: list[float]) -> float:
    return statistics.quantiles(times, n=20)[-1]


def main():
    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        sys.exit("Set DATABASE_URL to a scratch PostgreSQL database (it will be re-created).")
    reuse = REUSE and database_holds_the_pages()
    if not reuse:
        recreate_database()

    import django
    from django.conf import settings
    from django.core.management import call_command

    settings.WAGTAILSEARCH_BACKENDS = {
        "default": {"BACKEND": "search.backends.database", "AUTO_UPDATE": False}
    }
    django.setup()

    print(f"load average at start: {load_average()}")
    call_command("migrate", verbosity=0)
    if reuse:
        print(f"reusing the {PAGES} pages of the database (BENCH_REUSE=1)")
    else:
        build(print)
    index(print)
    promote(print)
    measure(print)
    print(f"load average at end: {load_average()}")


def load_average() -> str:
    return " / ".join(f"{value:.2f}" for value in os.getloadavg())


if __name__ == "__main__":
    main()
