"""axe-core on every page type in both languages at phone and desktop width, with screenshots,
and no request to any host but the site's own."""

import json

import pytest

from tests.browser.conftest import RESULTS, inject_axe, require
from tests.browser.pages import LANGUAGES, PAGE_TYPES, WIDTHS
from tests.isolation import AXE

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

CASES = [
    pytest.param(page_type, language, width, id=f"{page_type.name}-{language}-{width}")
    for page_type in PAGE_TYPES
    for language in LANGUAGES
    for width in WIDTHS
]

# Every rule axe ships, including the best-practice, AAA and experimental ones it leaves off
# by default.
RUN_AXE = """async () => axe.run(document, {
    rules: Object.fromEntries(axe.getRules().map(rule => [rule.ruleId, {enabled: true}])),
    resultTypes: ['violations'],
})"""


def describe(violations: list[dict]) -> str:
    lines = []
    for violation in violations:
        lines.append(f"[{violation['impact']}] {violation['id']}: {violation['help']}")
        lines.append(f"    {violation['helpUrl']}")
        for node in violation["nodes"]:
            lines.append(f"    at {' '.join(map(str, node['target']))}")
            summary = (node.get("failureSummary") or "").replace("\n", " ")
            lines.append(f"       {summary}")
    return "\n".join(lines)


@pytest.mark.parametrize(("page_type", "language", "width"), CASES)
def test_page_passes_axe_and_stays_on_the_site(visitor, demo_site, page_type, language, width):
    require(AXE.exists(), f"{AXE} is missing (make node_modules)")
    page = visitor.open(demo_site(page_type.name, language), width=width, status=page_type.status)

    inject_axe(page)
    results = page.evaluate(RUN_AXE)
    name = f"{page_type.name}-{language}-{width}"
    (RESULTS / "axe").mkdir(parents=True, exist_ok=True)
    (RESULTS / "axe" / f"{name}.json").write_text(json.dumps(results, indent=2))
    (RESULTS / "screenshots").mkdir(parents=True, exist_ok=True)
    page.screenshot(path=RESULTS / "screenshots" / f"{name}.png", full_page=True)

    violations = results["violations"]
    if violations:
        print(describe(violations))
    assert not violations, f"{len(violations)} axe violation(s) on {page.url}:\n" + describe(
        violations
    )
    assert visitor.foreign_requests() == []
