"""`load_demo` builds the German and English tree and is idempotent. The first test loads it
in its own transaction; the others share one load (`demo_loaded`)."""

from io import StringIO

import pytest
from django.core.management import call_command
from wagtail.models import Page, Site

from home.models import ContentPage, HomePage, LegalPages

pytestmark = pytest.mark.django_db


@pytest.fixture
def load_demo(django_capture_on_commit_callbacks):
    """Run the command; wagtail-localize publishes translations when the transaction commits."""

    def run() -> str:
        out = StringIO()
        with django_capture_on_commit_callbacks(execute=True):
            call_command("load_demo", stdout=out)
        return out.getvalue()

    return run


def snapshot():
    return sorted(
        (p.url_path, p.locale.language_code, p.title, p.live, p.latest_revision_id)
        for p in Page.objects.select_related("locale")
    )


def test_load_demo_builds_both_languages_and_is_idempotent(load_demo):
    first = load_demo()
    assert "Demo content loaded" in first
    before = snapshot()

    second = load_demo()
    assert "nothing changed" in second
    assert snapshot() == before

    assert all(not problems for problems in Page.find_problems())
    site = Site.objects.get(is_default_site=True)
    assert isinstance(site.root_page.specific, HomePage)
    assert HomePage.objects.filter(locale__language_code="en").live().count() == 1
    assert ContentPage.objects.filter(locale__language_code="de").live().count() == 4
    assert ContentPage.objects.filter(locale__language_code="en").live().count() == 4


def test_demo_pages_are_served_in_both_languages(client, demo_loaded):
    expectations = {
        "/de/": "Jena gestaltet die digitale Stadt",
        "/en/": "Jena is shaping its digital future",
        "/de/impressum/": "Herausgeberin",
        "/en/imprint/": "Publisher",
        "/de/datenschutz/": "Wer nur liest, bekommt kein Cookie.",
        "/en/privacy/": "Reading the site sets no cookie.",
        "/de/barrierefreiheit/": "Barriere melden",
        "/en/accessibility/": "Report a barrier",
    }
    for path, text in expectations.items():
        response = client.get(path)
        assert response.status_code == 200, path
        assert text in response.content.decode(), path


def test_footer_links_to_the_legal_pages_in_each_language(client, demo_loaded):
    html_de = client.get("/de/").content.decode()
    for href in ("/de/impressum/", "/de/datenschutz/", "/de/barrierefreiheit/"):
        assert f'href="{href}"' in html_de
    html_en = client.get("/en/").content.decode()
    for href in ("/en/imprint/", "/en/privacy/", "/en/accessibility/"):
        assert f'href="{href}"' in html_en
    settings = LegalPages.for_site(Site.objects.get(is_default_site=True))
    assert settings.imprint_page.slug == "impressum"


def test_english_translations_are_complete_in_the_translation_editor(demo_loaded):
    from wagtail_localize.models import Translation

    translations = Translation.objects.filter(target_locale__language_code="en")
    assert translations.count() >= 4
    for translation in translations:
        progress = translation.get_progress()
        assert progress[0] == progress[1], translation


def test_dev_admin_prints_a_working_login_and_refuses_without_debug(settings, client):
    from django.core.management.base import CommandError

    settings.DEBUG = False
    with pytest.raises(CommandError):
        call_command("dev_admin", stdout=StringIO())

    settings.DEBUG = True
    out = StringIO()
    call_command("dev_admin", "--address", "127.0.0.1:8000", stdout=out)
    password = out.getvalue().split("password:")[1].split()[0]
    assert "http://127.0.0.1:8000/admin/" in out.getvalue()
    response = client.post("/admin/login/", {"username": "admin", "password": password})
    assert response.status_code == 302 and response["Location"] == "/admin/"
