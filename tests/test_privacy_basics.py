"""What an anonymous reader gets on every page type: no cookies, no third-party hosts, no
tracebacks."""

import re
from io import StringIO

import pytest
from django.core.management import call_command

from tests.browser.pages import PAGE_TYPES, page_type_urls

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo_urls(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        call_command("load_demo", stdout=StringIO())
    status = {page_type.name: page_type.status for page_type in PAGE_TYPES}
    return [
        (name, language, path, status[name])
        for name, by_language in page_type_urls().items()
        for language, path in by_language.items()
    ]


def test_reading_any_page_type_sets_no_cookie_and_loads_nothing_from_elsewhere(client, demo_urls):
    for name, language, path, status in demo_urls:
        response = client.get(path)
        assert response.status_code == status, (name, language, response.status_code)
        assert not response.cookies, f"{name} ({language}) set {list(response.cookies)}"
        html = response.content.decode()
        assets = re.findall(
            r'<(?:script|img|link|source|iframe)\b[^>]*?(?:src|href|srcset)="([^"]+)"', html
        )
        foreign = [url for url in assets if re.match(r"^(https?:)?//", url)
                   and not url.startswith("http://testserver/")]
        assert not foreign, (name, language, foreign)


def test_root_redirect_sets_no_cookie(client, site_tree):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="de")
    assert response.status_code == 302
    assert not response.cookies


def test_error_pages_show_no_traceback_or_version(client, site_tree):
    html = client.get("/de/gibt-es-nicht/").content.decode()
    assert "Traceback" not in html
    assert "Django" not in html
    assert "Wagtail" not in html
