"""The discussion on a strategy chapter: goals and measures, reordering, translation sync,
removed parts, deleted pages, and a query count that does not grow with the comments."""

import datetime

import pytest
from wagtail.blocks import StreamValue

from participation.models import CitizenComment, Discussion
from participation.threads import PER_PAGE
from strategy.models import StrategyChapterPage
from strategy.outline import anchor
from tests.factories.participation import citizen, comment
from tests.factories.strategy import resync_english, translated_chapter
from tests.participation.conftest import form_data, url

pytestmark = pytest.mark.django_db
DE = "/de/strategie/digitale-verwaltung/"
EN = "/en/strategy/digital-administration/"


@pytest.fixture
def chapter(site_tree):
    chapter = translated_chapter(site_tree)
    chapter.hosts_participation = True
    chapter.save_revision().publish()
    return StrategyChapterPage.objects.get(pk=chapter.pk)


@pytest.fixture
def anna(db):
    return citizen("Anna")


def keys(chapter):
    goals = chapter.goal_list
    return {"goal": goals[0].key, "measure": goals[1].measures[0].key}


def test_comments_on_a_goal_and_a_measure_through_the_form(client, chapter, anna, site_tree):
    targets = keys(chapter)
    client.force_login(anna)
    form = client.get(DE).content.decode().split('id="comment-form"', 1)[1]
    assert f'<option value="{targets["measure"]}">Maßnahme 2.1: Qualifizierungsprogramm' in form
    for kind, text in (("goal", "Auch nachts bitte"), ("measure", "Kurse auch online")):
        response = client.post(url("post", chapter), form_data(text, target=targets[kind]))
        assert response.status_code == 302
    english = chapter.get_translation(site_tree.en)
    client.post(url("post", english), form_data("Good idea", target=targets["measure"]))
    client.logout()
    html = client.get(EN).content.decode()
    assert '<a href="#discussion">Discussion (3)</a>' in html
    measure = html.split(f'id="{chapter.goal_list[1].measures[0].anchor}"', 1)[1].split("</li>")[0]
    assert "Discussion (2 comments)" in measure
    assert f"?about={targets['measure']}" in measure
    page = client.get(url("discussion", english) + f"?about={targets['measure']}")
    assert page.status_code == 200
    text = page.content.decode()
    assert "Discussion: Measure 2.1: Training programme" in text
    assert "Kurse auch online" in text and "Good idea" in text and "Auch nachts" not in text


def test_comments_follow_their_goal_through_reordering_and_a_translation_sync(
        client, chapter, anna, site_tree):
    targets = keys(chapter)
    comment(chapter, anna, "Zum ersten Ziel", target=targets["goal"], target_kind="goal")
    first, second = list(chapter.goals)
    chapter.goals = StreamValue(chapter.goals.stream_block,
                                [(b.block_type, b.value, b.id) for b in (second, first)])
    chapter.save_revision().publish()
    resync_english(StrategyChapterPage.objects.get(pk=chapter.pk), site_tree)
    for path, label in ((DE, "Ziel 2: Online-Dienste rund um die Uhr"),
                        (EN, "Goal 2: Online services around the clock")):
        html = client.get(path).content.decode()
        about = html.split("Zum ersten Ziel", 1)[0].rsplit('class="comment__about"', 1)[1]
        assert label in about, path
        goal_html = html.split(f'id="{anchor("g", first.id)}"', 1)[1]
        assert "(1 " in goal_html.split("</h3>", 1)[1].split("<ol", 1)[0]


def test_comments_on_a_removed_goal_stay_and_say_so(client, chapter, anna):
    targets = keys(chapter)
    comment(chapter, anna, "Bleibt lesbar", target=targets["goal"], target_kind="goal")
    chapter.goals = StreamValue(chapter.goals.stream_block,
                                [(b.block_type, b.value, b.id) for b in list(chapter.goals)[1:]])
    chapter.save_revision().publish()
    html = client.get(DE).content.decode()
    assert "Bleibt lesbar" in html
    assert "Zu einem Ziel, das entfernt wurde" in html
    page = client.get(url("discussion", chapter) + f"?about={targets['goal']}")
    assert "wurde entfernt" in page.content.decode()


def test_deleting_every_copy_of_the_page_keeps_its_discussion(chapter, anna, site_tree):
    comment(chapter, anna, "Für die Moderation")
    key = chapter.translation_key
    chapter.get_translation(site_tree.en).delete()
    StrategyChapterPage.objects.get(pk=chapter.pk).delete()
    discussion = Discussion.objects.get(translation_key=key)
    assert discussion.title == "Digitale Verwaltung"
    assert CitizenComment.objects.filter(discussion=discussion, text="Für die Moderation").exists()


def chapter_queries(client, django_assert_max_num_queries, path=DE):
    client.get(path)  # warm caches (site root paths, renditions)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        assert client.get(path).status_code == 200
    return len(captured.captured_queries)


def add_comments(chapter, authors, count):
    targets = [t.key for t in chapter.participation_targets()] + [""]
    now = chapter.first_published_at
    for number in range(count):
        top = comment(chapter, authors[number % len(authors)], f"Beitrag {number}",
                      target=targets[number % len(targets)],
                      created_at=now + datetime.timedelta(minutes=number))
        if number % 3 == 0:
            reply = comment(chapter, authors[(number + 1) % len(authors)], "Antwort", parent=top)
            comment(chapter, authors[number % len(authors)], "Dank", parent=reply)


@pytest.mark.parametrize("signed_in", [False, True])
def test_the_query_count_does_not_grow_with_the_comments(client, chapter, anna, signed_in,
                                                         django_assert_max_num_queries):
    authors = [anna, citizen("Ben"), citizen("Cem")]
    if signed_in:
        client.force_login(anna)
    add_comments(chapter, authors, 10)
    with_ten = chapter_queries(client, django_assert_max_num_queries)
    add_comments(chapter, authors, 990)
    assert CitizenComment.objects.count() > 1000
    with_a_thousand = chapter_queries(client, django_assert_max_num_queries)
    assert with_a_thousand <= with_ten
    html = client.get(DE).content.decode()
    assert html.count('class="comment"') == PER_PAGE


def test_a_survey_chosen_on_the_german_chapter_shows_on_both_before_any_sync(client, chapter,
                                                                           site_tree, anna):
    from django.urls import reverse
    from django.utils import translation

    from participation.models import SurveyResponse
    from tests.factories.participation import attach, question, survey

    asked = survey(None, question("short_text", "Ihr Stadtteil", required=True),
                   title="Kurze Umfrage")
    attach(chapter, asked)  # the English chapter is not synced: it learns of it from German
    english = chapter.get_translation(site_tree.en)
    for page, language in ((chapter, "de"), (english, "en")):
        section = client.get(page.url).content.decode().split('id="surveys"', 1)[1]
        assert "Kurze Umfrage" in section.split("</section>", 1)[0]
        with translation.override(language):
            link = reverse("participation:survey", args=[page.pk, asked.translation_key])
        assert link in section
    client.force_login(anna)
    response = client.post(link, {f"q-{asked.questions[0].id}": "Wenigenjena"})
    assert response.status_code == 302
    assert SurveyResponse.objects.get().language == "en"
