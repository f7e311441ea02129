"""A citizen's survey answers are in their data download, and stay in the results without
them when they delete their account."""

import json

import pytest
from django.urls import reverse

from participation.models import SurveyResponse
from tests.factories.participation import citizen
from tests.participation.survey_helpers import answers, survey_url

pytestmark = pytest.mark.django_db


def test_answers_are_in_the_download_and_detached_on_deletion(client, surveyed):
    anna = citizen("Anna")
    client.force_login(anna)
    assert client.post(survey_url(surveyed.en, surveyed.survey),
                       answers(surveyed, **{f"q-{surveyed.key(4)}": "Lobeda-West"})
                       ).status_code == 302
    data = json.loads(client.post(reverse("participation:data")).content)
    [response] = data["survey_responses"]
    assert response["survey"] == "Online-Dienste" and response["language"] == "en"
    texts = {(a["question"], a["option"], a["text"], a["number"]) for a in response["answers"]}
    assert ("Ihr Stadtteil", "", "Lobeda-West", None) in texts
    assert ("Welcher Dienst soll zuerst online gehen?", "Ummelden", "", None) in texts
    assert ("Wie wichtig ist Ihnen Barrierefreiheit?", "", "", 4) in texts

    assert client.post(reverse("participation:delete_account"),
                       {"password": "a long and careful passphrase", "confirm": "on"}
                       ).status_code == 302
    kept = SurveyResponse.objects.get()
    assert kept.user is None and kept.session_token is None
    assert kept.answers.count() == 9
    results = client.get(survey_url(surveyed.en, surveyed.survey, "survey_results_json"))
    assert results.status_code == 403  # no longer "answered": the answer is nobody's now
    client.force_login(citizen("Ben"))
    assert client.post(survey_url(surveyed.en, surveyed.survey), answers(surveyed)
                       ).status_code == 302
    assert client.get(survey_url(surveyed.en, surveyed.survey, "survey_results_json")
                      ).json()["participants"] == 2
