"""The footer's legal pages: the reader's language where live, another language where not,
and a warning for editors when a page is missing."""

import pytest
from django.contrib.auth.models import User
from wagtail.models import Site

from home.models import LegalPages
from tests.factories.home import ContentPageFactory, translate

pytestmark = pytest.mark.django_db


@pytest.fixture
def legal(site_tree):
    imprint = ContentPageFactory(parent=site_tree.home_de, title="Impressum", slug="impressum")
    imprint_en = translate(imprint, "en", title="Imprint", slug="imprint")
    privacy = ContentPageFactory(parent=site_tree.home_de, title="Datenschutz", slug="datenschutz")
    privacy_en = translate(privacy, "en", title="Privacy notice", slug="privacy")
    accessibility = ContentPageFactory(
        parent=site_tree.home_de, title="Barrierefreiheit", slug="barrierefreiheit"
    )
    netiquette = ContentPageFactory(parent=site_tree.home_de, title="Netiquette",
                                    slug="netiquette")
    translate(netiquette, "en", title="Netiquette", slug="netiquette")
    settings = LegalPages.for_site(Site.objects.get(is_default_site=True))
    settings.netiquette_page = netiquette
    settings.imprint_page = imprint
    settings.privacy_page = privacy
    settings.accessibility_page = accessibility
    settings.save()
    return {"imprint": (imprint, imprint_en), "privacy": (privacy, privacy_en),
            "accessibility": accessibility, "settings": settings}


def footer(client, path) -> str:
    response = client.get(path)
    assert response.status_code == 200
    return response.content.decode().split('<footer class="site-footer">', 1)[1]


def test_each_language_gets_its_own_legal_pages(client, legal):
    de = footer(client, "/de/")
    assert '<a href="/de/impressum/">Impressum</a>' in de
    assert '<a href="/de/datenschutz/">Datenschutz</a>' in de
    en = footer(client, "/en/")
    assert '<a href="/en/imprint/">Imprint</a>' in en
    assert '<a href="/en/privacy/">Privacy notice</a>' in en
    # no English accessibility statement: the German one, marked as German
    assert ('<a href="/de/barrierefreiheit/" hreflang="de" lang="de">Barrierefreiheit</a>'
            in en)


def test_unpublishing_the_german_page_keeps_the_english_link(client, legal):
    imprint, _imprint_en = legal["imprint"]
    imprint.unpublish()
    en = footer(client, "/en/")
    assert '<a href="/en/imprint/">Imprint</a>' in en
    de = footer(client, "/de/")
    assert '<a href="/en/imprint/" hreflang="en" lang="en">Imprint</a>' in de
    assert "/de/impressum/" not in de


def test_choosing_the_english_page_works_as_well(client, legal):
    _privacy, privacy_en = legal["privacy"]
    legal["settings"].privacy_page = privacy_en
    legal["settings"].save()
    assert '<a href="/de/datenschutz/">Datenschutz</a>' in footer(client, "/de/")
    assert '<a href="/en/privacy/">Privacy notice</a>' in footer(client, "/en/")


def test_a_page_missing_in_every_language_leaves_the_footer_working(client, legal):
    imprint, imprint_en = legal["imprint"]
    imprint.unpublish()
    imprint_en.unpublish()
    legal["accessibility"].delete()
    for path in ("/de/", "/en/"):
        html = footer(client, path)
        assert "impressum" not in html and "imprint" not in html
        assert "barrierefreiheit" not in html
        assert "Datenschutz" in html or "Privacy notice" in html


def test_editors_see_a_warning_on_the_dashboard(client, legal):
    imprint, imprint_en = legal["imprint"]
    imprint.unpublish()
    imprint_en.unpublish()
    client.force_login(User.objects.create_superuser("admin", "admin@jena.example", "x" * 12))
    html = client.get("/admin/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Legal pages need attention" in html
    assert "Imprint: not published in any language, so no footer links it." in html
    assert "Accessibility statement: not published in English;" in html
    assert "Privacy notice:" not in html
    assert f'href="/admin/settings/home/legalpages/{legal["settings"].site_id}/"' in html


def test_no_warning_when_every_legal_page_is_there(client, legal):
    accessibility = legal["accessibility"]
    translate(accessibility, "en", title="Accessibility", slug="accessibility")
    assert legal["settings"].problems() == []
    client.force_login(User.objects.create_superuser("admin", "admin@jena.example", "x" * 12))
    assert "Legal pages need attention" not in client.get("/admin/").content.decode()


def test_an_unknown_host_without_a_default_site_is_not_an_error(client, legal):
    Site.objects.update(is_default_site=False)
    response = client.get("/de/", HTTP_HOST="elsewhere.example")
    assert response.status_code in (200, 404)
