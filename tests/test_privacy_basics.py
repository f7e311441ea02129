"""What an anonymous reader gets: no cookies, no third-party hosts, no tracebacks."""

import re

import pytest

from tests.factories.home import ContentPageFactory

pytestmark = pytest.mark.django_db


def test_reading_pages_sets_no_cookie(client, site_tree):
    ContentPageFactory(parent=site_tree.home_de, slug="datenschutz")
    for path in ("/", "/de/", "/en/", "/de/datenschutz/", "/de/gibt-es-nicht/"):
        response = client.get(path, HTTP_ACCEPT_LANGUAGE="de")
        assert not response.cookies, f"{path} set {list(response.cookies)}"


def test_pages_reference_no_other_host(client, site_tree):
    html = client.get("/de/").content.decode()
    urls = re.findall(r'(?:src|href)="([^"]+)"', html)
    foreign = [u for u in urls if re.match(r"^(https?:)?//", u) and "//testserver" not in u]
    assert not foreign


def test_error_pages_show_no_traceback_or_version(client, site_tree):
    html = client.get("/de/gibt-es-nicht/").content.decode()
    assert "Traceback" not in html
    assert "Django" not in html
    assert "Wagtail" not in html
