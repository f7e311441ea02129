"""The admin: topics and press contacts as snippet viewsets with columns, search and filters;
the apps the site does not use are not installed."""

import pytest
from django.apps import apps
from django.contrib.auth.models import Group, User
from django.urls import reverse
from taggit.models import Tag

from editorial import roles as editorial
from news.models import PressContact, Topic

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    client.force_login(User.objects.create_superuser("admin", "admin@jena.example", "x" * 12))
    return client


@pytest.fixture
def snippets(site_tree):
    de = site_tree.de
    participation = Tag.objects.create(name="Beteiligung", slug="beteiligung")
    administration = Tag.objects.create(name="Digitale Verwaltung", slug="digitale-verwaltung")
    Topic.objects.create(tag=participation, name="Bürgerbeteiligung", locale=de)
    Topic.objects.create(tag=administration, name="Verwaltung digital", locale=de)
    PressContact.objects.create(name="Manuela Meyer", role="Chief Digital Officer",
                                organisation="Stadt Jena", email="presse@jena.example", locale=de)
    PressContact.objects.create(name="Jan Weber", role="Pressesprecher",
                                organisation="Stadtwerke Jena", locale=de)


def listing(client, model, **params):
    url = reverse(f"wagtailsnippets_news_{model}:list")
    response = client.get(url, params, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    return response.content.decode()


def test_topics_list_their_label_and_address_key(admin_client, snippets):
    html = listing(admin_client, "topic")
    assert "Address key" in html
    assert "Bürgerbeteiligung" in html and "beteiligung" in html
    assert "Verwaltung digital" in html and "digitale-verwaltung" in html


def test_topics_are_searched_by_label_and_tag(admin_client, snippets):
    html = listing(admin_client, "topic", q="Bürger")
    assert "Bürgerbeteiligung" in html and "Verwaltung digital" not in html
    html = listing(admin_client, "topic", q="Digitale")
    assert "Verwaltung digital" in html and "Bürgerbeteiligung" not in html


def test_topics_are_filtered_by_tag(admin_client, snippets):
    tag = Tag.objects.get(slug="beteiligung")
    html = listing(admin_client, "topic", tag=tag.pk)
    assert "Bürgerbeteiligung" in html and "Verwaltung digital" not in html


def test_press_contacts_list_search_and_filters(admin_client, snippets):
    html = listing(admin_client, "presscontact")
    for text in ("Manuela Meyer", "Chief Digital Officer", "presse@jena.example", "Jan Weber"):
        assert text in html
    html = listing(admin_client, "presscontact", q="Stadtwerke")
    assert "Jan Weber" in html and "Manuela Meyer" not in html
    html = listing(admin_client, "presscontact", organisation="Stadt Jena")
    assert "Manuela Meyer" in html and "Jan Weber" not in html
    html = listing(admin_client, "presscontact", has_email="false")
    assert "Jan Weber" in html and "Manuela Meyer" not in html


def test_editors_manage_them_from_their_own_menu(client, snippets):
    editor = User.objects.create_user("redaktion", "r@jena.example", "x" * 12)
    editor.groups.add(Group.objects.get(name=editorial.EDITORS))
    client.force_login(editor)
    dashboard = client.get("/admin/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Topics and contacts" in dashboard
    assert "Jan Weber" in listing(client, "presscontact")
    assert "Bürgerbeteiligung" in listing(client, "topic")


def test_apps_the_site_does_not_use_are_not_installed(admin_client, site_tree):
    for app in ("wagtail.contrib.forms", "wagtail.embeds", "django.contrib.admin"):
        assert not apps.is_installed(app)
    for url in ("/admin/", f"/admin/pages/{site_tree.home_de.pk}/",
                f"/admin/pages/{site_tree.home_de.pk}/edit/", "/admin/images/",
                "/admin/snippets/news/topic/", "/admin/locales/"):
        assert admin_client.get(url).status_code == 200, url
