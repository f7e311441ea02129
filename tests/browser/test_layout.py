"""Reflow at 320 CSS pixels (WCAG 1.4.10) and every page without JavaScript."""

import pytest

from tests.browser.pages import LANGUAGES, PAGE_TYPES

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

CASES = [
    pytest.param(page_type, language, id=f"{page_type.name}-{language}")
    for page_type in PAGE_TYPES
    for language in LANGUAGES
]


@pytest.mark.parametrize(("page_type", "language"), CASES)
def test_no_horizontal_scrolling_at_320_px(visitor, demo_site, page_type, language):
    page = visitor.open(demo_site(page_type.name, language), width=320, status=page_type.status)
    too_wide = page.evaluate(
        """() => [...document.querySelectorAll('body *')]
            .filter(el => el.getBoundingClientRect().right > 320.5)
            .map(el => el.tagName.toLowerCase() + (el.className ? '.' + el.className : ''))"""
    )
    assert page.evaluate("document.documentElement.scrollWidth") <= 320, too_wide


@pytest.mark.parametrize(("page_type", "language"), CASES)
def test_page_works_without_javascript(visitor, demo_site, page_type, language):
    page = visitor.open(
        demo_site(page_type.name, language), javascript=False, status=page_type.status
    )
    assert page.locator("h1").count() == 1
    assert page.locator("h1").is_visible()
    main = page.locator("main")
    assert main.is_visible()
    assert len(main.inner_text().split()) >= 3
    for region in ("header", "footer"):
        assert page.locator(region).first.is_visible()
    assert visitor.foreign_requests() == []
