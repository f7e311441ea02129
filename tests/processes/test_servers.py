"""Several application servers against one PostgreSQL database and one Redis: they recover when
PostgreSQL drops their connections, and share comments, page-cache purges, sessions and rate
limits, with a task worker beside them."""

import re
import time

import pytest
from django.db import connection
from django.urls import reverse
from django.utils import translation

from participation.models import CitizenComment
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


def log_in(server, user) -> dict:
    """Signs in through the log-in form of ``server``; returns the cookies."""
    with translation.override("de"):
        login = reverse("account_login")
    form = server.get(login)
    answer = server.post(login, cookies=form.cookies, data={
        "login": user.email, "password": PASSWORD, "csrfmiddlewaretoken": csrf_token(form.text)})
    assert answer.status == 302, answer.text
    session = {**form.cookies, **answer.cookies}
    assert "sessionid" in session
    return session


def test_two_servers_share_comments_purges_and_sessions(page, start_server, redis_cache):
    anna = citizen("Anna")
    one, two = start_server(2, cache_prefix=redis_cache.key_prefix)
    assert two.get(page.url).headers[HEADER] == "miss"
    assert two.get(page.url).headers[HEADER] == "hit"

    # A session made on one is valid on the other.
    session = log_in(one, anna)
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


def test_two_servers_share_rate_limits_and_a_worker_runs_beside_them(
        page, start_server, start_worker, redis_cache, tmp_path):
    anna, ben = citizen("Anna"), citizen("Ben")
    mail_dir = tmp_path / "mail"
    mail_dir.mkdir()
    # The queue in PostgreSQL (as deployed) for the servers and the worker; mail into files.
    one, two = start_server(2, cache_prefix=redis_cache.key_prefix,
                            SMARTCITY_TEST_WORKER_MAIL_DIR=str(mail_dir))
    worker = start_worker(mail_dir)
    session = log_in(one, anna)
    token = csrf_token(two.get(page.url, session).text)

    # A citizen may post 5 comments a minute (participation/defences.py), counted in Redis:
    # posts through one count on two, and the next is refused there, translated.
    locations = []
    for n in range(5):
        posted = (one, two)[n % 2].post(url("post", page), cookies=session, data={
            **form_data(f"Beitrag {n}"), "csrfmiddlewaretoken": token})
        assert posted.status == 302, posted.text
        locations.append(posted.headers["Location"])
    for server in (two, one):
        refused = server.post(url("post", page), cookies=session, data={
            **form_data("Einer zu viel"), "csrfmiddlewaretoken": token})
        assert refused.status == 429
        assert "Sie schreiben schneller, als wir lesen können." in refused.text
        assert refused.headers["Retry-After"] == "60"
    assert "Einer zu viel" not in one.get(page.url).text

    # A reply posted through a server is queued in PostgreSQL; the worker running beside the
    # servers mails the author of the comment answered.
    first = int(re.search(r"#c-(\d+)$", locations[0]).group(1))
    ben_session = log_in(two, ben)
    replied = two.post(url("post", page), cookies=ben_session, data={
        **form_data("Ja, samstags von 9 bis 12 Uhr.", parent=str(first)),
        "csrfmiddlewaretoken": csrf_token(two.get(page.url, ben_session).text)})
    assert replied.status == 302, replied.text
    reply = CitizenComment.objects.get(pk=re.search(r"#c-(\d+)$", replied.headers["Location"])
                                       .group(1))
    assert reply.parent_id == first
    deadline = time.monotonic() + 30
    while reply.notified_at is None:  # set in the task's transaction, after the mail is sent
        assert worker.poll() is None, worker.log.read_text()
        assert time.monotonic() < deadline, "no mail from the worker: " + worker.log.read_text()
        time.sleep(0.2)
        reply.refresh_from_db()
    [message] = [path.read_text() for path in mail_dir.glob("*.log")]
    assert f"To: {anna.email}" in message and "Ben" in message
