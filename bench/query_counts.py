"""Queries per page for an anonymous reader as the content grows: flat, and at most 15.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench_queries \\
        .venv/bin/python bench/query_counts.py

The database named in DATABASE_URL is a scratch database (dropped and re-created): migrated,
filled with the demo content, then grown in two steps: to SMALL and to LARGE comments on the
chapter "Digitale Verwaltung" (10 and 1,000), news stories (10 and 500) and events (10 and 500).
Each page is requested twice with the page cache bypassed (fragments warm, as on a running
server) and the queries of the second request are counted. Exits 1 when a count rises or
passes the budget.
"""

import datetime
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "smartcity.settings.test")
os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/bench_queries")

from page_queries import reset_database  # noqa: E402

BUDGET = 15
STEPS = {"small": {"comments": 10, "news": 10, "events": 10},
         "large": {"comments": 1000, "news": 500, "events": 500}}
PAGES = {
    "home": "/de/",
    "news index": "/de/aktuelles/",
    "news page": "/de/aktuelles/workshop-digitale-verwaltung/",
    "chapter": "/de/smart-city-strategie/digitale-verwaltung/",
    "event index": "/de/veranstaltungen/",
    "search": "/de/suche/?q=Verwaltung",
}


def grow_to(target: dict, done: dict) -> None:
    from django.utils import timezone

    from events.models import EventIndexPage, EventOccurrence, EventPage
    from news.models import NewsIndexPage, NewsPage
    from participation.models import CitizenComment, Discussion
    from strategy.models import StrategyChapterPage
    from tests.factories.participation import citizen

    news_index = NewsIndexPage.objects.get(locale__language_code="de")
    events_index = EventIndexPage.objects.get(locale__language_code="de")
    today = datetime.date.today()
    soon = timezone.now().replace(minute=0, second=0, microsecond=0)
    for n in range(done["news"], target["news"]):
        story = news_index.add_child(instance=NewsPage(
            title=f"Meldung zur Verwaltung {n}", slug=f"bench-meldung-{n}",
            date=today - datetime.timedelta(days=n), lead="Ein Vorspann für den Benchmark."))
        story.save_revision().publish()
    for n in range(done["events"], target["events"]):
        event = events_index.add_child(instance=EventPage(
            title=f"Werkstatt Verwaltung {n}", slug=f"bench-werkstatt-{n}",
            summary="Eine Veranstaltung.", event_format="online",
            online_url="https://meet.example.org/bench", organiser="Projektteam"))
        start = soon + datetime.timedelta(days=n % 40, hours=n % 5)
        EventOccurrence.objects.create(page=event, start=start,
                                       end=start + datetime.timedelta(hours=2))
        event.save_revision().publish()
    chapter = StrategyChapterPage.objects.get(locale__language_code="de",
                                              slug="digitale-verwaltung")
    discussion = Discussion.for_page(chapter)
    author = citizen(f"Bench {target['comments']}", username=f"bench{target['comments']}")
    new = [CitizenComment(discussion=discussion, author=author, text=f"Beitrag {n}",
                          language="de", depth=0)
           for n in range(done["comments"], target["comments"])]
    for comment in CitizenComment.objects.bulk_create(new):
        comment.thread = comment
    CitizenComment.objects.bulk_update(new, ["thread"])
    done.update(target)


def count(client) -> dict[str, int]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    counts = {}
    for name, url in PAGES.items():
        client.get(url)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
        counts[name] = len(queries)
    return counts


def main() -> int:
    reset_database()
    import django

    django.setup()
    from io import StringIO

    from django.conf import settings
    from django.core.management import call_command
    from django.test import Client

    settings.PAGE_CACHE_ENABLED = False  # every request is rendered
    call_command("migrate", verbosity=0)
    call_command("load_demo", stdout=StringIO())
    client = Client(HTTP_HOST="localhost")
    done = {"comments": 0, "news": 0, "events": 0}
    results = {}
    for step, target in STEPS.items():
        grow_to(target, done)
        results[step] = count(client)
    print(f"{datetime.date.today()}  database: {django.db.connection.vendor}; anonymous, "
          f"page cache bypassed, second request; budget {BUDGET}")
    print(f"{'page':<12} {'small':>6} {'large':>6}   (small: 10 comments/news/events; large: "
          "1,000 comments, 500 news, 500 events)")
    failed = False
    for name in PAGES:
        small, large = results["small"][name], results["large"][name]
        verdict = "ok"
        if large > small:
            verdict, failed = "RISES", True
        elif large > BUDGET:
            verdict, failed = "over budget", True
        print(f"{name:<12} {small:>6} {large:>6}   {verdict}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
