"""Drafts, hidden comments and moderators' notes never leak: not in pages, search, sitemap,
feeds or iCal, also after an editor previewed the draft."""

import datetime

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from participation.models import CommentStatus
from tests.factories.events import EventIndexPageFactory, EventPageFactory
from tests.factories.home import ContentPageFactory
from tests.factories.news import NewsIndexPageFactory, NewsPageFactory
from tests.factories.participation import citizen, comment
from tests.participation.conftest import url

pytestmark = pytest.mark.django_db
SECRET = "Geheimsache Wasserturm"


@pytest.fixture
def drafts(site_tree):
    news_index = NewsIndexPageFactory(parent=site_tree.home_de)
    story = NewsPageFactory(parent=news_index, title="Werkstatt", slug="werkstatt",
                            lead="Öffentlicher Vorspann")
    story.lead = SECRET
    story.save_revision()  # a draft on top of the live story
    ContentPageFactory(parent=site_tree.home_de, title=SECRET, slug="geheim").unpublish()
    events = EventIndexPageFactory(parent=site_tree.home_de)
    EventPageFactory(parent=events, title=SECRET, slug="termin").unpublish()
    return story


def public_surfaces(client) -> dict[str, str]:
    paths = ["/de/", "/de/aktuelles/werkstatt/", "/de/aktuelles/", "/de/aktuelles/feed/rss/",
             "/de/aktuelles/feed/atom/", "/de/veranstaltungen/", "/de/veranstaltungen/ical/",
             "/sitemap.xml", "/de/suche/?q=Geheimsache", "/de/suche/?q=Wasserturm",
             "/de/geheim/", "/de/veranstaltungen/termin/"]
    return {path: client.get(path).content.decode() for path in paths}


def test_a_previewed_draft_stays_with_the_editor(client, drafts):
    editor = User.objects.create_superuser("redaktion", "r@jena.example", "x" * 12)
    staff = Client()
    staff.force_login(editor)
    preview = staff.get(reverse("wagtailadmin_pages:view_draft", args=[drafts.pk]))
    assert SECRET in preview.content.decode()
    for who, reader in (("anonymous", client), ("citizen", Client())):
        if who == "citizen":
            reader.force_login(citizen("Leser"))
        for path, body in public_surfaces(reader).items():
            assert SECRET not in body, (who, path)


def test_hidden_comments_and_moderators_notes_stay_hidden(client, pages, anna):
    comment(pages.de, anna, "Sichtbarer Text")
    comment(pages.de, anna, SECRET, status=CommentStatus.HIDDEN, moderation_note="Notiz intern",
            moderated_at=timezone.now() - datetime.timedelta(minutes=1))
    reader = Client()
    reader.force_login(citizen("Leser"))
    for who, visitor in (("anonymous", client), ("citizen", reader)):
        for path in (pages.de.url, pages.en.url, url("discussion", pages.de),
                     url("more", pages.de), url("discussion", pages.en) + "?sort=oldest"):
            body = visitor.get(path).content.decode()
            assert "Sichtbarer Text" in body or "more" in path
            assert SECRET not in body and "Notiz intern" not in body, (who, path)
