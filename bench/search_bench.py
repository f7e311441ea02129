"""Search benchmark: 10,000 content pages (half German, half English) on PostgreSQL.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench_search \\
        .venv/bin/python bench/search_bench.py

The database named in DATABASE_URL is a scratch database: it is dropped and re-created. The
script migrates it, builds a German home page and its English translation, creates the pages
(search index updates switched off), indexes them in bulk, then runs typical queries through
the search page's own code (count, one page of ten results with snippets) and prints the
median and 95th percentile per query.
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

PAGES = int(os.environ.get("BENCH_PAGES", 10_000))
RUNS = int(os.environ.get("BENCH_RUNS", 30))

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
    from django.core.management import call_command
    from django.db import transaction
    from wagtail.models import Locale, Page, Site

    from home.models import HomePage

    call_command("migrate", verbosity=0)
    de = Locale.objects.get_or_create(language_code="de")[0]
    en = Locale.objects.get_or_create(language_code="en")[0]
    root = Page.get_first_root_node()
    for page in root.get_children():
        page.delete()
    home_de = root.add_child(instance=HomePage(title="Start", slug="start", locale=de))
    home_en = root.add_child(instance=HomePage(title="Home", slug="home", locale=en))
    Site.objects.update_or_create(is_default_site=True, defaults={"root_page": home_de})

    rng = random.Random(1)
    started = time.perf_counter()
    with transaction.atomic():
        create_pages(rng, home_de, home_en)
    log(f"created {PAGES} pages in {time.perf_counter() - started:.1f} s")
    return de, en


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


def measure(locales, log):
    from django.utils import translation

    from search.site_search import SiteSearch

    log(f"{'query':32} {'hits':>6} {'median ms':>10} {'p95 ms':>8}")
    all_times = []
    for (language, queries), locale in zip(QUERIES.items(), locales, strict=True):
        with translation.override(language):
            for query in queries:
                times = []
                for _run in range(RUNS):
                    started = time.perf_counter()
                    result_page = SiteSearch(query, locale).page(1)
                    times.append((time.perf_counter() - started) * 1000)
                all_times.extend(times)
                hits = result_page.page_obj.paginator.count
                p95 = statistics.quantiles(times, n=20)[-1]
                median = statistics.median(times)
                log(f"{language}: {query:28} {hits:>6} {median:>10.1f} {p95:>8.1f}")
    p95 = statistics.quantiles(all_times, n=20)[-1]
    log(f"{'all queries':32} {'':>6} {statistics.median(all_times):>10.1f} {p95:>8.1f}")


def main():
    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        sys.exit("Set DATABASE_URL to a scratch PostgreSQL database (it will be re-created).")
    recreate_database()

    import django
    from django.conf import settings

    settings.WAGTAILSEARCH_BACKENDS = {
        "default": {"BACKEND": "search.backends.database", "AUTO_UPDATE": False}
    }
    django.setup()

    locales = build(print)
    index(print)
    measure(locales, print)


if __name__ == "__main__":
    main()
