"""Query counts and timings of every page type, before and after the listings grow.

    .venv/bin/python bench/page_queries.py                      # scratch SQLite file
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench_pages \\
        .venv/bin/python bench/page_queries.py

The database named in DATABASE_URL is a scratch database: it is migrated, filled with the demo
content and then with GROW more news stories and events (default 60 of each). For every page
type the script prints the number of queries and the median time of RUNS requests (Django test
client, no network) with the demo content and after growing: the query counts must not rise.
"""

import datetime
import os
import statistics
import sys
import time
from pathlib import Path
from urllib.parse import urlparse

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "smartcity.settings.test")
os.environ.setdefault("DATABASE_URL", "sqlite:////tmp/smartcity-bench-pages.sqlite3")

GROW = int(os.environ.get("BENCH_GROW", 60))
RUNS = int(os.environ.get("BENCH_RUNS", 20))


def reset_database():
    url = urlparse(os.environ["DATABASE_URL"])
    if url.scheme == "sqlite":
        Path(url.path).unlink(missing_ok=True)
        return
    import psycopg

    name = url.path.lstrip("/")
    admin = url._replace(path="/postgres").geturl()
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
        connection.execute(f'CREATE DATABASE "{name}"')


def page_urls():
    from events.models import EventIndexPage, EventPage
    from home.models import ContentPage, HomePage
    from news.models import NewsIndexPage, NewsPage
    from strategy.models import StrategyChapterPage, StrategyIndexPage

    urls = {}
    for name, model, suffix in [
        ("home", HomePage, ""),
        ("content page", ContentPage, ""),
        ("strategy index", StrategyIndexPage, ""),
        ("strategy chapter", StrategyChapterPage, ""),
        ("news index", NewsIndexPage, ""),
        ("news page", NewsPage, ""),
        ("news RSS feed", NewsIndexPage, "feed/rss/"),
        ("event index", EventIndexPage, ""),
        ("event month", EventIndexPage, "kalender/"),
        ("event iCal feed", EventIndexPage, "ical/"),
        ("event page", EventPage, ""),
    ]:
        page = model.objects.live().filter(locale__language_code="de").order_by("path").first()
        urls[name] = page.url + suffix
    urls["search"] = "/de/suche/?q=Verwaltung"
    return urls


def measure(client, urls):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    results = {}
    for name, url in urls.items():
        client.get(url)  # warm caches that a real server would keep
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
        query_count = len(queries)  # read now: the next request empties the query log
        timings = []
        for _ in range(RUNS):
            start = time.perf_counter()
            client.get(url)
            timings.append((time.perf_counter() - start) * 1000)
        results[name] = (query_count, statistics.median(timings))
    return results


def grow():
    from django.utils import timezone

    from events.models import EventIndexPage, EventOccurrence, EventPage
    from news.models import NewsIndexPage, NewsPage

    news_index = NewsIndexPage.objects.get(locale__language_code="de")
    events_index = EventIndexPage.objects.get(locale__language_code="de")
    today = datetime.date.today()
    soon = timezone.now().replace(minute=0, second=0, microsecond=0)
    for n in range(GROW):
        story = news_index.add_child(instance=NewsPage(
            title=f"Meldung zur Verwaltung {n}", slug=f"bench-meldung-{n}",
            date=today - datetime.timedelta(days=n), lead="Ein Vorspann für den Benchmark.",
        ))
        story.save_revision().publish()
        event = events_index.add_child(instance=EventPage(
            title=f"Werkstatt Verwaltung {n}", slug=f"bench-werkstatt-{n}",
            summary="Eine Veranstaltung für den Benchmark.", event_format="online",
            online_url="https://meet.example.org/bench", organiser="Projektteam",
        ))
        start = soon + datetime.timedelta(days=n % 20, hours=n % 5)
        EventOccurrence.objects.create(page=event, start=start,
                                       end=start + datetime.timedelta(hours=2))
        event.save_revision().publish()


def main():
    reset_database()
    import django

    django.setup()
    from io import StringIO

    from django.core.management import call_command
    from django.test import Client

    call_command("migrate", verbosity=0)
    call_command("load_demo", stdout=StringIO())
    client = Client(HTTP_HOST="localhost")
    urls = page_urls()
    before = measure(client, urls)
    grow()
    after = measure(client, urls)
    print(f"database: {django.db.connection.vendor}; {GROW} more news stories and events; "
          f"median of {RUNS} requests")
    header = f"{'page type':<18} {'queries':>8} {'ms':>7}   {'queries':>8} {'ms':>7}"
    print(header + "   (after growing)")
    rising = []
    for name in urls:
        (q0, t0), (q1, t1) = before[name], after[name]
        print(f"{name:<18} {q0:>8} {t0:>7.1f}   {q1:>8} {t1:>7.1f}")
        if q1 > q0:
            rising.append(name)
    if rising:
        print("query counts rose for:", ", ".join(rising))
        sys.exit(1)


if __name__ == "__main__":
    main()
