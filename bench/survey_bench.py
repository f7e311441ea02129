"""Query count and time of a survey's results page with 100 and with 100,000 responses.

    .venv/bin/python bench/survey_bench.py                      # scratch SQLite file
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench_survey \\
        .venv/bin/python bench/survey_bench.py

The database named in DATABASE_URL is a scratch database: it is dropped and re-created (with
the helpers of ``page_queries.py``), migrated and given the home page, the strategy and the demo
survey on "Digitale Verwaltung" (five questions: single choice with "other", multiple choice,
scale, ranking, long text), without its generated answers. Responses are then bulk-inserted in
both languages (about seven answer rows each, drawn as the demo draws them) up to 100 and then
up to 100,000 (``BENCH_RESPONSES`` changes the larger size). For each size the script prints the
queries and the median time of RUNS requests (Django test client, no network) of the results
page (HTML) and its JSON, for an anonymous reader (the survey has closed, so the results are
public). Bulk inserts bypass ``submit_response``, which keeps the survey's tallies, so the
script rebuilds them (``SurveyTally.objects.rebuild``, one GROUP BY over all answers) and prints
how long that took. It exits 1 if a query count rises with the number of responses.
"""

import os
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "smartcity.settings.test")
os.environ.setdefault("DATABASE_URL", "sqlite:////tmp/smartcity-bench-survey.sqlite3")

SIZES = (100, int(os.environ.get("BENCH_RESPONSES", 100_000)))
CHUNK = 5000


def grow_to(total, survey, rng):
    """Add anonymous responses (two German for one English) and their answers in chunks."""
    from participation.demo import survey_content, surveys
    from participation.models import SurveyAnswer, SurveyResponse

    number = SurveyResponse.objects.filter(survey_key=survey.translation_key).count()
    while number < total:
        batch = []
        for _ in range(min(CHUNK, total - number)):
            language = "en" if number % 3 == 2 else "de"
            batch.append(SurveyResponse(survey_key=survey.translation_key, language=language,
                                        session_token=f"bench-{number}"))
            number += 1
        batch = SurveyResponse.objects.bulk_create(batch)
        SurveyAnswer.objects.bulk_create(
            (SurveyAnswer(response=response, survey_key=survey.translation_key,
                          language=response.language, **row)
             for response in batch
             for spec in survey_content.QUESTIONS
             for row in surveys.generated_rows(spec, response.language, rng)),
            batch_size=CHUNK,
        )


def main():
    import page_queries

    page_queries.reset_database()
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.urls import reverse
    from django.utils import translation

    import home.demo
    import strategy.demo
    from home.demo.tools import DemoLog
    from participation.demo import surveys
    from participation.models import SurveyAnswer, SurveyTally
    from strategy.models import StrategyChapterPage

    call_command("migrate", verbosity=0)
    home.demo.load(DemoLog())
    strategy.demo.load(DemoLog())
    chapter = StrategyChapterPage.objects.get(slug="digitale-verwaltung")
    survey = surveys.german_survey(DemoLog())
    surveys.english_survey(survey, DemoLog())
    surveys.attach(chapter, survey, DemoLog())
    chapter.refresh_from_db()
    with translation.override("de"):
        urls = {name: reverse(f"participation:{name}", args=[chapter.pk, survey.translation_key])
                for name in ("survey_results", "survey_results_json")}

    reader = Client(HTTP_HOST="localhost")
    rng = random.Random(22)
    results, rows, rebuilt = {}, {}, {}
    for size in SIZES:
        grow_to(size, survey, rng)
        started = time.perf_counter()
        SurveyTally.objects.rebuild(survey.translation_key)  # after bulk inserts only
        rebuilt[size] = (time.perf_counter() - started) * 1000
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("VACUUM ANALYZE participation_surveyanswer")
        rows[size] = SurveyAnswer.objects.filter(survey_key=survey.translation_key).count()
        participants = reader.get(urls["survey_results_json"]).json()["participants"]
        assert participants == size, (participants, size)
        measured = page_queries.measure(reader, urls)
        results[size] = {"results page (HTML)": measured["survey_results"],
                         "results (JSON)": measured["survey_results_json"]}

    print(f"database: {connection.vendor}; survey {survey.title!r} "
          f"({len(survey.questions)} questions); median of {page_queries.RUNS} requests")
    for size, count in rows.items():
        print(f"{size:>7,} responses: {count:,} answer rows; tallies rebuilt in "
              f"{rebuilt[size]:,.0f} ms")
    small, large = SIZES
    print(f"{'page':<24} {'queries':>8} {'ms':>8}   {'queries':>8} {'ms':>8}   "
          f"({small:,} / {large:,} responses)")
    rising = []
    for name in results[small]:
        (q0, t0), (q1, t1) = results[small][name], results[large][name]
        print(f"{name:<24} {q0:>8} {t0:>8.1f}   {q1:>8} {t1:>8.1f}")
        if q1 > q0:
            rising.append(name)
    if rising:
        print("query counts rose for:", ", ".join(rising))
        sys.exit(1)


if __name__ == "__main__":
    main()
