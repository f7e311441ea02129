"""The news demo: both languages, topics, contact and chapters, and a second run changes nothing."""

import pytest
from wagtail.models import Page

import home.demo
import news.demo
import strategy.demo
from home.demo.tools import DemoLog
from news.models import NewsIndexPage, NewsPage, PressContact, Topic

pytestmark = pytest.mark.django_db


def run(django_capture_on_commit_callbacks) -> DemoLog:
    log = DemoLog()
    with django_capture_on_commit_callbacks(execute=True):
        for app_demo in (home.demo, strategy.demo, news.demo):
            app_demo.load(log)
    return log


def snapshot():
    return sorted(
        (p.url_path, p.locale.language_code, p.live, p.latest_revision_id)
        for p in Page.objects.select_related("locale")
    )


def test_demo_news_in_both_languages_and_idempotent(client, django_capture_on_commit_callbacks):
    run(django_capture_on_commit_callbacks)
    before = snapshot()
    assert run(django_capture_on_commit_callbacks).created == []
    assert snapshot() == before
    assert all(not problems for problems in Page.find_problems())

    for language in ("de", "en"):
        assert NewsIndexPage.objects.filter(locale__language_code=language, live=True,
                                            show_in_menus=True).count() == 1
        stories = NewsPage.objects.filter(locale__language_code=language).live()
        assert stories.count() == 3
        for story in stories:
            assert story.main_image and story.main_image_alt_text and story.image_credit
            assert story.tags.exists()
            assert story.press_contact.locale.language_code == language
            assert {c.locale.language_code for c in story.related_chapters.all()} <= {language}
    assert PressContact.objects.count() == 2
    assert Topic.objects.filter(locale__language_code="en", name="Participation").exists()

    german = client.get("/de/aktuelles/").content.decode()
    english = client.get("/en/news/").content.decode()
    assert "Smart City Index: Jena klettert um acht Plätze" in german
    assert "Smart City Index: Jena climbs eight places" in english
    assert german.index("Beteiligung zur Smart-City-Strategie") < german.index("Workshop zur")
    story = client.get("/en/news/bitkom-smart-city-index/").content.decode()
    assert "870 people a week" in story
    assert "Graphic: Smart City Jena (placeholder)" in story
