"""A citizen answers the demo survey by keyboard in English and sees the results; axe-core
finds nothing on the survey, on the survey with errors, and on the results.

The demo survey ran in 2022 and is closed; for these tests it is opened again (and closed
again afterwards, with the test's answers removed), so the demo looks the same to every test."""

import json

import pytest
from django.urls import reverse
from django.utils import translation

from tests.browser.conftest import RESULTS, inject_axe, require
from tests.browser.pages import demo_chapter
from tests.browser.test_accessibility import RUN_AXE, describe
from tests.browser.test_participation import focused, follow, tab_to
from tests.isolation import AXE

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def open_survey():
    """The demo survey, open again while the test runs; its English URL and questions."""
    from django.contrib.auth import get_user_model

    from participation.models import Survey, SurveyResponse, SurveyTally

    german = Survey.objects.get(locale__language_code="de")
    closes_at = german.closes_at
    Survey.objects.filter(translation_key=german.translation_key).update(closes_at=None)
    last_response = SurveyResponse.objects.order_by("-pk").values_list("pk", flat=True).first()
    last_user = get_user_model().objects.order_by("-pk").values_list("pk", flat=True).first()
    chapter = demo_chapter("en")
    with translation.override("en"):
        url = reverse("participation:survey", args=[chapter.pk, german.translation_key])
    yield url, german
    SurveyResponse.objects.filter(pk__gt=last_response).delete()
    SurveyTally.objects.rebuild(german.translation_key)
    get_user_model().objects.filter(pk__gt=last_user).delete()
    Survey.objects.filter(translation_key=german.translation_key).update(closes_at=closes_at)


def axe_clean(page, name: str) -> None:
    inject_axe(page)
    results = page.evaluate(RUN_AXE)
    (RESULTS / "axe").mkdir(parents=True, exist_ok=True)
    (RESULTS / "axe" / f"survey-{name}.json").write_text(json.dumps(results, indent=2))
    violations = results["violations"]
    assert not violations, f"{len(violations)} axe violation(s) on {page.url}:\n" + describe(
        violations)


def test_a_citizen_answers_by_keyboard_in_english_and_sees_the_results(visitor, demo_site,
                                                                      open_survey):
    require(AXE.exists(), f"{AXE} is missing (make node_modules)")
    from tests.factories.participation import citizen

    url, survey = open_survey
    ada = citizen("Ada from Lobeda")
    page = visitor.open(demo_site.url + url, width=390, user=ada)
    assert page.locator("h1").inner_text() == "Digital administration: what matters to you?"
    axe_clean(page, "form")

    tab_to(page, "button[type=submit]")
    follow(page)  # nothing chosen: three required questions
    assert focused(page, "[data-error-summary]")
    summary = page.locator("[data-error-summary]").inner_text()
    assert "Please choose an option." in summary and "Please choose a point on the scale." in (
        summary)
    axe_clean(page, "errors")

    first, informed, scale = (block for block in survey.questions[:3])
    options = [item.id for item in first.value["options"].bound_blocks]
    page.locator("[data-error-summary] a").first.focus()
    follow_link = page.locator("[data-error-summary] a").first.get_attribute("href")
    assert follow_link == f"#id-{first.id}-{options[0]}"
    page.keyboard.press("Enter")  # the summary's link leads to the question
    assert focused(page, f'[id="id-{first.id}-{options[0]}"]')
    page.keyboard.press("ArrowDown")  # radio buttons: the arrow keys choose
    page.keyboard.press("ArrowDown")
    assert page.locator(f'[id="id-{first.id}-{options[2]}"]').is_checked()
    chatbot = informed.value["options"].bound_blocks[2].id
    tab_to(page, f'[id="id-{informed.id}-{chatbot}"]')
    page.keyboard.press("Space")
    tab_to(page, f'[name="q-{scale.id}"]')
    for _ in range(3):  # from the first point to the fourth
        page.keyboard.press("ArrowRight")
    assert page.locator(f'[id="id-{scale.id}-4"]').is_checked()
    tab_to(page, "textarea")
    page.keyboard.type("Please keep the counter open on Saturdays.")
    tab_to(page, "button[type=submit]")
    follow(page)

    assert "/results/" in page.url
    assert "Thank you! Your answer was saved." in page.content()
    assert "301 participants" in page.locator(".survey-results__participants").inner_text()
    table = page.locator("table").nth(1).inner_text()
    assert "A chatbot that answers questions around the clock" in table and "German" in table
    assert "Please keep the counter open" not in page.content()  # free text: staff only
    axe_clean(page, "results")
    assert visitor.foreign_requests() == []
