"""A debate page in German and English with a survey of every question type."""

import time
from dataclasses import dataclass

import pytest
from django.urls import reverse
from django.utils import translation

from participation.defences import form_started_token
from participation.models import Survey
from tests.factories.home import translate
from tests.factories.participation import attach, debate, question, survey


@dataclass
class SurveyPages:
    de: object
    en: object
    survey: Survey

    def q(self, index):
        return self.survey.questions[index]

    def key(self, index):
        return self.q(index).id

    def option(self, index, number):
        return self.q(index).value["options"].bound_blocks[number].id


def every_kind():
    return [
        question("single_choice", "Welcher Dienst soll zuerst online gehen?", required=True,
                 options=["Ummelden", "Anwohnerparken", "Hundesteuer"], allow_other=True,
                 other_label="Ein anderer Dienst", help_text="Eine Antwort."),
        question("multiple_choice", "Wie möchten Sie informiert werden?",
                 options=["Informationen in vielen Formaten", "Eine schlanke App", "Chatbot",
                          "Beratung vor Ort"], max_choices=2),
        question("scale", "Wie wichtig ist Ihnen Barrierefreiheit?", required=True,
                 low_label="unwichtig", high_label="sehr wichtig"),
        question("ranking", "Wer soll Prototypen testen?",
                 options=["Seniorinnen und Senioren", "Zugezogene", "Unternehmen"]),
        question("short_text", "Ihr Stadtteil"),
        question("long_text", "Was möchten Sie der Stadt noch sagen?"),
    ]


def make_pages(site_tree, **survey_fields) -> SurveyPages:
    page = debate(site_tree.home_de, title="Digitale Verwaltung", slug="verwaltung")
    created = survey(None, *every_kind(), title="Online-Dienste", **survey_fields)
    attach(page, created)
    english = translate(page, "en", title="Digital administration", slug="administration")
    return SurveyPages(de=page, en=english, survey=created)


@pytest.fixture
def surveyed(site_tree) -> SurveyPages:
    return make_pages(site_tree)


def survey_url(page, survey_obj, name="survey"):
    with translation.override(page.locale.language_code):
        return reverse(f"participation:{name}", args=[page.pk, survey_obj.translation_key])


def answers(pages: SurveyPages, **overrides) -> dict:
    """A complete, valid answer sheet; ``overrides`` by field name."""
    data = {
        f"q-{pages.key(0)}": pages.option(0, 0),
        f"q-{pages.key(1)}": [pages.option(1, 1), pages.option(1, 2)],
        f"q-{pages.key(2)}": "4",
        f"q-{pages.key(3)}-{pages.option(3, 0)}": "1",
        f"q-{pages.key(3)}-{pages.option(3, 1)}": "3",
        f"q-{pages.key(3)}-{pages.option(3, 2)}": "2",
        f"q-{pages.key(4)}": "Lobeda",
        f"q-{pages.key(5)}": "Weiter so.",
    }
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


def anonymous_fields(**fields):
    return {"started": form_started_token(time.time() - 10), "website": "", **fields}
