"""Goal and measure anchors stay the same after reordering and in the English translation."""

import json
import re

import pytest
from django.db import connection
from django.utils.translation import gettext, override
from wagtail.blocks import ListBlock, StreamValue

from strategy.models import StrategyChapterPage
from tests.factories.strategy import resync_english, translated_chapter

pytestmark = pytest.mark.django_db

@pytest.fixture
def chapter_de(site_tree):
    return translated_chapter(site_tree)


def outline(html: str) -> list[tuple[str, str]]:
    """(anchor, title) of every goal and measure in document order."""
    return re.findall(
        r'id="([gm]-[0-9a-f]{8})"[^>]*>\s*<h[34][^>]*><span class="(?:goal|measure)__number">'
        r"[^<]+</span> ([^<]+)</h[34]>",
        html,
    )


def test_english_translation_has_the_same_anchors(client, chapter_de, site_tree):
    html_de = client.get("/de/strategie/digitale-verwaltung/").content.decode()
    html_en = client.get("/en/strategy/digital-administration/").content.decode()
    de, en = outline(html_de), outline(html_en)
    assert [title for _anchor, title in de] == [
        "Online-Dienste rund um die Uhr", "Online-Termine", "Digitale Anträge",
        "Digitale Kompetenzen", "Qualifizierungsprogramm", "Prozesswerkstatt",
    ]
    assert [title for _anchor, title in en] == [
        "Online services around the clock", "Online appointments", "Digital applications",
        "Digital skills", "Training programme", "Process workshop",
    ]
    assert [a for a, _t in en] == [a for a, _t in de]
    section_anchor = chapter_de.section_list[0].anchor
    assert f'<a href="#{section_anchor}">Introduction</a>' in html_en
    with override("en"):
        done = gettext("Done")
    assert f'<span class="status status--done">{done}</span>' in html_en
    assert "since 2020" in html_en
    assert "Fachdienst" not in html_en


def test_anchors_survive_reordering_in_both_languages(client, chapter_de, site_tree):
    before = dict(outline(client.get("/de/strategie/digitale-verwaltung/").content.decode()))
    anchor_of = {title: anchor for anchor, title in before.items()}

    first, second = list(chapter_de.goals)
    measures = first.value["measures"]
    first.value["measures"] = type(measures)(
        ListBlock(measures.list_block.child_block), bound_blocks=measures.bound_blocks[::-1]
    )
    first.value["measures"][0]["status"] = "done"
    chapter_de.goals = StreamValue(
        chapter_de.goals.stream_block,
        [(b.block_type, b.value, b.id) for b in (second, first)],
    )
    chapter_de.save_revision().publish()

    html_de = client.get("/de/strategie/digitale-verwaltung/").content.decode()
    after_de = outline(html_de)
    assert [title for _a, title in after_de] == [
        "Digitale Kompetenzen", "Qualifizierungsprogramm", "Prozesswerkstatt",
        "Online-Dienste rund um die Uhr", "Digitale Anträge", "Online-Termine",
    ]
    assert all(anchor == anchor_of[title] for anchor, title in after_de)
    with override("de"):
        goal_one = gettext("Goal %(number)s") % {"number": 1}
        measure_two_one = gettext("Measure %(number)s") % {"number": "2.1"}
    assert f"{goal_one}</span> Digitale Kompetenzen" in html_de
    assert f"{measure_two_one}</span> Digitale Anträge" in html_de

    resync_english(StrategyChapterPage.objects.get(pk=chapter_de.pk), site_tree)
    html_en = client.get("/en/strategy/digital-administration/").content.decode()
    after_en = outline(html_en)
    assert [anchor for anchor, _t in after_en] == [anchor for anchor, _t in after_de]
    assert [title for _a, title in after_en] == [
        "Digital skills", "Training programme", "Process workshop",
        "Online services around the clock", "Digital applications", "Online appointments",
    ]
    # The status is synchronised, not translated: the German change reached the English page.
    applications = html_en.split('id="' + anchor_of["Digitale Anträge"] + '"', 1)[1]
    assert applications.split("</li>", 1)[0].count('class="status status--done"') == 1


def test_stored_goals_carry_ids_for_every_goal_and_measure(chapter_de, site_tree):
    chapter_en = chapter_de.get_translation(site_tree.en)
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT goals FROM strategy_strategychapterpage WHERE page_ptr_id IN (%s, %s)",
            [chapter_de.pk, chapter_en.pk],
        )
        stored = [json.loads(row[0]) if isinstance(row[0], str) else row[0] for row in cursor]
    assert len(stored) == 2
    ids_per_page = []
    for goals in stored:
        ids = []
        for goal_data in goals:
            ids.append(goal_data["id"])
            ids.extend(item["id"] for item in goal_data["value"]["measures"])
        assert len(ids) == 6 and all(ids)
        ids_per_page.append(ids)
    assert ids_per_page[0] == ids_per_page[1]
