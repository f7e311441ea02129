"""The demo discussion on "Digitale Verwaltung": one thread in two languages, loaded once."""

import datetime
import logging
from io import StringIO

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone, translation

import participation.demo
from home.demo.tools import DemoLog
from participation.demo import content, survey_content
from participation.models import (
    CitizenComment,
    Discussion,
    Participant,
    Support,
    Survey,
    SurveyResponse,
)
from participation.models.participants import validate_display_name
from strategy.models import StrategyChapterPage
from tests.participation.conftest import url

pytestmark = pytest.mark.django_db

CHAPTER_DE = "/de/smart-city-strategie/digitale-verwaltung/"
CHAPTER_EN = "/en/smart-city-strategy/digital-administration/"
PHASE_OPENED = timezone.make_aware(datetime.datetime(2022, 3, 14))
PHASE_CLOSED = timezone.make_aware(datetime.datetime(2022, 6, 20))


@pytest.fixture
def load_demo(django_capture_on_commit_callbacks):
    """Run the command; wagtail-localize publishes translations when the transaction commits."""

    def run() -> str:
        out = StringIO()
        with django_capture_on_commit_callbacks(execute=True):
            call_command("load_demo", stdout=out)
        return out.getvalue()

    return run


@pytest.fixture
def chapter(db, demo_loaded) -> StrategyChapterPage:
    return StrategyChapterPage.objects.get(slug="digitale-verwaltung")


# These two need a database without the demo: they run before the first test that shares it.
def test_without_the_chapter_nothing_is_loaded_and_the_log_says_why(db, caplog):
    log = DemoLog()
    with caplog.at_level(logging.WARNING, logger="participation.demo"):
        participation.demo.load(log)
    assert log.created == []
    assert "digitale-verwaltung" in caplog.text
    assert not CitizenComment.objects.exists()
    assert not get_user_model().objects.exists()


def test_a_second_run_changes_nothing_and_says_so(load_demo):
    first = load_demo()
    assert "demo comment: Lena aus Lobeda" in first
    counts = [model.objects.count() for model in (
        get_user_model(), Participant, Discussion, CitizenComment, Support)]
    assert "nothing changed" in load_demo()
    assert counts == [model.objects.count() for model in (
        get_user_model(), Participant, Discussion, CitizenComment, Support)]


def demo_comments():
    return CitizenComment.objects.filter(author__email__endswith=f"@{content.EMAIL_DOMAIN}")


def discussion_html(response) -> str:
    assert response.status_code == 200
    return response.content.decode().split('id="discussion"', 1)[1].split("</section>", 1)[0]


def test_both_languages_show_the_same_discussion(client, chapter):
    comments = list(demo_comments())
    assert 20 <= len(comments) <= 30
    assert Discussion.objects.get().translation_key == chapter.translation_key
    html_de = discussion_html(client.get(CHAPTER_DE))
    html_en = discussion_html(client.get(CHAPTER_EN))
    assert f"Diskussion ({len(comments)})" in html_de
    assert f"Discussion ({len(comments)})" in html_en
    for html in (html_de, html_en):
        for comment in comments:
            assert f'id="c-{comment.pk}"' in html
            assert f'<div class="comment__text" lang="{comment.language}">' in html
        assert "Lena aus Lobeda" in html and "Daniel from Zwätzen" in html


def test_comments_address_goals_and_measures_that_exist(client, chapter):
    targets = {target.key: target for target in chapter.participation_targets()}
    comments = list(demo_comments().select_related("parent", "thread"))
    kinds = {comment.target_kind for comment in comments}
    assert kinds == {"", "goal", "measure"}
    for comment in comments:
        if comment.target:
            assert targets[comment.target].kind == comment.target_kind
        else:
            assert comment.target_kind == ""
        assert (comment.target, comment.target_kind) == (
            comment.thread.target, comment.thread.target_kind)
    measure = next(c.target for c in comments if c.target_kind == "measure")
    html = discussion_html(client.get(url("discussion", chapter) + f"?about={measure}"))
    on_measure = [c for c in comments if c.target == measure]
    assert all(f'id="c-{comment.pk}"' in html for comment in on_measure)


def test_citizens_reply_to_each_other_across_languages_in_2022(chapter):
    replies = list(demo_comments().filter(depth__gt=0).select_related("parent"))
    directions = {(reply.parent.language, reply.language) for reply in replies}
    assert {("de", "en"), ("en", "de")} <= directions
    assert max(reply.depth for reply in replies) == 3
    for reply in replies:
        assert reply.author_id != reply.parent.author_id
        assert reply.created_at > reply.parent.created_at
    for comment in demo_comments():
        assert PHASE_OPENED <= comment.created_at < PHASE_CLOSED
    supports = Support.objects.select_related("comment")
    assert supports.count() > len(replies)
    for support in supports:
        assert support.user_id != support.comment.author_id
        assert support.created_at > support.comment.created_at


def test_demo_citizens_are_verified_with_a_public_name_and_cannot_log_in(chapter):
    citizens = get_user_model().objects.filter(email__endswith=f"@{content.EMAIL_DOMAIN}")
    assert citizens.count() == len(content.CITIZENS)
    for user in citizens.select_related("participant"):
        assert not user.has_usable_password()
        assert EmailAddress.objects.filter(
            user=user, email=user.email, verified=True, primary=True).exists()
        validate_display_name(user.participant.display_name)
        assert not user.participant.notify_replies
        assert user.participant.has_consented
    assert set(demo_comments().values_list("author", flat=True)) == set(
        citizens.values_list("pk", flat=True))


def test_no_email_address_reaches_the_pages(client, chapter):
    measure = demo_comments().filter(target_kind="measure").first().target
    pages = [CHAPTER_DE, CHAPTER_EN, url("discussion", chapter) + f"?about={measure}"]
    for path in pages:
        html = client.get(path).content.decode()
        assert content.EMAIL_DOMAIN not in html, path
        client.force_login(get_user_model().objects.get(email=f"tom@{content.EMAIL_DOMAIN}"))
        html = client.get(path).content.decode()
        assert content.EMAIL_DOMAIN not in html, path
        client.logout()


def test_the_demo_survey_is_on_the_chapter_in_both_languages_with_results(client, chapter,
                                                                          load_demo):
    german = Survey.objects.get(locale__language_code="de")
    english = Survey.objects.get(locale__language_code="en")
    assert english.translation_key == german.translation_key
    assert english.title == survey_content.TITLE[1]
    assert [b.id for b in english.questions] == [b.id for b in german.questions]
    assert SurveyResponse.objects.filter(language="de").count() == 210
    assert SurveyResponse.objects.filter(language="en").count() == 90
    english_chapter = chapter.get_translation(english.locale)
    for page, survey in ((chapter, german), (english_chapter, english)):
        html = client.get(page.url).content.decode()
        assert survey.title in html.split('id="surveys"', 1)[1]
        with translation.override(page.locale.language_code):
            url = reverse("participation:survey_results_json",
                          args=[page.pk, survey.translation_key])
        data = client.get(url).json()  # the 2022 phase has closed: results are public
        assert data["participants"] == 300
        assert data["questions"][0]["question"] == survey.questions[0].value["question"]
    informed = {o["key"]: o for o in data["questions"][1]["options"]}
    chatbot = informed[german.questions[1].value["options"].bound_blocks[2].id]
    assert chatbot["by_language"]["en"]["percent"] > chatbot["by_language"]["de"]["percent"]
    assert "Demo content is already complete" in load_demo()
