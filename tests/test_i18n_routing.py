"""Both languages from the first page: redirects, lang, hreflang and the language switcher."""

import re

import pytest
from django.utils import translation

from tests.factories.home import ContentPageFactory, translate

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("accept_language", "expected"),
    [
        ("en-US,en;q=0.9", "/en/"),
        ("de-DE,de;q=0.9,en;q=0.8", "/de/"),
        ("fr-FR,fr;q=0.9", "/de/"),
        ("fr-FR,en;q=0.5", "/en/"),
        (None, "/de/"),
    ],
)
def test_root_redirects_to_the_preferred_language(client, site_tree, accept_language, expected):
    headers = {"HTTP_ACCEPT_LANGUAGE": accept_language} if accept_language else {}
    response = client.get("/", **headers)
    assert response.status_code == 302
    assert response["Location"] == expected


@pytest.mark.parametrize(("path", "lang"), [("/de/", "de"), ("/en/", "en")])
def test_home_pages_render_in_their_language(client, site_tree, path, lang):
    response = client.get(path)
    assert response.status_code == 200
    html = response.content.decode()
    assert f'<html lang="{lang}">' in html
    skip = "Zum Hauptinhalt springen" if lang == "de" else "Skip to main content"
    assert skip in html


def test_hreflang_alternates_list_both_translations(client, site_tree):
    for path in ("/de/", "/en/"):
        html = client.get(path).content.decode()
        alternates = dict(
            re.findall(r'<link rel="alternate" hreflang="(\w+)" href="([^"]+)"', html)
        )
        assert alternates == {"de": "http://testserver/de/", "en": "http://testserver/en/"}


def test_hreflang_lists_only_translations_that_exist(client, site_tree):
    ContentPageFactory(parent=site_tree.home_de, title="Nur Deutsch", slug="nur-deutsch")
    html = client.get("/de/nur-deutsch/").content.decode()
    alternates = re.findall(r'<link rel="alternate" hreflang="(\w+)"', html)
    assert alternates == ["de"]


def test_switcher_leads_to_the_translation_of_the_current_page(client, site_tree):
    page_de = ContentPageFactory(parent=site_tree.home_de, title="Impressum", slug="impressum")
    translate(page_de, "en", title="Imprint", slug="imprint")

    html_de = client.get("/de/impressum/").content.decode()
    assert '<a href="/en/imprint/" hreflang="en" lang="en">English</a>' in html_de
    assert '<span aria-current="true" lang="de">Deutsch</span>' in html_de

    html_en = client.get("/en/imprint/").content.decode()
    assert '<a href="/de/impressum/" hreflang="de" lang="de">Deutsch</a>' in html_en


def test_switcher_falls_back_to_the_other_home_page_and_says_so(client, site_tree):
    ContentPageFactory(parent=site_tree.home_de, title="Nur Deutsch", slug="nur-deutsch")
    html = client.get("/de/nur-deutsch/").content.decode()
    link = re.search(r'<a href="([^"]+)" hreflang="en" lang="en">(.*?)</a>', html, re.S)
    assert link is not None
    assert link.group(1) == "/en/"
    assert "home page – this page is not available in this language" in link.group(2)


def test_unpublished_translation_is_not_offered(client, site_tree):
    page_de = ContentPageFactory(parent=site_tree.home_de, title="Datenschutz", slug="datenschutz")
    page_en = translate(page_de, "en", title="Privacy", slug="privacy")
    page_en.unpublish()
    html = client.get("/de/datenschutz/").content.decode()
    assert "/en/privacy/" not in html
    assert '<a href="/en/" hreflang="en" lang="en">' in html


@pytest.mark.parametrize(
    ("path", "lang", "text"),
    [
        ("/de/gibt-es-nicht/", "de", "Seite nicht gefunden"),
        ("/en/does-not-exist/", "en", "Page not found"),
    ],
)
def test_404_is_translated(client, site_tree, path, lang, text):
    response = client.get(path)
    assert response.status_code == 404
    html = response.content.decode()
    assert f'<html lang="{lang}">' in html
    assert text in html
    assert f'href="/{lang}/"' in html


def test_500_page_is_translated(rf):
    from smartcity.views import server_error

    with translation.override("de"):
        response = server_error(rf.get("/de/"))
    assert response.status_code == 500
    html = response.content.decode()
    assert '<html lang="de">' in html
    assert "Serverfehler" in html
