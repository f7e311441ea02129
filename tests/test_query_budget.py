"""Queries of an anonymous reader's chapter page: flat as the discussion grows, within budget.
(bench/query_counts.py measures every page type with 10 vs 1,000 comments, 500 news, 500
events on PostgreSQL.)"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories.participation import citizen, comment
from tests.test_page_cache import DE, chapter  # noqa: F401, F811 (fixture)

pytestmark = pytest.mark.django_db
CHAPTER_BUDGET = 22  # the target is 15: see bench/README.md for what remains


@pytest.fixture
def page_cache(settings):
    settings.PAGE_CACHE_ENABLED = False  # every request is rendered


def queries(client, path) -> int:
    client.get(path)  # fragments warm, as on a running server
    with CaptureQueriesContext(connection) as captured:
        assert client.get(path).status_code == 200
    return len(captured)


def test_the_chapter_costs_the_same_with_3_or_60_comments(client, chapter):  # noqa: F811
    anna = citizen("Anna")
    for n in range(3):
        comment(chapter, anna, f"Beitrag {n}")
    few = queries(client, DE)
    for n in range(57):
        parent = comment(chapter, anna, f"Mehr {n}")
        comment(chapter, anna, f"Antwort {n}", parent=parent)
    assert queries(client, DE) == few <= CHAPTER_BUDGET
