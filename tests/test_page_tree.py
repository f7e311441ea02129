"""The grammar of the page tree, navigation and breadcrumb."""

import pytest
from django.core.cache import cache
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from home.models import ContentPage, HomePage
from tests.factories.home import ContentPageFactory, translate

pytestmark = pytest.mark.django_db


class TestTreeGrammar(WagtailPageTestCase):
    def test_home_page_sits_at_the_root_only(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})
        self.assertCanCreateAt(Page, HomePage)
        self.assertCanNotCreateAt(ContentPage, HomePage)
        self.assertCanNotCreateAt(HomePage, HomePage)

    def test_content_pages_go_under_home_and_each_other(self):
        self.assertAllowedParentPageTypes(ContentPage, {HomePage, ContentPage})
        self.assertCanCreateAt(HomePage, ContentPage)
        self.assertCanCreateAt(ContentPage, ContentPage)
        self.assertCanNotCreateAt(Page, ContentPage)


def test_main_navigation_is_built_from_the_tree_of_the_current_language(client, site_tree):
    about_de = ContentPageFactory(
        parent=site_tree.home_de, title="Über das Projekt", slug="projekt", show_in_menus=True
    )
    ContentPageFactory(parent=site_tree.home_de, title="Versteckt", slug="versteckt")
    translate(about_de, "en", title="About the project", slug="project")

    html_de = client.get("/de/projekt/").content.decode()
    assert '<nav class="main-nav" aria-label="Hauptnavigation">' in html_de
    assert '<a href="/de/projekt/" aria-current="page">Über das Projekt</a>' in html_de
    assert "Versteckt" not in html_de.split("main-nav", 1)[1].split("</nav>", 1)[0]

    html_en = client.get("/en/").content.decode()
    assert '<a href="/en/project/">About the project</a>' in html_en
    assert "Über das Projekt" not in html_en


def test_breadcrumb_leads_from_home_to_the_current_page(client, site_tree):
    parent = ContentPageFactory(parent=site_tree.home_de, title="Service", slug="service")
    ContentPageFactory(parent=parent, title="Kontakt", slug="kontakt")
    html = client.get("/de/service/kontakt/").content.decode()
    breadcrumb = html.split('<nav class="breadcrumb"', 1)[1].split("</nav>", 1)[0]
    assert '<a href="/de/">Startseite</a>' in breadcrumb
    assert '<a href="/de/service/">Service</a>' in breadcrumb
    assert '<span aria-current="page">Kontakt</span>' in breadcrumb


def test_draft_pages_are_not_served_or_listed(client, site_tree):
    draft = ContentPageFactory(parent=site_tree.home_de, title="Entwurf", slug="entwurf",
                               show_in_menus=True)
    draft.unpublish()
    assert client.get("/de/entwurf/").status_code == 404
    assert "Entwurf" not in client.get("/de/").content.decode()


def test_page_queries_do_not_grow_with_menu_items(client, site_tree, django_assert_max_num_queries):
    for i in range(3):
        ContentPageFactory(parent=site_tree.home_de, title=f"Punkt {i}", slug=f"p{i}",
                           show_in_menus=True)
    client.get("/de/")
    with django_assert_max_num_queries(30) as few:
        client.get("/de/")
    budget = len(few.captured_queries)
    cache.clear()  # the menu fragment rendered afresh: flat as well
    with django_assert_max_num_queries(60) as few_cold:
        client.get("/de/")
    cold_budget = len(few_cold.captured_queries)
    for i in range(3, 15):
        ContentPageFactory(parent=site_tree.home_de, title=f"Punkt {i}", slug=f"p{i}",
                           show_in_menus=True)
    cache.clear()
    with django_assert_max_num_queries(cold_budget):
        client.get("/de/")
    with django_assert_max_num_queries(budget):
        client.get("/de/")
