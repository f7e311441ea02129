"""The anonymous page cache (smartcity/pagecache/): who is served from it, what it never holds,
and what purges it (both languages of a page share one discussion)."""

import gzip

import pytest
from django.urls import reverse

from smartcity.pagecache import HEADER
from strategy.models import StrategyChapterPage
from tests.factories.participation import citizen
from tests.factories.search import promote
from tests.factories.strategy import translated_chapter
from tests.participation.conftest import form_data, url

pytestmark = pytest.mark.django_db
DE = "/de/strategie/digitale-verwaltung/"
EN = "/en/strategy/digital-administration/"


@pytest.fixture
def page_cache(settings):
    settings.PAGE_CACHE_ENABLED = True


@pytest.fixture
def chapter(site_tree, page_cache):
    chapter = translated_chapter(site_tree)
    chapter.hosts_participation = True
    chapter.save_revision().publish()
    return StrategyChapterPage.objects.get(pk=chapter.pk)


def served(client, path):
    response = client.get(path)
    assert response.status_code == 200
    return response.get(HEADER), response


def test_anonymous_readers_get_a_cached_page_without_cookie_or_csrf_token(client, chapter):
    first, response = served(client, DE)
    assert first == "miss"
    second, cached = served(client, DE)
    assert second == "hit"
    assert cached.content == response.content
    for answer in (response, cached):
        assert not answer.cookies and "Set-Cookie" not in answer
        assert b"csrfmiddlewaretoken" not in answer.content
    assert "Content-Security-Policy" in cached  # the headers are kept, not the cookies
    assert served(client, DE + "?sort=oldest")[0] == "miss"  # one entry per address


def test_a_hit_is_sent_compressed_to_clients_that_accept_gzip(client, chapter):
    plain = client.get(DE)
    assert "Accept-Encoding" in plain["Vary"] and "Content-Encoding" not in plain
    zipped = client.get(DE, HTTP_ACCEPT_ENCODING="gzip, deflate, br")
    assert zipped[HEADER] == "hit" and zipped["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in zipped["Vary"]  # so that a shared cache keeps both apart
    assert gzip.decompress(zipped.content) == plain.content
    assert zipped["Content-Length"] == str(len(zipped.content))
    again = client.get(DE)  # a client without gzip gets the page as rendered
    assert again[HEADER] == "hit" and "Content-Encoding" not in again
    assert again.content == plain.content and again["Content-Length"] == str(len(plain.content))


def test_an_entry_of_an_older_release_is_a_miss(client, chapter):
    from django.core.cache import cache

    from smartcity.pagecache import entry_key

    client.get(DE)
    request = client.get(DE).wsgi_request
    key = entry_key(request)
    entry = cache.get(key)
    cache.set(key, {**{k: v for k, v in entry.items() if k != "gzip"}, "content": b"old"})
    assert served(client, DE)[0] == "miss"


def test_signed_in_readers_and_readers_with_a_session_bypass_it(client, chapter):
    served(client, DE)
    client.force_login(citizen("Anna"))
    state, response = served(client, DE)
    assert state is None
    assert b'id="comment-form"' in response.content and b"csrfmiddlewaretoken" in response.content
    client.logout()
    assert served(client, DE)[0] == "hit"  # the signed-in page was never stored


def test_a_publish_in_one_language_purges_both(client, chapter, site_tree,
                                               django_capture_on_commit_callbacks):
    assert [served(client, p)[0] for p in (DE, EN)] == ["miss", "miss"]
    assert [served(client, p)[0] for p in (DE, EN)] == ["hit", "hit"]
    english = chapter.get_translation(site_tree.en).specific
    english.summary = "A freshly published summary."
    with django_capture_on_commit_callbacks(execute=True):
        english.save_revision().publish()
    assert served(client, DE)[0] == "miss"
    state, response = served(client, EN)
    assert state == "miss" and b"A freshly published summary." in response.content


def test_a_comment_purges_the_page_in_both_languages(client, chapter,
                                                     django_capture_on_commit_callbacks):
    for path in (DE, EN, "/de/"):
        served(client, path)
    client.force_login(citizen("Ben"))
    with django_capture_on_commit_callbacks(execute=True):
        answer = client.post(url("post", chapter), form_data("Bitte auch samstags öffnen"))
    assert answer.status_code == 302
    client.logout()
    for path in (DE, EN):
        state, response = served(client, path)
        assert state == "miss", path
        assert "Bitte auch samstags öffnen" in response.content.decode()
    assert served(client, "/de/")[0] == "hit"  # other pages keep their entries


def test_an_editors_pick_purges_the_search_page_it_shows_on(client, chapter,
                                                         django_capture_on_commit_callbacks):
    search = "/de/suche/?q=Terminbuchung"
    assert [served(client, search)[0] for _ in range(2)] == ["miss", "hit"]
    with django_capture_on_commit_callbacks(execute=True):
        promote("Terminbuchung", page=chapter)
    state, response = served(client, search)
    assert state == "miss" and "Empfehlungen" in response.content.decode()
    assert chapter.title in response.content.decode()


def test_a_preview_is_never_served_to_readers(client, chapter, django_user_model):
    served(client, DE)
    chapter.title = "Entwurf, nicht veröffentlicht"
    chapter.save_revision()
    editor = django_user_model.objects.create_superuser("editor", "editor@example.org", "x")
    client.force_login(editor)
    draft = client.get(reverse("wagtailadmin_pages:view_draft", args=[chapter.pk]))
    assert "Entwurf, nicht veröffentlicht" in draft.content.decode() and HEADER not in draft
    client.logout()
    state, response = served(client, DE)
    assert state == "hit" and "Entwurf" not in response.content.decode()


def test_the_page_cache_on_redis(client, chapter, redis_cache, django_capture_on_commit_callbacks):
    assert [served(client, DE)[0] for _ in range(2)] == ["miss", "hit"]
    with django_capture_on_commit_callbacks(execute=True):
        chapter.save_revision().publish()
    assert served(client, DE)[0] == "miss"


@pytest.fixture
def redis_stopped(settings):
    """Redis that does not answer: a closed port on this machine (the real Redis keeps running)."""
    closed = "redis://127.0.0.1:9/15"
    options = {"socket_connect_timeout": 0.2, "socket_timeout": 0.2}
    settings.CACHES = {
        "default": {"BACKEND": "smartcity.cache.TolerantRedisCache", "LOCATION": closed,
                    "OPTIONS": options},
        "ratelimit": {"BACKEND": "smartcity.cache.RedisCache",
                      "LOCATION": closed, "OPTIONS": options},
    }
    settings.RATELIMIT_CACHE = settings.RATELIMIT_USE_CACHE = settings.AXES_CACHE = "ratelimit"


def test_without_redis_pages_render_and_forms_answer_a_translated_503(client, chapter,
                                                                      redis_stopped):
    for path in (DE, EN, "/de/", "/de/suche/?q=Verwaltung"):
        response = client.get(path)
        assert response.status_code == 200, path
    client.force_login(citizen("Anna"))
    assert client.get(DE).status_code == 200
    answer = client.post(url("post", chapter), form_data("Kommt das an?"))
    assert answer.status_code == 503 and answer["Retry-After"] == "60"
    assert "Bitte versuchen Sie es in einer Minute noch einmal." in answer.content.decode()
    client.logout()
    login = client.post("/en/accounts/login/", {"login": "anna@example.org", "password": "x"})
    assert login.status_code == 503
    assert "Please try again in a minute." in login.content.decode()


def test_the_wsgi_application_answers_hits_before_django(chapter, settings, redis_cache,
                                                         django_capture_on_commit_callbacks):
    """What gunicorn runs (``smartcity.wsgi``): a hit is sent with the headers the whole
    middleware stack gave the stored response, without Django handling the request."""
    from io import BytesIO
    from wsgiref.util import setup_testing_defaults

    from django.core.signals import request_finished, request_started
    from django.db import close_old_connections, connection
    from django.test.utils import CaptureQueriesContext

    from smartcity.wsgi import application

    settings.SECURE_REFERRER_POLICY = "same-origin"

    def get(path, **extra):
        environ = {"PATH_INFO": path, "HTTP_HOST": "localhost", "wsgi.input": BytesIO(), **extra}
        setup_testing_defaults(environ)
        answer = {}

        def start_response(status, headers, exc_info=None):
            answer.update(status=status, headers=dict(headers))

        body = application(environ, start_response)
        answer["body"] = b"".join(body)
        if hasattr(body, "close"):
            body.close()
        return answer

    handled = []

    def count(**kwargs):
        handled.append(kwargs)

    request_started.connect(count, weak=False, dispatch_uid="test-wsgi-hits")
    # as Django's test client does: the test's transaction keeps its connection
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        first = get(DE)
        assert first["status"] == "200 OK" and first["headers"][HEADER] == "miss"
        with CaptureQueriesContext(connection) as queries:
            second = get(DE)
        assert second["headers"][HEADER] == "hit" and len(handled) == 1  # Django saw one
        assert len(queries) == 0
        assert second["body"] == first["body"]
        for name in ("Content-Security-Policy", "Referrer-Policy", "X-Content-Type-Options",
                     "X-Frame-Options", "Content-Type"):
            assert second["headers"][name] == first["headers"][name], name
        assert second["headers"]["Referrer-Policy"] == "same-origin"
        assert "Set-Cookie" not in second["headers"]
        assert int(second["headers"]["Content-Length"]) == len(second["body"])
        # a browser (gzip accepted) gets the stored compressed body
        zipped = get(DE, HTTP_ACCEPT_ENCODING="gzip, deflate, br")
        assert zipped["headers"][HEADER] == "hit"
        assert zipped["headers"]["Content-Encoding"] == "gzip"
        assert gzip.decompress(zipped["body"]) == first["body"]
        assert int(zipped["headers"]["Content-Length"]) == len(zipped["body"])
        assert len(zipped["body"]) < len(first["body"]) / 3
        # a reader with a session, a POST and the admin go to Django
        assert HEADER not in get(DE, HTTP_COOKIE="sessionid=x")["headers"]
        assert get(DE, REQUEST_METHOD="HEAD")["headers"].get(HEADER) != "hit"
        assert len(handled) == 3
        with django_capture_on_commit_callbacks(execute=True):
            chapter.save_revision().publish()
        assert get(DE)["headers"][HEADER] == "miss"
    finally:
        request_started.disconnect(dispatch_uid="test-wsgi-hits")
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


def test_a_response_already_encoded_is_not_stored(rf):
    from django.http import HttpResponse

    from smartcity.pagecache import response_is_storable

    request = rf.get(DE)
    assert response_is_storable(request, HttpResponse(b"<p>plain</p>"))
    encoded = HttpResponse(gzip.compress(b"<p>zipped</p>"))
    encoded["Content-Encoding"] = "gzip"
    assert not response_is_storable(request, encoded)  # it would be compressed twice
