"""News and events in the site search: found by their text, shown with their date."""

import datetime

import pytest
from django.urls import reverse
from django.utils import translation

from tests.factories.events import EventIndexPageFactory, berlin, event
from tests.factories.news import NewsIndexPageFactory, NewsPageFactory

pytestmark = pytest.mark.django_db


def search(client, q, **params):
    with translation.override("de"):
        url = reverse("site_search")
    return client.get(url, {"q": q, **params})


def test_news_results_show_their_publication_date(client, site_tree):
    index = NewsIndexPageFactory(parent=site_tree.home_de)
    NewsPageFactory(parent=index, title="Bürgerbeteiligung zur Verwaltung",
                    date=datetime.date(2022, 4, 29))
    response = search(client, "Bürgerbeteiligung", type="news")
    hits = response.context["result_page"].hits
    assert [hit.date for hit in hits] == [datetime.date(2022, 4, 29)]
    assert "29. April 2022" in response.content.decode()


def test_event_results_show_the_next_date_without_a_query_per_event(
    client, site_tree, django_assert_max_num_queries
):
    index = EventIndexPageFactory(parent=site_tree.home_de)
    future = berlin(2031, 5, 4, 17)
    event(index, (future, future + datetime.timedelta(hours=2)), title="Werkstatt Mobilität 0")
    response = search(client, "Werkstatt", type="events")
    assert [hit.date for hit in response.context["result_page"].hits] == [future]

    with django_assert_max_num_queries(40) as one_event:
        search(client, "Werkstatt", type="events")
    for n in range(1, 6):
        start = berlin(2031, 6, n, 17)
        event(index, (start, start + datetime.timedelta(hours=2)), title=f"Werkstatt Mobilität {n}")
    budget = len(one_event.captured_queries)
    search(client, "Werkstatt", type="events")  # new content version: fragments render once
    with django_assert_max_num_queries(budget):
        response = search(client, "Werkstatt", type="events")
    assert len(response.context["result_page"].hits) == 6


@pytest.mark.parametrize("group_name", ["Redaktion", "Freigabe"])
def test_the_communications_team_sees_popular_search_terms(client, site_tree, django_user_model,
                                                           group_name):
    from django.contrib.auth.models import Group

    search(client, "Verwaltung")
    member = django_user_model.objects.create_user("presse", password="x" * 16)
    member.groups.add(Group.objects.get(name=group_name))
    client.force_login(member)
    response = client.get(reverse("site_search_admin:popular_terms"))
    assert response.status_code == 200
    assert "verwaltung" in response.content.decode()
