"""Several application servers against one PostgreSQL database and one Redis: they recover when
PostgreSQL drops their connections, and share comments, page-cache purges and sessions."""

import pytest
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
    assert server.get(page.url, cookies).status == 200
    assert terminate_other_backends() >= 1  # the server's persistent connection
    for _ in range(3):
        answer = server.get(page.url, cookies)
        assert answer.status == 200 and "Digitale Verwaltung" in answer.text


def csrf_token(html: str) -> str:
    marker = 'name="csrfmiddlewaretoken" value="'
    return html.split(marker, 1)[1].split('"', 1)[0]


def test_two_servers_share_comments_purges_and_sessions(page, start_server, redis_cache):
    anna = citizen("Anna")
    one, two = start_server(2, cache_prefix=redis_cache.key_prefix)
    assert two.get(page.url).headers[HEADER] == "miss"
    assert two.get(page.url).headers[HEADER] == "hit"

    # A session made on one is valid on the other.
    with translation.override("de"):
        login = reverse("account_login")
    form = one.get(login)
    answer = one.post(login, cookies=form.cookies, data={
        "login": anna.email, "password": PASSWORD, "csrfmiddlewaretoken": csrf_token(form.text)})
    assert answer.status == 302, answer.text
    session = {**form.cookies, **answer.cookies}
    assert "sessionid" in session
    signed_in = two.get(page.url, session)
    assert signed_in.headers[HEADER] is None and 'id="comment-form"' in signed_in.text

    # A comment posted through the second server is read through the first, and purges the
    # page the second serves from the cache.
    assert one.get(page.url).headers[HEADER] == "miss"
    posted = two.post(url("post", page), cookies=session, data={
        **form_data("Bitte auch samstags öffnen"),
        "csrfmiddlewaretoken": csrf_token(signed_in.text)})
    assert posted.status == 302, posted.text
    for server in (one, two):
        read = server.get(page.url)
        assert read.headers[HEADER] == "miss" and "Bitte auch samstags öffnen" in read.text

    # A page published here (through the ORM) is purged from the cache both servers serve.
    assert two.get(page.url).headers[HEADER] == "hit"
    page.title = "Digitale Verwaltung neu gedacht"
    page.save_revision().publish()
    read = two.get(page.url)
    assert read.headers[HEADER] == "miss" and "Digitale Verwaltung neu gedacht" in read.text
