"""Query counts and timings of a strategy chapter's discussion with 10 and with 1,000 comments.

    .venv/bin/python bench/discussion_bench.py                  # scratch SQLite file
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench_discussion \\
        .venv/bin/python bench/discussion_bench.py

The database named in DATABASE_URL is a scratch database: it is dropped and re-created (with
the helpers of ``page_queries.py``), migrated and given the home page and the strategy from the
demo content; the participation demo is left out so that the chapter "Digitale Verwaltung"
(four goals, ten measures) starts without comments. It is seeded with 10 comments, then grown
to 1,000: threads spread over the whole chapter, its goals and its measures, replies down to
the deepest level, in German and English, with supports. For each size the script prints the
queries and the median time of RUNS requests (Django test client, no network) of the chapter
for an anonymous reader and for a signed-in citizen, and of the discussion page of one measure.
It exits 1 if a query count with 1,000 comments is higher than with 10.
"""

import datetime
import os
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "smartcity.settings.test")
os.environ.setdefault("DATABASE_URL", "sqlite:////tmp/smartcity-bench-discussion.sqlite3")

SIZES = (10, 1000)
CITIZENS = 8
# Of every ten comments, four start a thread and six reply: three directly, two to a reply,
# one at the deepest level.
SHARE_BY_DEPTH = (4, 3, 2, 1)
PHASE_START = datetime.datetime(2022, 3, 14, 8, 0, tzinfo=datetime.UTC)
PHASE_MINUTES = 97 * 24 * 60  # 14 March to 19 June 2022
TEXTS = {
    "de": "Beitrag {n}: Bitte die Online-Termine auch abends anbieten und die Formulare "
          "barrierefrei gestalten. Mehr dazu unter https://www.example.org/vorschlag/{n}.",
    "en": "Comment {n}: please offer online appointments in the evening too and make the "
          "forms accessible. More at https://www.example.org/proposal/{n}.",
}


def bench_citizens():
    """Verified citizens with public names; the first one is the signed-in reader."""
    from allauth.account.models import EmailAddress
    from django.contrib.auth import get_user_model
    from django.contrib.auth.hashers import make_password

    from participation.models import Participant

    user_model = get_user_model()
    users = user_model.objects.bulk_create(
        user_model(username=f"bench-{n}", email=f"bench-{n}@bench.example",
                   password=make_password(None))
        for n in range(CITIZENS)
    )
    EmailAddress.objects.bulk_create(
        EmailAddress(user=user, email=user.email, verified=True, primary=True) for user in users
    )
    Participant.objects.bulk_create(
        Participant(user=user, display_name=f"Bürgerin {n}", privacy_consent_at=PHASE_START)
        for n, user in enumerate(users)
    )
    return users


def grow_to(total, discussion, targets, citizens, rng):
    """Add comments (level by level, with ``bulk_create``) until the discussion has ``total``,
    then supports from the other citizens."""
    from django.db.models import F

    from participation.models import CitizenComment, Support

    existing = CitizenComment.objects.filter(discussion=discussion)
    missing = total - existing.count()
    counts = [missing * share // sum(SHARE_BY_DEPTH) for share in SHARE_BY_DEPTH]
    counts[0] += missing - sum(counts)
    number = existing.count()
    created, parents = [], []
    for depth, count in enumerate(counts):
        level = []
        for _ in range(count):
            number += 1
            author = citizens[number % len(citizens)]
            language = ("de", "en")[number % 2]
            if depth:
                parent = rng.choice(parents)
                target, kind = parent.target, parent.target_kind
                written = parent.created_at + datetime.timedelta(minutes=rng.randint(5, 2880))
            else:
                parent = None
                target, kind = targets[number % len(targets)]
                written = PHASE_START + datetime.timedelta(minutes=rng.randrange(PHASE_MINUTES))
            level.append(CitizenComment(
                discussion=discussion, target=target, target_kind=kind, parent=parent,
                thread_id=parent.thread_id if parent else None, depth=depth, author=author,
                language=language, text=TEXTS[language].format(n=number), created_at=written,
            ))
        level = CitizenComment.objects.bulk_create(level)
        if depth == 0:
            existing.filter(depth=0, thread__isnull=True).update(thread=F("pk"))
            for root in level:
                root.thread_id = root.pk
        created += level
        parents = level
    Support.objects.bulk_create(
        Support(comment=comment, user=user,
                created_at=comment.created_at + datetime.timedelta(hours=1))
        for comment in created
        for user in rng.sample(citizens, rng.randint(0, 4))
        if user.pk != comment.author_id
    )


def main():
    import page_queries

    page_queries.reset_database()
    import django

    django.setup()
    from django.core.management import call_command
    from django.test import Client
    from django.urls import reverse
    from django.utils import translation

    import home.demo
    import strategy.demo
    from home.demo.tools import DemoLog
    from participation.models import CitizenComment, Discussion, Support
    from strategy.models import StrategyChapterPage

    call_command("migrate", verbosity=0)
    home.demo.load(DemoLog())
    strategy.demo.load(DemoLog())
    chapter = StrategyChapterPage.objects.get(slug="digitale-verwaltung")
    parts = chapter.participation_targets()
    targets = [("", ""), *((part.key, part.kind) for part in parts)]
    measure = next(part for part in parts if part.kind == "measure")
    with translation.override(chapter.locale.language_code):
        measure_url = reverse("participation:discussion", args=[chapter.pk])
    urls = {"chapter": chapter.url, "measure": f"{measure_url}?about={measure.key}"}

    citizens = bench_citizens()
    reader = Client(HTTP_HOST="localhost")
    citizen = Client(HTTP_HOST="localhost")
    citizen.force_login(citizens[0])
    discussion = Discussion.for_page(chapter)
    rng = random.Random(20)
    results, seeded = {}, {}
    for size in SIZES:
        grow_to(size, discussion, targets, citizens, rng)
        comments = CitizenComment.objects.filter(discussion=discussion)
        shown = reader.get(urls["chapter"]).content.decode().count('<li class="comment')
        assert shown, "the chapter shows no comments"
        seeded[size] = (comments.filter(depth=0).count(), comments.filter(depth__gt=0).count(),
                        Support.objects.filter(comment__discussion=discussion).count(),
                        comments.filter(target=measure.key).count(), shown)
        anonymous = page_queries.measure(reader, urls)
        signed_in = page_queries.measure(citizen, {"chapter": urls["chapter"]})
        results[size] = {
            "chapter, anonymous": anonymous["chapter"],
            "chapter, signed-in citizen": signed_in["chapter"],
            "discussion of one measure": anonymous["measure"],
        }

    goals = sum(part.kind == "goal" for part in parts)
    print(f"database: {django.db.connection.vendor}; chapter {chapter.title!r} ({goals} goals, "
          f"{len(parts) - goals} measures); median of {page_queries.RUNS} requests")
    for size, (threads, replies, supports, on_measure, shown) in seeded.items():
        print(f"{size:>5} comments: {threads} threads, {replies} replies, {supports} supports, "
              f"{on_measure} on the measure; {shown} shown on the chapter")
    small, large = SIZES
    print(f"{'page':<32} {'queries':>8} {'ms':>7}   {'queries':>8} {'ms':>7}   "
          f"({small} / {large:,} comments)")
    rising = []
    for name in results[small]:
        (q0, t0), (q1, t1) = results[small][name], results[large][name]
        print(f"{name:<32} {q0:>8} {t0:>7.1f}   {q1:>8} {t1:>7.1f}")
        if q1 > q0:
            rising.append(name)
    if rising:
        print("query counts rose for:", ", ".join(rising))
        sys.exit(1)


if __name__ == "__main__":
    main()
