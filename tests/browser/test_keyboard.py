"""Keyboard alone, with a visible focus on every stop: skip link, main navigation, journeys."""

import pytest

from tests.browser.conftest import focus_state
from tests.browser.pages import JOURNEYS, LANGUAGES, PAGE_TYPES, expected_url

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

MAX_TABS = 60


def tab(page) -> dict:
    page.keyboard.press("Tab")
    state = focus_state(page)
    assert state["visible"], f"no visible focus indicator on {state} at {page.url}"
    assert state["onScreen"], f"the focused element is off screen: {state} at {page.url}"
    return state


def tab_to(page, selector: str) -> list[dict]:
    """Tab until the focused element matches ``selector``; every stop must show its focus."""
    stops = []
    for _ in range(MAX_TABS):
        stops.append(tab(page))
        if page.evaluate("selector => document.activeElement.matches(selector)", selector):
            return stops
    raise AssertionError(f"{selector} not reached in {MAX_TABS} tabs on {page.url}: {stops}")


@pytest.mark.parametrize(
    ("page_type", "language"),
    [
        pytest.param(page_type, language, id=f"{page_type.name}-{language}")
        for page_type in PAGE_TYPES
        for language in LANGUAGES
    ],
)
def test_skip_link_moves_focus_to_the_main_content(visitor, demo_site, page_type, language):
    page = visitor.open(demo_site(page_type.name, language), width=390, status=page_type.status)
    first = tab(page)
    assert "skip-link" in first["element"]
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
    assert page.url.endswith("#main")
    page.keyboard.press("Tab")
    assert page.evaluate("!document.querySelector('header').contains(document.activeElement)")


@pytest.fixture
def menu_pages(demo_site):
    """The demo's content pages in the main navigation for one test (the demo menu may be
    empty), restored afterwards."""
    from home.models import ContentPage

    pages = ContentPage.objects.filter(depth=3, show_in_menus=False)
    pks = list(pages.values_list("pk", flat=True))
    ContentPage.objects.filter(pk__in=pks).update(show_in_menus=True)
    yield
    ContentPage.objects.filter(pk__in=pks).update(show_in_menus=False)


@pytest.mark.parametrize("width", [390, 1280])
@pytest.mark.parametrize("language", LANGUAGES)
def test_main_navigation_by_keyboard(visitor, demo_site, menu_pages, language, width):
    page = visitor.open(demo_site("home", language), width=width)
    links = page.locator(".main-nav a")
    hrefs = [links.nth(i).get_attribute("href") for i in range(links.count())]
    assert len(hrefs) >= 2

    tab_to(page, ".main-nav a")
    reached = [page.evaluate("document.activeElement.getAttribute('href')")]
    for _ in hrefs[1:]:
        tab(page)
        reached.append(page.evaluate("document.activeElement.getAttribute('href')"))
    assert reached == hrefs

    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Enter")
    page.wait_for_url(f"**{hrefs[-2]}")
    assert page.locator(f'.main-nav a[href="{hrefs[-2]}"]').get_attribute("aria-current") == "page"


@pytest.mark.parametrize("journey", [pytest.param(j, id=j.name) for j in JOURNEYS])
def test_keyboard_journey(visitor, demo_site, journey):
    page = visitor.open(demo_site(journey.start, journey.language), width=390)
    for action, argument in journey.steps:
        if action == "tab_to":
            tab_to(page, argument)
        elif action == "type":
            page.keyboard.type(argument)
        elif action == "press":
            page.keyboard.press(argument)
        elif action == "follow":  # press a key that loads another page, and wait for it
            with page.expect_navigation():
                page.keyboard.press(argument)
        else:
            raise ValueError(f"unknown step {action!r} in {journey.name}")
    if journey.expect_url:
        page.wait_for_url(expected_url(journey.expect_url, demo_site.urls))
    page.wait_for_load_state()
    if journey.expect_selector:
        assert page.locator(journey.expect_selector).count() > 0
    assert visitor.foreign_requests() == []
