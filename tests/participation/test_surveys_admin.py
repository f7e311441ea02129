"""Surveys in the admin: who may do what (the roles table), editing a survey with answers
cannot remove what was answered, deleting only without answers, and the page's survey list."""

import pytest
from django.contrib.auth.models import Group, User
from django.urls import reverse

from editorial import roles
from participation.models import Survey, SurveyResponse
from tests.factories.participation import citizen
from tests.participation.survey_helpers import answers, survey_url

pytestmark = pytest.mark.django_db


def member(role: str) -> User:
    user = User.objects.create_user(f"staff-{roles.ROLES.index(role)}", "staff@jena.example",
                                    "x" * 12)
    user.groups.add(Group.objects.get(name=role))
    return User.objects.get(pk=user.pk)


def stream_data(stream, prefix="questions") -> dict:
    """The admin form's POST data of a question StreamField, ids included."""
    data = {f"{prefix}-count": len(stream)}
    for index, block in enumerate(stream):
        here = f"{prefix}-{index}"
        data.update({f"{here}-type": block["type"], f"{here}-id": block["id"],
                     f"{here}-deleted": "", f"{here}-order": index})
        for name, value in block["value"].items():
            field = f"{here}-value-{name}"
            if name == "options":
                data[f"{field}-count"] = len(value)
                for number, item in enumerate(value):
                    data.update({f"{field}-{number}-value": item["value"],
                                 f"{field}-{number}-id": item["id"],
                                 f"{field}-{number}-deleted": "",
                                 f"{field}-{number}-order": number})
            elif value is True:
                data[field] = "on"
            elif value not in (False, None):
                data[field] = value
            else:
                data.setdefault(field, "") if value is None else None
    return data


def errors_of(response) -> list[str]:
    return [message for error in response.context["form"].errors.as_data()["questions"]
            for message in error.messages]


def edit(client, survey, stream):
    data = {"title": survey.title, "intro": "", "results_visibility": "after_answering",
            "opens_at": "", "closes_at": "", **stream_data(stream)}
    return client.post(reverse("wagtailsnippets_participation_survey:edit", args=[survey.pk]),
                       data)


@pytest.fixture
def strategist(site_tree):
    return member(roles.STRATEGY)


def test_roles_for_surveys(client, surveyed):
    strategist, translator = member(roles.STRATEGY), member(roles.TRANSLATORS)
    moderator = member(roles.MODERATORS)
    assert strategist.has_perms(["participation.add_survey", "participation.change_survey",
                                 "participation.view_surveyresponse"])
    assert translator.has_perms(["participation.change_survey", "participation.view_survey"])
    assert not translator.has_perm("participation.add_survey")
    assert not translator.has_perm("participation.delete_survey")
    assert not translator.has_perm("participation.view_surveyresponse")
    listing = reverse("wagtailsnippets_participation_survey:list")
    add = reverse("wagtailsnippets_participation_survey:add")
    for user, can_list, can_add in ((strategist, True, True), (translator, True, False),
                                    (moderator, False, False)):
        client.force_login(user)
        assert (client.get(listing).status_code == 200) is can_list, user
        assert (client.get(add).status_code == 200) is can_add, user


def test_editing_a_survey_without_answers_may_remove_an_option(client, surveyed, strategist):
    client.force_login(strategist)
    stream = surveyed.survey.questions.get_prep_value()
    del stream[0]["value"]["options"][2]
    assert edit(client, surveyed.survey, stream).status_code == 302
    assert len(Survey.objects.get(pk=surveyed.survey.pk).questions[0].value["options"]) == 2


def test_removing_an_answered_option_or_question_is_refused_with_a_message(client, surveyed,
                                                                           strategist):
    anna = citizen("Anna")
    client.force_login(anna)
    assert client.post(survey_url(surveyed.de, surveyed.survey),
                       answers(surveyed)).status_code == 302
    client.force_login(strategist)
    stream = surveyed.survey.questions.get_prep_value()
    del stream[0]["value"]["options"][0]  # "Ummelden", which Anna chose
    response = edit(client, surveyed.survey, stream)
    assert response.status_code == 200
    # shown at the questions field (the admin renders StreamField errors from this data)
    assert errors_of(response) == [
        "Die Option „Ummelden“ der Frage „Welcher Dienst soll zuerst online gehen?“ wurde "
        "bereits gewählt und kann nicht entfernt werden.",
        "Ändern Sie stattdessen den Wortlaut oder fügen Sie eine neue Frage oder Option hinzu."]
    assert "\\u201eUmmelden\\u201c der Frage" in response.content.decode()
    stream = surveyed.survey.questions.get_prep_value()
    del stream[4]  # "Ihr Stadtteil", which Anna answered
    assert errors_of(edit(client, surveyed.survey, stream))[0] == (
        "Die Frage „Ihr Stadtteil“ wurde bereits beantwortet und kann nicht entfernt werden.")
    assert len(Survey.objects.get(pk=surveyed.survey.pk).questions) == 6
    stream = surveyed.survey.questions.get_prep_value()
    stream[0]["value"]["options"][0]["value"] = "Umzug melden"  # rewording is fine
    del stream[0]["value"]["options"][2]  # and so is removing an option nobody chose
    assert edit(client, surveyed.survey, stream).status_code == 302
    options = Survey.objects.get(pk=surveyed.survey.pk).questions[0].value["options"]
    assert list(options) == ["Umzug melden", "Anwohnerparken"]


def test_a_survey_with_answers_cannot_be_deleted(client, surveyed, strategist):
    delete = reverse("wagtailsnippets_participation_survey:delete", args=[surveyed.survey.pk])
    SurveyResponse.objects.create(survey_key=surveyed.survey.translation_key, language="de")
    client.force_login(strategist)
    response = client.post(delete)
    assert response.status_code == 302
    assert Survey.objects.filter(pk=surveyed.survey.pk).exists()
    SurveyResponse.objects.all().delete()
    assert client.post(delete).status_code == 302
    assert not Survey.objects.filter(pk=surveyed.survey.pk).exists()


def test_the_page_lists_its_surveys_in_each_language_without_a_form(client, surveyed):
    for page, state in ((surveyed.de, "An der Umfrage teilnehmen"),
                        (surveyed.en, "Answer the survey")):
        response = client.get(page.url)
        html = response.content.decode()
        section = html.split('id="surveys"', 1)[1].split("</section>", 1)[0]
        assert "Online-Dienste" in section and state in section
        assert survey_url(page, surveyed.survey) in section
        assert "csrfmiddlewaretoken" not in html and not response.cookies


def test_the_listing_offers_exports_to_those_who_evaluate(client, surveyed):
    listing = reverse("wagtailsnippets_participation_survey:list")
    export = reverse("participation_survey_export", args=[surveyed.survey.pk, "csv"])
    client.force_login(member(roles.STRATEGY))
    assert export in client.get(listing).content.decode()
    client.force_login(member(roles.TRANSLATORS))
    html = client.get(listing).content.decode()
    assert "Online-Dienste" in html and export not in html
