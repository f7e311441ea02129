"""News listing, article pages, topics, languages and the related-content provider."""

import datetime

import pytest
import wagtail_factories
from django.db import connection
from django.template import Context, Template
from django.test import RequestFactory
from django.utils import translation
from django.utils.translation import gettext
from taggit.models import Tag
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail_localize.operations import TranslationCreator

from home import related
from home.models import ContentPage, HomePage
from news.models import NewsIndexPage, NewsPage, Topic
from news.related import latest_news_for_chapter
from strategy.models import StrategyChapterPage, StrategyIndexPage
from tests.factories.home import SiteImageFactory, translate
from tests.factories.news import NewsIndexPageFactory, NewsPageFactory, PressContactFactory

pytestmark = pytest.mark.django_db


class StrategyIndexPageFactory(wagtail_factories.PageFactory):
    title = "Strategie"
    slug = "strategie"

    class Meta:
        model = StrategyIndexPage


class StrategyChapterPageFactory(wagtail_factories.PageFactory):
    title = "Digitale Verwaltung"
    slug = "digitale-verwaltung"
    chapter_number = 5

    class Meta:
        model = StrategyChapterPage


@pytest.fixture
def news_index(site_tree):
    return NewsIndexPageFactory(parent=site_tree.home_de)


@pytest.fixture
def news_index_en(news_index):
    return translate(news_index, "en", title="News", slug="news")


def german(message: str) -> str:
    with translation.override("de"):
        return gettext(message)


def cards(html: str) -> list[str]:
    """The titles of the cards on a listing, in order."""
    titles = []
    for chunk in html.split('<h2 class="card__title">')[1:]:
        titles.append(chunk.split(">", 1)[1].split("</a>", 1)[0])
    return titles


class TestTreeGrammar(WagtailPageTestCase):
    def test_news_index_goes_under_the_home_page_only(self):
        self.assertAllowedParentPageTypes(NewsIndexPage, {HomePage})
        self.assertCanCreateAt(HomePage, NewsIndexPage)
        self.assertCanNotCreateAt(ContentPage, NewsIndexPage)
        self.assertCanNotCreateAt(NewsIndexPage, NewsIndexPage)

    def test_news_pages_go_under_the_news_index_only(self):
        self.assertAllowedParentPageTypes(NewsPage, {NewsIndexPage})
        self.assertAllowedSubpageTypes(NewsPage, set())
        self.assertCanCreateAt(NewsIndexPage, NewsPage)
        self.assertCanNotCreateAt(HomePage, NewsPage)
        self.assertCanNotCreateAt(Page, NewsPage)


def test_listing_is_newest_first(client, news_index):
    NewsPageFactory(parent=news_index, title="Alt", date=datetime.date(2021, 1, 1))
    NewsPageFactory(parent=news_index, title="Neu", date=datetime.date(2022, 6, 1))
    NewsPageFactory(parent=news_index, title="Mitte", date=datetime.date(2022, 1, 1))
    response = client.get("/de/aktuelles/")
    assert response.status_code == 200
    assert cards(response.content.decode()) == ["Neu", "Mitte", "Alt"]


def test_listing_paginates_ten_a_page_without_javascript(client, news_index):
    for n in range(12):
        NewsPageFactory(parent=news_index, title=f"Meldung {n:02}",
                        date=datetime.date(2022, 1, 1) + datetime.timedelta(days=n))
    first = client.get("/de/aktuelles/").content.decode()
    assert len(cards(first)) == 10
    assert cards(first)[0] == "Meldung 11"
    assert 'href="?page=2" rel="next"' in first
    assert "Seite 1 von 2" in first
    second = client.get("/de/aktuelles/?page=2").content.decode()
    assert cards(second) == ["Meldung 01", "Meldung 00"]
    assert 'href="?page=1" rel="prev"' in second


@pytest.mark.parametrize("page", ["abc", "0", "-1", "99999", "1.5", "<script>"])
def test_bad_page_numbers_give_a_listing_not_an_error(client, news_index, page):
    NewsPageFactory(parent=news_index, title="Einzige Meldung")
    response = client.get("/de/aktuelles/", {"page": page})
    assert response.status_code == 200
    assert cards(response.content.decode()) == ["Einzige Meldung"]
    assert "<script>" not in response.content.decode().split("<main", 1)[1]


def test_topic_filter_keeps_topic_in_pagination_and_labels_topics(client, news_index, site_tree):
    for n in range(11):
        page = NewsPageFactory(parent=news_index, title=f"Beteiligung {n}")
        page.tags.add("Beteiligung")
        page.save_revision().publish()
    other = NewsPageFactory(parent=news_index, title="Verwaltung")
    other.tags.add("Digitale Verwaltung")
    other.save_revision().publish()

    html = client.get("/de/aktuelles/", {"topic": "beteiligung"}).content.decode()
    assert "Verwaltung</a></h2>" not in html
    assert len(cards(html)) == 10
    assert 'href="?topic=beteiligung&amp;page=2"' in html
    assert '<a href="/de/aktuelles/?topic=beteiligung" aria-current="page">Beteiligung</a>' in html
    assert '<a href="/de/aktuelles/?topic=digitale-verwaltung">Digitale Verwaltung</a>' in html
    assert cards(client.get("/de/aktuelles/?topic=digitale-verwaltung").content.decode()) == [
        "Verwaltung"
    ]


def test_unknown_topic_is_a_clear_404(client, news_index):
    NewsPageFactory(parent=news_index)
    response = client.get("/de/aktuelles/", {"topic": "gibt-es-nicht"})
    assert response.status_code == 404
    assert german("There is no topic with this name.") in response.content.decode()


def test_empty_listing_says_so(client, news_index, news_index_en):
    assert german("There is no news yet.") in client.get("/de/aktuelles/").content.decode()
    assert "There is no news yet." in client.get("/en/news/").content.decode()


def test_known_topic_without_news_in_this_language_says_so(client, news_index, news_index_en):
    page = NewsPageFactory(parent=news_index)
    page.tags.add("Beteiligung")
    page.save_revision().publish()
    response = client.get("/en/news/", {"topic": "beteiligung"})
    assert response.status_code == 200
    assert "There is no news on this topic yet." in response.content.decode()


def test_each_language_lists_only_its_own_news(client, news_index, news_index_en):
    german = NewsPageFactory(parent=news_index, title="Nur auf Deutsch")
    both = NewsPageFactory(parent=news_index, title="Auf Deutsch und Englisch")
    translate(both, "en", title="In German and English", slug="both")
    draft = NewsPageFactory(parent=news_index, title="Entwurf")
    draft.unpublish()
    assert german.live
    assert cards(client.get("/de/aktuelles/").content.decode()) == [
        "Auf Deutsch und Englisch", "Nur auf Deutsch"
    ]
    assert cards(client.get("/en/news/").content.decode()) == ["In German and English"]


def test_listing_queries_do_not_grow_with_items(client, news_index, django_assert_max_num_queries):
    def add(n):
        for _ in range(n):
            page = NewsPageFactory(parent=news_index, main_image=SiteImageFactory())
            page.tags.add("Beteiligung")
            page.save_revision().publish()

    add(2)
    client.get("/de/aktuelles/")
    connection.queries_log.clear()  # the factories filled it; a full log counts nothing
    with django_assert_max_num_queries(60) as baseline:
        client.get("/de/aktuelles/")
    baseline_count = len(baseline)
    add(8)
    client.get("/de/aktuelles/")  # renditions are created on first view
    connection.queries_log.clear()
    with django_assert_max_num_queries(baseline_count):
        response = client.get("/de/aktuelles/")
    assert len(cards(response.content.decode())) == 10


def test_article_shows_picture_with_alt_text_caption_credit_topics_and_contact(client, news_index):
    image = SiteImageFactory(description="Menschen im Workshop", credit="Foto: Stadt Jena",
                             file__width=1600, file__height=900)
    Topic.objects.create(tag=Tag.objects.create(name="Beteiligung"), name="Bürgerbeteiligung",
                         locale=news_index.locale)
    page = NewsPageFactory(
        parent=news_index, slug="workshop", main_image=image, main_image_caption="Im Workshop",
        press_contact=PressContactFactory(locale=news_index.locale),
        body=[("quote", {"text": "Wir freuen uns.", "attribution": "Manuela Meyer", "role": ""}),
              ("link_list", {"heading": "Mehr", "links": [
                  {"text": "Startseite", "page": news_index.get_parent(), "url": ""}]})],
    )
    page.tags.add("Beteiligung")
    page.save_revision().publish()
    html = client.get("/de/aktuelles/workshop/").content.decode()
    assert 'type="image/webp"' in html and ".jpg 480w" in html and ".webp 1200w" in html
    assert 'alt="Menschen im Workshop"' in html
    assert "Im Workshop" in html and "Foto: Stadt Jena" in html
    assert '<a href="/de/aktuelles/?topic=beteiligung">Bürgerbeteiligung</a>' in html
    assert "<blockquote><p>Wir freuen uns.</p></blockquote>" in html
    assert '<a href="/de/">Startseite</a>' in html
    assert "presse@jena.example" in html
    assert '<time datetime="' in html


def test_page_alt_text_is_copied_from_the_image_so_it_can_be_translated(news_index):
    image = SiteImageFactory(description="Das Rathaus")
    page = NewsPageFactory(parent=news_index, main_image=image)
    assert page.main_image_alt_text == "Das Rathaus"


def test_latest_news_tag_shows_three_newest_in_the_current_language(news_index, news_index_en):
    for n in range(4):
        page = NewsPageFactory(parent=news_index, title=f"Meldung {n}",
                               date=datetime.date(2022, 1, 1 + n))
        translate(page, "en", title=f"Story {n}", slug=f"story-{n}")
    request = RequestFactory().get("/en/")
    with translation.override("en"):
        html = Template("{% load news_tags %}{% latest_news 3 %}").render(
            Context({"request": request})
        )
    assert cards_h3(html) == ["Story 3", "Story 2", "Story 1"]
    assert 'href="/en/news/story-3/"' in html
    assert "Meldung" not in html
    assert 'href="/en/news/"' in html


def cards_h3(html):
    chunks = html.split('<h3 class="card__title">')[1:]
    return [c.split(">", 1)[1].split("</a>", 1)[0] for c in chunks]


def test_related_chapters_follow_the_translation_and_feed_the_chapter_provider(
    news_index, news_index_en, site_tree, django_capture_on_commit_callbacks
):
    strategy_de = StrategyIndexPageFactory(parent=site_tree.home_de)
    chapter_de = StrategyChapterPageFactory(parent=strategy_de)
    translate(strategy_de, "en", title="Strategy", slug="strategy")
    chapter_en = translate(chapter_de, "en", title="Digital administration", slug="digital")
    other_chapter = StrategyChapterPageFactory(parent=strategy_de, slug="mobil", chapter_number=2)

    old = NewsPageFactory(parent=news_index, title="Alt", date=datetime.date(2021, 1, 1))
    new = NewsPageFactory(parent=news_index, title="Neu", date=datetime.date(2022, 1, 1))
    for page in (old, new):
        page.related_chapters = [chapter_de]
        page.save_revision().publish()
    with django_capture_on_commit_callbacks(execute=True):
        TranslationCreator(None, [site_tree.en]).create_translations(new)
    new_en = new.get_translation(site_tree.en)
    assert not new_en.live  # "Translate" makes a draft; the English story is live once published
    new_en.save_revision().publish()

    assert list(new_en.related_chapters.all()) == [chapter_en]
    assert list(new_en.chapters()) == [chapter_en]

    section = latest_news_for_chapter(chapter_de, None)
    assert [p.title for p in section.items] == ["Neu", "Alt"]
    assert section.key == "news" and section.more_url == "/de/aktuelles/"
    assert [p.pk for p in latest_news_for_chapter(chapter_en, None).items] == [new_en.pk]
    assert latest_news_for_chapter(other_chapter, None) is None
    assert latest_news_for_chapter(site_tree.home_de, None) is None
    assert latest_news_for_chapter in related._providers
