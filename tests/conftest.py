from dataclasses import dataclass

import pytest
from django.core.cache import cache
from wagtail.models import Locale, Page, Site

from tests.factories.home import HomePageFactory, translate


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with an empty cache: rolled-back rows reuse primary keys, and cached
    renditions or site root paths of an earlier test would otherwise leak into the next."""
    cache.clear()
    yield
    cache.clear()


@dataclass
class SiteTree:
    home_de: Page
    home_en: Page
    de: Locale
    en: Locale


@pytest.fixture
def site_tree(db) -> SiteTree:
    """A German home page as the default site's root and its English translation."""
    de = Locale.objects.get_or_create(language_code="de")[0]
    en = Locale.objects.get_or_create(language_code="en")[0]
    root = Page.get_first_root_node()
    for welcome_page in root.get_children():
        welcome_page.delete()
    home_de = HomePageFactory(parent=root, title="Smart City Jena", slug="start", locale=de)
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "root_page": home_de},
    )
    home_en = translate(home_de, "en", slug="home", intro="<p>Welcome to the digital city.</p>")
    return SiteTree(home_de=home_de, home_en=home_en, de=de, en=en)
