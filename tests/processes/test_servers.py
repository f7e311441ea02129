"""Several application servers against one PostgreSQL database and one Redis: they recover when
PostgreSQL drops their connections, and share comments, page-cache purges and sessions."""

import pytest
import requests
from django.db import connection
from django.urls import reverse
from django.utils import translation

from smartcity.pagecache import HEADER
from tests.factories.home import HomePageFactory
from tests.factories.participation import citizen, debate
from tests.participation.conftest import form_data, url

pytestmark = pytest.mark.django_db(transaction=True)
PASSWORD = "a long and careful passphrase"  # tests/factories/participation.py


@pytest.fixture
def page():
    from wagtail.models import Locale, Page, Site

    home = HomePageFactory(parent=Page.get_first_root_node(), title="Start", slug="start",
                           locale=Locale.objects.get(language_code="de"))
    Site.objects.update_or_create(is_default_site=True, defaults={
        "hostname": "localhost", "port": 80, "root_page": home})
    return debate(home, title="Digitale Verwaltung", slug="verwaltung")


def terminate_other_backends() -> int:
    """Ends every connection to the test database except this test's own."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                       "WHERE datname = current_database() AND pid <> pg_backend_pid()")
        return cursor.fetchone()[0]


def test_a_server_recovers_when_postgresql_drops_its_connections(page, start_server):
    [server] = start_server()
    # A session cookie bypasses any page cache: each request reads the database.
    cookies = {"sessionid": "no-such-session"}
    assert requests.get(server.url(page.url), cookies=cookies, timeout=10).status_code == 200
    assert terminate_other_backends() >= 1  # the server's persistent connection
    for _ in range(3):
        answer = requests.get(server.url(page.url), cookies=cookies, timeout=10)
        assert answer.status_code == 200 and "Digitale Verwaltung" in answer.text


def csrf_token(html: str) -> str:
    marker = 'name="csrfmiddlewaretoken" value="'
    return html.split(marker, 1)[1].split('"', 1)[0]


def test_two_servers_share_comments_purges_and_sessions(page, start_server, redis_cache):
    anna = citizen("Anna")
    one, two = start_server(2, cache_prefix=redis_cache.key_prefix)
    anonymous = requests.Session()
    assert anonymous.get(two.url(page.url), timeout=10).headers[HEADER] == "miss"
    assert anonymous.get(two.url(page.url), timeout=10).headers[HEADER] == "hit"

    # A session made on one is valid on the other.
    with translation.override("de"):
        login = reverse("account_login")
    visitor = requests.Session()
    form = visitor.get(one.url(login), timeout=10)
    answer = visitor.post(one.url(login), timeout=10, allow_redirects=False, data={
        "login": anna.email, "password": PASSWORD, "csrfmiddlewaretoken": csrf_token(form.text)},
        headers={"Referer": one.url(login)})
    assert answer.status_code == 302, answer.text
    session = {name: visitor.cookies[name] for name in ("sessionid", "csrftoken")}
    signed_in = requests.get(two.url(page.url), cookies=session, timeout=10)
    assert HEADER not in signed_in.headers and 'id="comment-form"' in signed_in.text

    # A comment posted through the second server is read through the first, and purges the
    # page the second serves from the cache.
    assert anonymous.get(one.url(page.url), timeout=10).headers[HEADER] == "miss"
    posted = requests.post(two.url(url("post", page)), cookies=session, timeout=10,
                           allow_redirects=False, headers={"Referer": two.url(page.url)},
                           data={**form_data("Bitte auch samstags öffnen"),
                                 "csrfmiddlewaretoken": csrf_token(signed_in.text)})
    assert posted.status_code == 302, posted.text
    for server in (one, two):
        read = anonymous.get(server.url(page.url), timeout=10)
        assert read.headers[HEADER] == "miss" and "Bitte auch samstags öffnen" in read.text

    # A page published here (through the ORM) is purged from the cache both servers serve.
    assert anonymous.get(two.url(page.url), timeout=10).headers[HEADER] == "hit"
    page.title = "Digitale Verwaltung neu gedacht"
    page.save_revision().publish()
    read = anonymous.get(two.url(page.url), timeout=10)
    assert read.headers[HEADER] == "miss" and "Digitale Verwaltung neu gedacht" in read.text
