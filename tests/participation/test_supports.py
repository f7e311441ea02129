"""Supporting a comment: once per citizen, withdrawable, counted, and safe under a race."""

import threading

import pytest
from django.db import connection, connections
from django.test import Client

from participation.models import Support
from tests.factories.participation import comment
from tests.participation.conftest import url

pytestmark = pytest.mark.django_db


def support(client, page, target, value="1", **headers):
    return client.post(url("support", page, target.pk), {"support": value}, **headers)


def test_support_and_withdraw_in_either_language(client, pages, anna, ben):
    theirs = comment(pages.de, anna, "Guter Punkt")
    client.force_login(ben)
    assert support(client, pages.en, theirs).status_code == 302
    assert support(client, pages.de, theirs).status_code == 302  # twice is still once
    assert Support.objects.filter(comment=theirs).count() == 1
    html = client.get(pages.en.url).content.decode()
    assert "1 supporter" in html and "Withdraw support" in html
    assert "1 Unterstützung" in client.get(pages.de.url).content.decode()
    assert support(client, pages.de, theirs, "0").status_code == 302
    assert not Support.objects.exists()


def test_support_without_reload_answers_json(client, pages, anna, ben):
    theirs = comment(pages.de, anna, "Guter Punkt")
    client.force_login(ben)
    response = support(client, pages.de, theirs, HTTP_ACCEPT="application/json")
    assert response.json() == {"supported": True, "count": 1, "label": "1 Unterstützung"}


def test_own_comments_and_other_pages_comments_cannot_be_supported(client, pages, anna,
                                                                   site_tree):
    from tests.factories.participation import debate

    mine = comment(pages.de, anna, "Meiner")
    client.force_login(anna)
    assert support(client, pages.de, mine).status_code == 403
    other_page = debate(site_tree.home_de, title="Andere")
    assert support(client, other_page, mine).status_code == 404
    assert not Support.objects.exists()


def test_anonymous_readers_see_the_count_but_no_button(client, pages, anna, ben):
    theirs = comment(pages.de, anna, "Guter Punkt")
    Support.objects.create(comment=theirs, user=ben)
    html = client.get(pages.de.url).content.decode()
    assert "1 Unterstützung" in html and "Unterstützen</button>" not in html
    assert support(client, pages.de, theirs).status_code == 302  # to the login page
    assert Support.objects.count() == 1


@pytest.mark.django_db(transaction=True)
def test_twenty_concurrent_identical_supports_store_one(pages, anna, ben):
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL: SQLite serialises every write, so there is no race")
    theirs = comment(pages.de, anna, "Umstritten")
    clients = []
    for _ in range(20):
        client = Client()
        client.force_login(ben)
        clients.append(client)
    start = threading.Barrier(len(clients))
    statuses = []

    def run(client):
        start.wait()
        try:
            statuses.append(support(client, pages.de, theirs).status_code)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(client,)) for client in clients]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert statuses == [302] * 20
    assert Support.objects.filter(comment=theirs, user=ben).count() == 1
