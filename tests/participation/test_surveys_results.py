"""Results across both languages and per language, computed by GROUP BY in a constant number
of queries; visibility enforced on the HTML, the JSON and the staff exports alike."""

import csv
import datetime
import io
import json

import openpyxl
import pytest
from django.urls import reverse
from django.utils import timezone

from participation.models import ResultsVisibility, SurveyAnswer, SurveyResponse, SurveyTally
from tests.factories.participation import citizen, staff
from tests.participation.survey_helpers import answers, make_pages, survey_url

pytestmark = pytest.mark.django_db


def store(pages, language, user=None, **overrides):
    """A response as the service stores it, without the form (for setting up results)."""
    from django.http import QueryDict

    from participation.questionnaire import questions_of, read_sheet

    data = QueryDict(mutable=True)
    for name, value in answers(pages, **overrides).items():
        data.setlist(name, value if isinstance(value, list) else [value])
    sheet = read_sheet(questions_of(pages.survey), data)
    assert sheet.is_valid, sheet.errors
    response = SurveyResponse.objects.create(
        survey_key=pages.survey.translation_key, user=user or citizen(f"P{language}"),
        language=language)
    SurveyAnswer.objects.bulk_create(
        SurveyAnswer(response=response, survey_key=response.survey_key, language=language,
                     question_key=r.question_key, option_key=r.option_key, text=r.text,
                     number=r.number, rank=r.rank) for r in sheet.rows)
    SurveyTally.objects.rebuild(pages.survey.translation_key)
    return response


@pytest.fixture
def answered(site_tree):
    """Three German and one English response; the survey has closed, so results are public."""
    pages = make_pages(site_tree, closes_at=timezone.now() - datetime.timedelta(days=1))
    q0, q2 = f"q-{pages.key(0)}", f"q-{pages.key(2)}"
    store(pages, "de", **{q0: pages.option(0, 0), q2: "5"})
    store(pages, "de", **{q0: pages.option(0, 0), q2: "4"})
    store(pages, "de", **{q0: pages.option(0, 1), q2: "3",
                          f"q-{pages.key(5)}": "<script>alert(1)</script> geheim"})
    store(pages, "en", **{q0: "other", f"{q0}-other": "=HYPERLINK(\"http://evil\")", q2: "5",
                          f"q-{pages.key(3)}-{pages.option(3, 0)}": "3",
                          f"q-{pages.key(3)}-{pages.option(3, 1)}": "2",
                          f"q-{pages.key(3)}-{pages.option(3, 2)}": "1"})
    return pages


def results_json(client, pages, page=None):
    return client.get(survey_url(page or pages.en, pages.survey, "survey_results_json"))


def test_results_count_both_languages_together_and_apart(client, answered):
    data = results_json(client, answered).json()
    assert data["participants"] == 4
    assert data["languages"] == {"de": {"count": 3, "percent": 75},
                                 "en": {"count": 1, "percent": 25}}
    first = data["questions"][0]
    assert first["question"] == "Welcher Dienst soll zuerst online gehen?"  # not translated
    by_key = {option["key"]: option for option in first["options"]}
    moving = by_key[answered.option(0, 0)]
    assert (moving["count"], moving["percent"]) == (2, 50)
    assert moving["by_language"] == {"de": {"count": 2, "percent": 67},
                                     "en": {"count": 0, "percent": 0}}
    assert by_key["other"]["by_language"]["en"] == {"count": 1, "percent": 100}
    scale = data["questions"][2]
    assert scale["average"] == 4.2  # (5 + 4 + 3 + 5) / 4 = 4.25, rounded to one decimal
    assert scale["answered_by_language"]["de"]["average"] == 4.0
    assert scale["answered_by_language"]["en"]["average"] == 5.0
    ranking = {o["key"]: o for o in data["questions"][3]["options"]}
    assert ranking[answered.option(3, 0)]["average_position"] == 1.5  # 1, 1, 1 and 3
    assert ranking[answered.option(3, 0)]["by_language"]["en"]["average"] == 3.0
    assert [o["key"] for o in data["questions"][3]["options"]][0] == answered.option(3, 0)
    assert "geheim" not in json.dumps(data) and "HYPERLINK" not in json.dumps(data)


def test_the_results_page_has_bars_tables_and_the_language_breakdown(client, answered):
    html = client.get(survey_url(answered.en, answered.survey, "survey_results")).content.decode()
    assert "4 participants" in html and "3 in German" in html and "1 in English" in html
    assert '<rect class="survey-chart__fill" width="50"' in html
    table = html.split("<table", 1)[1].split("</table>", 1)[0]
    assert "<caption id=" in table and '<th scope="col">German</th>' in table
    assert "<td>2 (50%)</td>" in table and "<td>2 (67%)</td>" in table
    assert "Average: 4.2" in html
    assert "geheim" not in html and "HYPERLINK" not in html  # free text: staff only
    german = client.get(survey_url(answered.de, answered.survey, "survey_results"))
    assert "<td>2 (50 %)</td>" in german.content.decode()


def test_staff_see_free_text_escaped(client, answered):
    client.force_login(staff("participation.view_surveyresponse", name="Auswertung"))
    html = client.get(survey_url(answered.de, answered.survey, "survey_results")).content.decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt; geheim" in html
    assert "<script>alert(1)" not in html
    assert "=HYPERLINK" in html  # the "other" text, for staff


def test_results_cost_the_same_queries_for_many_responses(client, answered,
                                                          django_assert_num_queries):
    url = survey_url(answered.en, answered.survey, "survey_results")
    client.get(url)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as few:
        assert client.get(url).status_code == 200
    for number in range(20):
        store(answered, "en" if number % 2 else "de")
    with CaptureQueriesContext(connection) as many:
        assert client.get(url).status_code == 200
    assert len(many) == len(few)
    grouped = [q["sql"] for q in many.captured_queries if "GROUP BY" in q["sql"]]
    assert len(grouped) == 2  # participants per language, and the tallies
    assert not [q for q in many.captured_queries if "participation_surveyanswer" in q["sql"]]


def test_tallies_kept_by_submitting_and_changing_equal_a_recount(client, site_tree):
    pages = make_pages(site_tree)
    anna, ben = citizen("Anna"), citizen("Ben")
    q0, q1 = f"q-{pages.key(0)}", f"q-{pages.key(1)}"
    for user, page, overrides in (
            (anna, pages.de, {}),
            (ben, pages.en, {q0: "other", f"{q0}-other": "Wohngeld"}),
            (anna, pages.en, {q1: [pages.option(1, 0)], f"q-{pages.key(2)}": "2",
                              f"q-{pages.key(4)}": ""}),  # changed, now in English
    ):
        client.force_login(user)
        assert client.post(survey_url(page, pages.survey), answers(pages, **overrides)
                           ).status_code == 302
    kept = sorted(SurveyTally.objects.of_survey(pages.survey.translation_key),
                  key=lambda r: tuple(map(str, r.values())))
    kept = [row for row in kept if row["n"]]  # a changed answer leaves rows at zero
    SurveyTally.objects.rebuild(pages.survey.translation_key)
    recounted = sorted(SurveyTally.objects.of_survey(pages.survey.translation_key),
                       key=lambda r: tuple(map(str, r.values())))
    assert kept == recounted
    data = client.get(survey_url(pages.en, pages.survey, "survey_results_json")).json()
    assert data["questions"][4]["answered"] == 1  # Anna took back her district
    assert data["languages"]["en"]["count"] == 2


def endpoints(pages):
    return {
        "html": survey_url(pages.de, pages.survey, "survey_results"),
        "json": survey_url(pages.en, pages.survey, "survey_results_json"),
    }


def test_after_answering_results_are_only_for_those_who_answered(client, site_tree):
    pages = make_pages(site_tree)
    store(pages, "de")
    anna = citizen("Anna")
    for user in (None, anna):
        if user:
            client.force_login(user)
        for name, url in endpoints(pages).items():
            response = client.get(url)
            assert response.status_code == 403, (user, name)
            assert "Welcher Dienst" not in response.content.decode()
    assert client.post(survey_url(pages.de, pages.survey), answers(pages)).status_code == 302
    for url in endpoints(pages).values():
        assert client.get(url).status_code == 200
    assert client.get(endpoints(pages)["json"]).json()["participants"] == 2


def test_after_closing_results_wait_for_the_end_even_for_those_who_answered(client,
                                                                           site_tree):
    pages = make_pages(site_tree, results_visibility=ResultsVisibility.AFTER_CLOSING)
    anna = citizen("Anna")
    client.force_login(anna)
    assert client.post(survey_url(pages.de, pages.survey), answers(pages)).status_code == 302
    for url in endpoints(pages).values():
        response = client.get(url)
        assert response.status_code == 403
        assert "Ende der Umfrage" in response.content.decode() or "closes" in (
            response.content.decode())
    pages.survey.closes_at = timezone.now() - datetime.timedelta(seconds=1)
    pages.survey.save()
    for url in endpoints(pages).values():
        assert client.get(url).status_code == 200
    client.logout()
    assert client.get(endpoints(pages)["json"]).status_code == 200  # closed: everyone


def export(client, pages, fmt):
    return client.get(reverse("participation_survey_export", args=[pages.survey.pk, fmt]))


def test_exports_are_for_staff_with_the_permission_only(client, answered):
    assert export(client, answered, "csv").status_code == 302  # to the admin login
    client.force_login(citizen("Anna"))
    assert export(client, answered, "csv").status_code == 302
    client.force_login(staff("participation.moderate_citizencomment", name="Moderation"))
    for fmt in ("csv", "xlsx"):
        refused = export(client, answered, fmt)  # Wagtail's refusal: back to the dashboard
        assert (refused.status_code, refused["Location"]) == (302, "/admin/")
        assert "Content-Disposition" not in refused


def test_exports_parse_back_one_row_per_response_with_formulas_neutralised(client, answered):
    client.force_login(staff("participation.view_surveyresponse", name="Auswertung"))
    response = export(client, answered, "csv")
    assert response.status_code == 200 and response.streaming
    assert response["Content-Disposition"].startswith("attachment;")
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    heading, body = rows[0], rows[1:]
    assert heading[:5] == ["Antwort", "Sprache", "Beantwortet", "Geändert", "Anonym"]
    assert heading[5:] == [q.value["question"] for q in answered.survey.questions]
    assert len(body) == 4
    assert [row[1] for row in body] == ["de", "de", "de", "en"]
    english = body[3]
    assert english[5] == "Ein anderer Dienst: =HYPERLINK(\"http://evil\")"
    assert english[8] == "Unternehmen > Zugezogene > Seniorinnen und Senioren"
    assert body[0][5] == "Ummelden" and body[0][7] == "5"
    assert body[0][6] == "Eine schlanke App; Chatbot"

    workbook = openpyxl.load_workbook(io.BytesIO(b"".join(export(client, answered,
                                                                 "xlsx").streaming_content)))
    sheet = workbook.active
    values = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert len(values) == 5 and values[0][5] == heading[5]
    formulas = [cell for row in sheet.iter_rows() for cell in row if cell.data_type == "f"]
    assert not formulas
    assert values[4][5] == "Ein anderer Dienst: =HYPERLINK(\"http://evil\")"


def test_a_cell_starting_like_a_formula_is_neutralised(client, site_tree):
    pages = make_pages(site_tree)
    store(pages, "de", **{f"q-{pages.key(4)}": "=1+1", f"q-{pages.key(5)}": "@SUM(A1)"})
    client.force_login(staff("participation.view_surveyresponse", name="Auswertung"))
    rows = list(csv.reader(io.StringIO(b"".join(export(client, pages, "csv")
                                                .streaming_content).decode())))
    assert rows[1][9] == "'=1+1" and rows[1][10] == "'@SUM(A1)"
