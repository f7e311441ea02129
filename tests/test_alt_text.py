"""One alternative text: the image's description, copied where a page shows the image so it can
be translated, and following the image when an editor swaps it."""

import pytest
from django.contrib.auth.models import User
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from news.models import NewsPage
from strategy.models import StrategyChapterPage
from tests.factories.events import localize
from tests.factories.home import SiteImageFactory, translate
from tests.factories.news import NewsIndexPageFactory, NewsPageFactory
from tests.factories.strategy import StrategyChapterPageFactory, StrategyIndexPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def images():
    return (SiteImageFactory(description="Das Rathaus am Markt"),
            SiteImageFactory(description="Die Straßenbahn am Paradies"))


@pytest.fixture
def story(site_tree, images):
    index = NewsIndexPageFactory(parent=site_tree.home_de)
    translate(index, "en", title="News", slug="news")
    page = NewsPageFactory(parent=index, slug="bild", main_image=images[0])
    page.save_revision().publish()
    return page


@pytest.fixture
def admin_client(client):
    client.force_login(User.objects.create_superuser("admin", "admin@jena.example", "x" * 12))
    return client


def edit(admin_client, page, **fields):
    data = {
        "title": page.title, "slug": page.slug, "date": page.date.isoformat(), "lead": page.lead,
        "main_image": page.main_image_id or "", "main_image_alt_text": page.main_image_alt_text,
        "main_image_caption": "", "main_image_credit": "", "body": streamfield([]),
        "tags": "", "press_contact": "", "comments": inline_formset([]), "action-publish": "1",
        **fields,
    }
    response = admin_client.post(
        reverse("wagtailadmin_pages:edit", args=[page.pk]), nested_form_data(data)
    )
    assert response.status_code == 302
    return NewsPage.objects.get(pk=page.pk)


def test_the_story_starts_with_the_images_description(client, story):
    assert story.main_image_alt_text == "Das Rathaus am Markt"
    assert 'alt="Das Rathaus am Markt"' in client.get(story.url).content.decode()


def test_swapping_the_image_brings_the_new_images_text(admin_client, story, images):
    page = edit(admin_client, story, main_image=images[1].pk)
    assert page.main_image_id == images[1].pk
    assert page.main_image_alt_text == "Die Straßenbahn am Paradies"
    assert 'alt="Die Straßenbahn am Paradies"' in admin_client.get(page.url).content.decode()


def test_an_editors_own_text_is_kept(admin_client, story, images):
    page = edit(admin_client, story, main_image_alt_text="Der Marktplatz im Sommer")
    assert page.main_image_alt_text == "Der Marktplatz im Sommer"
    page = edit(admin_client, page, main_image=images[1].pk,
                main_image_alt_text="Bahn am Paradies")
    assert page.main_image_alt_text == "Bahn am Paradies"
    page = edit(admin_client, page, main_image="")
    assert page.main_image_alt_text == ""


def test_the_translation_follows_the_swapped_image(
    story, images, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        english = localize(story)
    assert english.main_image_alt_text == "EN: Das Rathaus am Markt"
    story.main_image = images[1]
    story.save_revision().publish()
    with django_capture_on_commit_callbacks(execute=True):
        english = localize(story)
    english = NewsPage.objects.get(pk=english.pk)
    assert english.main_image_id == images[1].pk
    assert english.main_image_alt_text == "EN: Die Straßenbahn am Paradies"


def test_a_chapter_follows_its_image_too(site_tree, images):
    strategy = StrategyIndexPageFactory(parent=site_tree.home_de)
    chapter = StrategyChapterPageFactory(parent=strategy, image=images[0])
    assert chapter.image_alt == "Das Rathaus am Markt"
    chapter.image = images[1]
    chapter.save_revision().publish()
    chapter = StrategyChapterPage.objects.get(pk=chapter.pk)
    assert chapter.image_alt_text == "Die Straßenbahn am Paradies"
