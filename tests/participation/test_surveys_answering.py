"""Answering a survey: every question type's validation, one response per citizen that they
change until closing, the race of concurrent submits, anonymous answers, closed surveys, and
the transaction that stores a response with all its answers or nothing."""

import datetime
import threading

import pytest
from django.db import IntegrityError, connection, connections
from django.test import Client
from django.utils import timezone

from participation import services
from participation.models import SurveyAnswer, SurveyResponse, SurveyTally
from participation.rules import SURVEY_SESSION_KEY
from tests.factories.participation import citizen
from tests.participation.survey_helpers import (
    anonymous_fields,
    answers,
    make_pages,
    survey_url,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def anna(db):
    return citizen("Anna")


def post(client, pages, page=None, **overrides):
    page = page or pages.de
    return client.post(survey_url(page, pages.survey), answers(pages, **overrides))


def test_the_form_has_a_fieldset_per_question_and_works_without_javascript(client, surveyed,
                                                                           anna):
    client.force_login(anna)
    html = client.get(survey_url(surveyed.en, surveyed.survey)).content.decode()
    assert html.count("<fieldset") == 4  # choices, scale and ranking; texts have a label
    assert "<legend>1. Welcher Dienst soll zuerst online gehen?" in html
    assert f'<label for="id-{surveyed.key(4)}">5. Ihr Stadtteil</label>' in html
    assert 'aria-describedby="hint-' in html and "(required)" in html
    assert "csrfmiddlewaretoken" in html and 'method="post"' in html


def test_a_valid_sheet_becomes_one_response_with_a_row_per_answer(client, surveyed, anna):
    client.force_login(anna)
    response = post(client, surveyed)
    assert response.status_code == 302
    assert response["Location"] == survey_url(surveyed.de, surveyed.survey, "survey_results")
    stored = SurveyResponse.objects.get()
    assert (stored.user, stored.language, stored.survey_key) == (
        anna, "de", surveyed.survey.translation_key)
    rows = {(a.question_key, a.option_key, a.text, a.number, a.rank)
            for a in stored.answers.all()}
    assert (surveyed.key(0), surveyed.option(0, 0), "", None, None) in rows
    assert (surveyed.key(2), "", "", 4, None) in rows
    assert (surveyed.key(3), surveyed.option(3, 1), "", None, 3) in rows
    assert (surveyed.key(4), "", "Lobeda", None, None) in rows
    assert len(rows) == 1 + 2 + 1 + 3 + 1 + 1


def errors_of(response) -> str:
    assert response.status_code == 400
    return response.content.decode()


@pytest.mark.parametrize("index, value, message", [
    (0, None, "Bitte wählen Sie eine Option."),
    (0, "not-an-option", "Bitte wählen Sie aus den angebotenen Optionen."),
    (0, "other", "Bitte beschreiben Sie Ihre andere Antwort."),
    (2, None, "Bitte wählen Sie einen Punkt auf der Skala."),
    (2, "6", "Bitte wählen Sie einen Punkt auf der Skala."),
    (4, "x" * 201, "Bitte fassen Sie Ihre Antwort in weniger als 200 Zeichen."),
    (5, "x" * 5001, "Bitte fassen Sie Ihre Antwort in weniger als 5000 Zeichen."),
])
def test_each_question_type_is_validated_with_the_error_next_to_it(client, surveyed, anna,
                                                                  index, value, message):
    client.force_login(anna)
    html = errors_of(post(client, surveyed, **{f"q-{surveyed.key(index)}": value or ""}))
    question_html = html.split(f'id="q-{surveyed.key(index)}"', 1)[1].split("</fieldset>")[0]
    question_html = question_html.split("</div>", 1)[0] if index >= 4 else question_html
    assert message in question_html
    summary = html.split("data-error-summary", 1)[1].split("</div>", 1)[0]
    assert 'autofocus' in html.split("data-error-summary", 1)[0][-120:]
    assert message in summary and f'href="#id-{surveyed.key(index)}' in summary
    assert not SurveyResponse.objects.exists()


def test_multiple_choice_maximum_and_other_text(client, surveyed, anna):
    client.force_login(anna)
    three = [surveyed.option(1, 0), surveyed.option(1, 1), surveyed.option(1, 2)]
    html = errors_of(post(client, surveyed, **{f"q-{surveyed.key(1)}": three}))
    assert "Bitte wählen Sie höchstens 2 Optionen." in html
    assert html.count("checked") == 1 + 3 + 1  # what was entered is shown again
    response = post(client, surveyed, **{f"q-{surveyed.key(0)}": "other",
                                         f"q-{surveyed.key(0)}-other": "Wohngeld"})
    assert response.status_code == 302
    assert SurveyAnswer.objects.get(question_key=surveyed.key(0)).text == "Wohngeld"


def test_a_ranking_needs_each_position_once(client, surveyed, anna):
    client.force_login(anna)
    rank = f"q-{surveyed.key(3)}-{surveyed.option(3, 2)}"
    html = errors_of(post(client, surveyed, **{rank: "1"}))
    assert "Bitte geben Sie jeder Option eine andere Position von 1 bis 3." in html
    empty = {f"q-{surveyed.key(3)}-{surveyed.option(3, n)}": "" for n in range(3)}
    assert post(client, surveyed, **empty).status_code == 302  # optional: no ranking at all
    assert not SurveyAnswer.objects.filter(question_key=surveyed.key(3)).exists()


def test_english_errors_are_in_english(client, surveyed, anna):
    client.force_login(anna)
    html = errors_of(post(client, surveyed, surveyed.en, **{f"q-{surveyed.key(0)}": ""}))
    assert "Please check your answers" in html and "Please choose an option." in html


def test_a_citizen_answers_once_and_changes_the_answer_in_either_language(client, surveyed,
                                                                          anna):
    client.force_login(anna)
    assert post(client, surveyed).status_code == 302
    html = client.get(survey_url(surveyed.de, surveyed.survey)).content.decode()
    assert "Sie können Ihre Antwort ändern, bis die Umfrage endet." in html
    assert f'value="{surveyed.option(0, 0)}" checked' in html  # the stored answer, filled in
    assert post(client, surveyed, surveyed.en,
                **{f"q-{surveyed.key(0)}": surveyed.option(0, 2)}).status_code == 302
    stored = SurveyResponse.objects.get()
    assert stored.language == "en" and stored.updated_at > stored.created_at
    assert SurveyAnswer.objects.get(question_key=surveyed.key(0)).option_key == (
        surveyed.option(0, 2))
    assert SurveyAnswer.objects.filter(response=stored).count() == 9


def test_unverified_blocked_and_anonymous_visitors_cannot_answer(client, surveyed):
    html = client.get(survey_url(surveyed.de, surveyed.survey)).content.decode()
    assert "<form" not in html.split('class="container prose survey"')[1]
    assert "melden Sie sich an" in html and "csrfmiddlewaretoken" not in html
    assert post(client, surveyed).status_code == 302  # to the login
    client.force_login(citizen("Unbestätigt", verified=False))
    assert post(client, surveyed).status_code == 403
    blocked = citizen("Gesperrt")
    blocked.participant.blocked_at = timezone.now()
    blocked.participant.save()
    client.force_login(blocked)
    assert post(client, surveyed).status_code == 403
    assert not SurveyResponse.objects.exists()


@pytest.mark.parametrize("when", ["closed", "upcoming"])
def test_a_closed_or_upcoming_survey_refuses_answers(client, surveyed, anna, when):
    now = timezone.now()
    survey_obj = surveyed.survey
    if when == "closed":
        survey_obj.closes_at = now - datetime.timedelta(hours=1)
    else:
        survey_obj.opens_at = now + datetime.timedelta(days=1)
    survey_obj.save()
    client.force_login(anna)
    response = post(client, surveyed)
    assert response.status_code == 403
    assert ("Die Umfrage ist beendet" if when == "closed"
            else "Die Umfrage hat noch nicht begonnen") in response.content.decode()
    assert "<form" not in client.get(survey_url(surveyed.de, survey_obj)).content.decode(
        ).split('class="container prose survey"')[1]
    assert not SurveyResponse.objects.exists()


def test_a_page_closing_its_participation_closes_its_surveys(client, surveyed, anna):
    surveyed.de.participation_closes_at = timezone.now() - datetime.timedelta(minutes=1)
    surveyed.de.save_revision().publish()
    client.force_login(anna)
    assert post(client, surveyed, surveyed.en).status_code == 403


def test_a_survey_not_on_the_page_is_not_found(client, site_tree, surveyed, anna):
    from tests.factories.participation import debate

    other = debate(site_tree.home_de, title="Andere Seite", slug="andere")
    client.force_login(anna)
    assert client.post(survey_url(other, surveyed.survey), answers(surveyed)).status_code == 404


def test_a_failure_in_the_last_answer_saves_nothing(client, surveyed, anna, monkeypatch):
    client.force_login(anna)
    assert post(client, surveyed).status_code == 302
    before = sorted(SurveyAnswer.objects.values_list("question_key", "option_key", "number"))
    real = SurveyAnswer.objects.bulk_create

    def fail_on_last(rows, **kwargs):
        rows = list(rows)
        real(rows[:-1], **kwargs)
        raise IntegrityError("the last answer could not be stored")

    monkeypatch.setattr(SurveyAnswer.objects, "bulk_create", fail_on_last)
    from django.test import RequestFactory

    request = RequestFactory().post("/")
    request.user = anna
    request.session = {}
    from django.http import QueryDict

    from participation.questionnaire import questions_of, read_sheet

    data = QueryDict(mutable=True)
    for name, value in answers(surveyed, **{f"q-{surveyed.key(2)}": "1"}).items():
        data.setlist(name, value if isinstance(value, list) else [value])
    sheet = read_sheet(questions_of(surveyed.survey), data)
    with pytest.raises(IntegrityError):
        services.submit_response(request, surveyed.de, surveyed.survey, sheet.rows)
    assert sorted(SurveyAnswer.objects.values_list("question_key", "option_key", "number")) == (
        before)
    monkeypatch.undo()
    SurveyResponse.objects.all().delete()
    monkeypatch.setattr(SurveyAnswer.objects, "bulk_create", fail_on_last)
    with pytest.raises(IntegrityError):
        services.submit_response(request, surveyed.de, surveyed.survey, sheet.rows)
    assert not SurveyResponse.objects.exists() and not SurveyAnswer.objects.exists()


def test_anonymous_answers_once_per_session_with_the_defences(client, site_tree):
    pages = make_pages(site_tree, allow_anonymous=True)
    url = survey_url(pages.de, pages.survey)
    html = client.get(url).content.decode()
    assert "können später nicht geändert werden" in html and 'name="website"' in html
    honeypot = client.post(url, answers(pages) | anonymous_fields(website="http://spam"))
    too_fast = client.post(url, answers(pages) | {"started": "", "website": ""})
    assert honeypot.status_code == too_fast.status_code == 400
    assert not SurveyResponse.objects.exists()
    assert client.post(url, answers(pages) | anonymous_fields()).status_code == 302
    stored = SurveyResponse.objects.get()
    assert stored.user is None and stored.session_token == client.session[SURVEY_SESSION_KEY]
    again = client.post(url, answers(pages) | anonymous_fields())
    assert again.status_code == 409
    assert "können nicht geändert werden" in again.content.decode()
    assert SurveyResponse.objects.count() == 1
    assert "Vielen Dank" in client.get(url).content.decode()
    assert Client().post(url, answers(pages) | anonymous_fields()).status_code == 302
    assert SurveyResponse.objects.count() == 2  # another browser session


def test_anonymous_answers_are_rate_limited_per_address(client, site_tree, settings):
    settings.PARTICIPATION_RATE_LIMITS = {"survey": {"user": "100/m", "ip": "2/h"}}
    pages = make_pages(site_tree, allow_anonymous=True)
    url = survey_url(pages.de, pages.survey)
    statuses = [Client().post(url, answers(pages) | anonymous_fields()).status_code
                for _ in range(3)]
    assert statuses == [302, 302, 429]
    assert SurveyResponse.objects.count() == 2


@pytest.mark.django_db(transaction=True)
def test_concurrent_submits_of_one_citizen_leave_one_response(site_tree, settings):
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL: SQLite serialises every write, so there is no race")
    settings.PARTICIPATION_RATE_LIMITS = {"survey": {"user": "1000/m", "ip": "1000/m"}}
    pages = make_pages(site_tree)
    anna = citizen("Anna")
    clients = []
    for _ in range(10):
        client = Client()
        client.force_login(anna)
        clients.append(client)
    start = threading.Barrier(len(clients))
    statuses = []

    def run(client):
        start.wait()
        try:
            statuses.append(post(client, pages).status_code)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(client,)) for client in clients]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert statuses == [302] * 10
    assert SurveyResponse.objects.filter(user=anna).count() == 1
    assert SurveyAnswer.objects.count() == 9
    answered = SurveyTally.objects.get(question_key=pages.key(0), option_key="", number=0)
    assert answered.n == 1  # ten submits, one of them counted: the others replaced it
