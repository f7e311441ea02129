"""RSS and Atom feeds per language and topic, the sitemap with hreflang alternates, robots.txt."""

import datetime
import xml.etree.ElementTree as ET
from email.utils import parsedate_to_datetime

import pytest

from tests.factories.home import ContentPageFactory, translate
from tests.factories.news import NewsIndexPageFactory, NewsPageFactory

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"


@pytest.fixture
def news(site_tree):
    index = NewsIndexPageFactory(parent=site_tree.home_de)
    index_en = translate(index, "en", title="News", slug="news")
    NewsPageFactory(parent=index, title="Alte Meldung", slug="alt",
                    date=datetime.date(2021, 11, 16), lead="Jena klettert.")
    new = NewsPageFactory(parent=index, title="Neue Meldung & mehr", slug="neu",
                          date=datetime.date(2022, 4, 29), lead="Workshop <digital>.")
    new.tags.add("Beteiligung")
    new.save_revision().publish()
    translate(new, "en", title="New story", slug="new", lead="Workshop in English.")
    return index, index_en


def test_rss_feed_is_valid_rss_2_with_items_dates_and_language(client, news):
    response = client.get("/de/aktuelles/feed/rss/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    rss = ET.fromstring(response.content)
    assert rss.tag == "rss" and rss.get("version") == "2.0"
    channel = rss.find("channel")
    assert channel.findtext("language") == "de"
    assert channel.findtext("link") == "http://testserver/de/aktuelles/"
    items = channel.findall("item")
    assert [i.findtext("title") for i in items] == ["Neue Meldung & mehr", "Alte Meldung"]
    assert items[0].findtext("link") == "http://testserver/de/aktuelles/neu/"
    assert items[0].findtext("description") == "Workshop <digital>."
    assert parsedate_to_datetime(items[0].findtext("pubDate")).date() == datetime.date(2022, 4, 29)
    assert [c.text for c in items[0].findall("category")] == ["Beteiligung"]


def test_atom_feed_is_valid_atom_in_english(client, news):
    response = client.get("/en/news/feed/atom/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ET.fromstring(response.content)
    assert feed.tag == f"{ATOM}feed"
    assert feed.get("{http://www.w3.org/XML/1998/namespace}lang") == "en"
    entries = feed.findall(f"{ATOM}entry")
    assert [e.findtext(f"{ATOM}title") for e in entries] == ["New story"]
    entry = entries[0]
    assert entry.find(f"{ATOM}link").get("href") == "http://testserver/en/news/new/"
    assert entry.findtext(f"{ATOM}published").startswith("2022-04-29")
    assert entry.findtext(f"{ATOM}updated")
    assert entry.findtext(f"{ATOM}id")


def test_topic_feeds_list_only_that_topic_and_unknown_topics_are_404(client, news):
    rss = ET.fromstring(client.get("/de/aktuelles/feed/rss/beteiligung/").content)
    assert [i.findtext("title") for i in rss.iter("item")] == ["Neue Meldung & mehr"]
    assert "Beteiligung" in rss.find("channel").findtext("title")
    atom = ET.fromstring(client.get("/en/news/feed/atom/beteiligung/").content)
    assert [e.findtext(f"{ATOM}title") for e in atom.iter(f"{ATOM}entry")] == ["New story"]
    assert client.get("/de/aktuelles/feed/rss/gibt-es-nicht/").status_code == 404
    assert client.get("/de/aktuelles/feed/atom/gibt-es-nicht/").status_code == 404


def test_drafts_never_reach_the_feed(client, news):
    index, _ = news
    draft = NewsPageFactory(parent=index, title="Geheimer Entwurf")
    draft.unpublish()
    assert b"Geheimer Entwurf" not in client.get("/de/aktuelles/feed/rss/").content


def test_listing_links_its_feeds_in_the_head(client, news):
    html = client.get("/de/aktuelles/?topic=beteiligung").content.decode()
    head = html.split("</head>", 1)[0]
    assert ('<link rel="alternate" type="application/rss+xml" title="Aktuelles (RSS)" '
            'href="/de/aktuelles/feed/rss/beteiligung/">') in head
    assert 'type="application/atom+xml"' in head
    assert 'href="/en/news/feed/rss/"' in client.get("/en/news/").content.decode()


def test_sitemap_covers_both_languages_with_hreflang_alternates(client, news, site_tree):
    """Locations come from the Wagtail site (hostname ``localhost``), not the request."""
    ContentPageFactory(parent=site_tree.home_de, title="Nur Deutsch", slug="nur-deutsch")
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    urlset = ET.fromstring(response.content)
    entries = {
        url.findtext(f"{SITEMAP}loc"): {
            link.get("hreflang"): link.get("href") for link in url.findall(f"{XHTML}link")
        }
        for url in urlset.findall(f"{SITEMAP}url")
    }
    assert entries["http://localhost/de/aktuelles/neu/"] == {
        "de": "http://localhost/de/aktuelles/neu/",
        "en": "http://localhost/en/news/new/",
    }
    assert entries["http://localhost/en/news/new/"]["de"] == "http://localhost/de/aktuelles/neu/"
    assert entries["http://localhost/en/"] == {
        "de": "http://localhost/de/", "en": "http://localhost/en/"
    }
    assert entries["http://localhost/de/aktuelles/alt/"] == {}
    assert entries["http://localhost/de/nur-deutsch/"] == {}
    assert "http://localhost/en/news/" in entries


def test_robots_txt_names_the_sitemap(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    lines = response.content.decode().splitlines()
    assert "Sitemap: http://testserver/sitemap.xml" in lines
    assert "Disallow: /admin/" in lines


def test_a_topic_with_an_umlaut_has_its_listing_and_feeds(client, news):
    index, _ = news
    story = NewsPageFactory(parent=index, title="Bürgerrat", slug="buergerrat")
    story.tags.add("Bürgerbeteiligung")
    story.save_revision().publish()
    html = client.get("/de/aktuelles/", {"topic": "bürgerbeteiligung"}).content.decode()
    assert "Bürgerrat" in html
    assert 'href="/de/aktuelles/feed/rss/b%C3%BCrgerbeteiligung/"' in html
    for kind in ("rss", "atom"):
        response = client.get(f"/de/aktuelles/feed/{kind}/b%C3%BCrgerbeteiligung/")
        assert response.status_code == 200, kind
        assert "Bürgerrat" in response.content.decode()
