"""Related strategy chapters of news and events: chosen on the German page, mirrored onto the
English copy as the English chapters, clearing included (``home.mirroring``)."""

import datetime
from dataclasses import dataclass

import pytest
from django.contrib.auth.models import User
from django.urls import reverse

from home.forms import MirroredRelationsForm
from news.models import NewsPage
from tests.factories.events import EventIndexPageFactory, berlin, event, localize
from tests.factories.home import translate
from tests.factories.news import NewsIndexPageFactory, NewsPageFactory
from tests.factories.strategy import StrategyChapterPageFactory, StrategyIndexPageFactory

pytestmark = pytest.mark.django_db


@dataclass
class Chapters:
    a: object
    a_en: object
    b: object
    b_en: object
    c: object  # German only


@pytest.fixture
def chapters(site_tree):
    strategy = StrategyIndexPageFactory(parent=site_tree.home_de)
    translate(strategy, "en", title="Strategy", slug="strategy")
    a = StrategyChapterPageFactory(parent=strategy, title="Mobilität", chapter_number=1)
    b = StrategyChapterPageFactory(parent=strategy, title="Energie", chapter_number=2)
    c = StrategyChapterPageFactory(parent=strategy, title="Verwaltung", chapter_number=3)
    return Chapters(
        a=a, a_en=translate(a, "en", title="Mobility", slug="mobility"),
        b=b, b_en=translate(b, "en", title="Energy", slug="energy"),
        c=c,
    )


def new_story(site_tree, related):
    index = NewsIndexPageFactory(parent=site_tree.home_de)
    translate(index, "en", title="News", slug="news")
    page = NewsPageFactory(parent=index, related_chapters=related)
    page.save_revision().publish()
    return page


def new_event(site_tree, related):
    index = EventIndexPageFactory(parent=site_tree.home_de)
    translate(index, "en", title="Events", slug="events")
    return event(index, (berlin(2026, 4, 1, 17), berlin(2026, 4, 1, 19)),
                 related_chapters=related)


@pytest.fixture(params=[new_story, new_event], ids=["news", "events"])
def make_page(request, site_tree):
    return lambda related: request.param(site_tree, related)


@pytest.fixture
def sync(django_capture_on_commit_callbacks):
    """Translate or sync a page through wagtail-localize and publish it, as a translator does."""

    def run(page):
        with django_capture_on_commit_callbacks(execute=True):
            english = localize(page)
        return type(page).objects.get(pk=english.pk)

    return run


def republish(page, related):
    page = type(page).objects.get(pk=page.pk)
    page.related_chapters = related
    page.save_revision().publish()
    return page


def stored(page) -> set:
    return set(type(page).objects.get(pk=page.pk).related_chapters.all())


def test_added_chapters_reach_the_translation_in_its_language(make_page, chapters, sync):
    german = make_page([chapters.a, chapters.b])
    english = sync(german)
    assert stored(english) == {chapters.a_en, chapters.b_en}
    assert list(english.chapters()) == [chapters.a_en, chapters.b_en]
    assert stored(german) == {chapters.a, chapters.b}


def test_changed_chapters_reach_the_translation(make_page, chapters, sync):
    german = make_page([chapters.a])
    english = sync(german)
    german = republish(german, [chapters.b])
    english = sync(german)
    assert stored(english) == {chapters.b_en}
    assert list(english.chapters()) == [chapters.b_en]


def test_cleared_chapters_are_cleared_on_the_translation(make_page, chapters, sync):
    german = make_page([chapters.a, chapters.b])
    english = sync(german)
    german = republish(german, [])
    english = sync(german)
    assert stored(english) == set()
    assert list(english.chapters()) == []


def test_publishing_the_german_page_updates_the_translation_without_a_sync(
    make_page, chapters, sync
):
    german = make_page([chapters.a])
    english = sync(german)
    republish(german, [chapters.b])
    assert stored(english) == {chapters.b_en}
    republish(german, [])
    assert stored(english) == set()


def test_a_translation_made_later_gets_the_chapters_of_its_language(make_page, chapters, sync):
    german = make_page([chapters.a])
    german = republish(german, [chapters.a, chapters.c])
    english = sync(german)
    assert stored(english) == {chapters.a_en, chapters.c}  # chapter 3 has no English copy yet
    assert list(english.chapters()) == [chapters.a_en]

    c_en = translate(chapters.c, "en", title="Administration", slug="administration")
    assert list(english.chapters()) == [chapters.a_en, c_en]
    english = sync(german)
    assert stored(english) == {chapters.a_en, c_en}


def test_chapters_chosen_on_a_translation_do_not_stick(make_page, chapters, sync):
    german = make_page([chapters.a])
    english = sync(german)
    english.related_chapters = [chapters.b_en]
    english.save_revision().publish()
    assert stored(english) == {chapters.a_en}


def test_a_core_copy_for_translation_points_at_the_english_chapters(make_page, chapters):
    german = make_page([chapters.a])
    english = german.copy_for_translation(chapters.a_en.locale)
    assert set(english.related_chapters.all()) == {chapters.a_en}


@pytest.fixture
def admin_client(client):
    client.force_login(User.objects.create_superuser("admin", "admin@jena.example", "x" * 12))
    return client


def test_one_widget_offers_the_chapters_of_the_pages_own_language(
    admin_client, make_page, chapters, sync
):
    german = make_page([chapters.a])
    html = admin_client.get(reverse("wagtailadmin_pages:edit", args=[german.pk])).content.decode()
    checkboxes = [
        chunk.split('value="', 1)[1].split('"', 1)[0]
        for chunk in html.split('type="checkbox" name="related_chapters"')[1:]
    ]
    assert sorted(checkboxes) == sorted(str(c.pk) for c in (chapters.a, chapters.b, chapters.c))

    english = sync(german)
    form_class = type(english).get_edit_handler().get_form_class()
    assert issubclass(form_class, MirroredRelationsForm)
    form = form_class(instance=english, parent_page=english.get_parent(), for_user=None)
    assert "related_chapters" not in form.fields


def test_the_admin_form_saves_and_clears_chapters(admin_client, site_tree, chapters, sync):
    from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

    german = new_story(site_tree, [chapters.a])
    english = sync(german)
    data = {
        "title": german.title, "slug": german.slug, "date": datetime.date(2022, 5, 1).isoformat(),
        "lead": german.lead, "main_image": "", "main_image_alt_text": "",
        "main_image_caption": "", "main_image_credit": "", "body": streamfield([]), "tags": "",
        "press_contact": "", "comments": inline_formset([]), "action-publish": "1",
    }
    url = reverse("wagtailadmin_pages:edit", args=[german.pk])
    response = admin_client.post(
        url, {**nested_form_data(data), "related_chapters": [chapters.b.pk]}
    )
    assert response.status_code == 302
    assert stored(german) == {chapters.b} and stored(english) == {chapters.b_en}

    response = admin_client.post(url, nested_form_data(data))
    assert response.status_code == 302
    assert stored(german) == set() and stored(english) == set()
    assert isinstance(english, NewsPage)
