"""The strategy's demo content: five fields of action in German and English, idempotent."""

import re

import pytest
from wagtail_localize.models import Translation

import home.demo
import strategy.demo
from home.demo.tools import DemoLog
from strategy.models import StrategyChapterPage, StrategyIndexPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(db):
    home.demo.load(DemoLog())
    log = DemoLog()
    strategy.demo.load(log)
    return log


def test_demo_loads_twice_without_creating_anything_the_second_time(demo):
    assert any("Digitale Verwaltung" in line for line in demo.created)
    second = DemoLog()
    strategy.demo.load(second)
    assert second.created == []
    for language in ("de", "en"):
        assert StrategyIndexPage.objects.filter(locale__language_code=language).count() == 1
        assert StrategyChapterPage.objects.live().filter(
            locale__language_code=language).count() == 5
    translations = Translation.objects.filter(
        source__specific_content_type__app_label="strategy")
    assert translations.count() == 6
    for translation in translations:
        done, total = translation.get_progress()
        assert done == total, translation


def test_demo_strategy_is_in_the_main_navigation_and_lists_chapters(client, demo):
    html_de = client.get("/de/").content.decode()
    assert '<a href="/de/smart-city-strategie/">Smart-City-Strategie</a>' in html_de
    overview_de = client.get("/de/smart-city-strategie/").content.decode()
    assert re.findall(r'<h2 class="card__title"><a href="[^"]+">([^<]+)</a>', overview_de) == [
        "Mobilität", "Energie und Umwelt", "Gesellschaft", "IT und Kommunikation",
        "Digitale Verwaltung",
    ]
    overview_en = client.get("/en/smart-city-strategy/").content.decode()
    assert '<a href="/en/smart-city-strategy/" aria-current="page">Smart City strategy</a>' in (
        overview_en)
    assert re.findall(r'<h2 class="card__title"><a href="([^"]+)">', overview_en)[-1] == (
        "/en/smart-city-strategy/digital-administration/")


def test_demo_chapter_renders_in_both_languages_with_the_same_anchors(client, demo):
    html_de = client.get("/de/smart-city-strategie/digitale-verwaltung/").content.decode()
    html_en = client.get("/en/smart-city-strategy/digital-administration/").content.decode()
    assert "KI-Piloten über das gesetzliche Minimum (OZG) hinaus" in html_de
    assert "AI pilots beyond the legal minimum (OZG)" in html_en
    for german in ("Online-Dienste", "Fachdienst", "Einführung", "Grafik mit dem Schriftzug"):
        assert german not in html_en
    anchors_de = re.findall(r'id="([gms]-[0-9a-f]{8})"', html_de)
    assert len([a for a in anchors_de if a.startswith("g-")]) == 4
    assert len([a for a in anchors_de if a.startswith("m-")]) == 10
    assert anchors_de == re.findall(r'id="([gms]-[0-9a-f]{8})"', html_en)
    for path in ("/de/smart-city-strategie/mobilitaet/", "/en/smart-city-strategy/mobility/",
                 "/en/smart-city-strategy/it-and-communication/"):
        assert client.get(path).status_code == 200, path
