"""The citizens' discussion in the browser: keyboard journeys, axe-core in every state of the
discussion, the forms without JavaScript, and "show more" with and without it.

Runtime is kept down by doing the full keyboard journey (sign up, verify, comment on a measure,
reply in place, support without reload) twice, in German at 1280 px and in English at 390 px;
the other two combinations (German at 390 px, English at 1280 px) run a shorter keyboard check
with a citizen who is already signed in (comment on a measure with the privacy consent, reply in
place, support). Signed-in states elsewhere use a session cookie instead of the sign-in form.

Everything a test stores (accounts, comments, supports) is deleted after it, so the demo
discussion looks the same to every test of the package.
"""

import json
import re
from urllib.parse import urlsplit

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import translation

from tests.browser.conftest import RESULTS, focus_state, inject_axe, require
from tests.browser.pages import demo_chapter, discussed_measure, discussion_path
from tests.browser.test_accessibility import RUN_AXE, describe
from tests.isolation import AXE

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

MAX_TABS = 250
PASSWORD = "Ein langes und sorgfältiges Passwort 2026"  # noqa: S105 (a test account)

WORDS = {
    "de": {
        "support": "Unterstützen",
        "withdraw": "Unterstützung zurücknehmen",
        "published": "Ihr Beitrag ist veröffentlicht",
    },
    "en": {
        "support": "Support",
        "withdraw": "Withdraw support",
        "published": "Your comment is published",
    },
}


# --- fixtures ------------------------------------------------------------------------------


@pytest.fixture(autouse=True)
def _participation_settings(settings):
    """No minimum fill time and generous rate limits: the browser is fast and posts often."""
    settings.PARTICIPATION_MIN_FILL_SECONDS = 0
    settings.PARTICIPATION_RATE_LIMITS = {
        action: {"user": "1000/m", "ip": "1000/m"} for action in ("comment", "support", "report")
    }


@pytest.fixture(autouse=True)
def _forget_what_the_test_stored():
    """Deletes the accounts, comments and supports a test added, keeping the demo's."""
    from django.contrib.auth import get_user_model

    from participation.models import CitizenComment

    users = get_user_model().objects
    last_user = users.order_by("-pk").values_list("pk", flat=True).first() or 0
    last_comment = CitizenComment.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    mail.outbox = []
    yield
    added = CitizenComment.objects.filter(pk__gt=last_comment)
    added.update(parent=None, thread=None)
    added.delete()
    users.filter(pk__gt=last_user).delete()


@pytest.fixture
def citizen():
    """A verified citizen with a public name who has not yet agreed to the privacy notice."""
    from tests.factories.participation import citizen as make_citizen

    def make(name="Testbürgerin Ada", consented=False):
        return make_citizen(name, consented=consented)

    return make


# --- helpers -------------------------------------------------------------------------------

# The strongest contrast of the focused element's indicator (outline, box shadows, a changed
# background) against what is behind it: WCAG 1.4.11 asks 3:1 of a focus indicator. Measured
# once the element's transitions have ended (mid-way its colours are still transparent).
FOCUS_CONTRAST = r"""async () => {
    const el = document.activeElement;
    await Promise.all(el.getAnimations().map(animation => animation.finished));
    const parse = text => {
        const m = /rgba?\(([^)]+)\)/.exec(text || '');
        if (!m) { return null; }
        const [r, g, b, a = 1] = m[1].split(/[\s,\/]+/).filter(Boolean).map(Number);
        return {r, g, b, a};
    };
    const channel = v => (v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
    const luminance = c => 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b);
    const ratio = (a, b) => {
        const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
        return (x + 0.05) / (y + 0.05);
    };
    const background = node => {
        for (let n = node; n; n = n.parentElement) {
            const c = parse(getComputedStyle(n).backgroundColor);
            if (c && c.a > 0) { return c; }
        }
        return {r: 255, g: 255, b: 255, a: 1};
    };
    const style = getComputedStyle(el);
    const inside = background(el);
    const outside = background(el.parentElement);
    const pairs = [[inside, outside]];
    if (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2) {
        pairs.push([parse(style.outlineColor), outside]);
    }
    for (const shadow of (style.boxShadow || '').split(/,(?![^(]*\))/)) {
        pairs.push([parse(shadow), shadow.includes('inset') ? inside : outside]);
    }
    return Math.max(...pairs.filter(([c]) => c && c.a > 0).map(([c, bg]) => ratio(c, bg)));
}"""


def check_focus(page) -> dict:
    state = focus_state(page)
    assert state["visible"], f"no visible focus indicator on {state} at {page.url}"
    assert state["onScreen"], f"the focused element is off screen: {state} at {page.url}"
    contrast = page.evaluate(FOCUS_CONTRAST)
    assert contrast >= 3, f"the focus indicator of {state} has only {contrast:.2f}:1 contrast"
    return state


def tab(page, key="Tab") -> dict:
    page.keyboard.press(key)
    return check_focus(page)


def tab_to(page, selector: str, key="Tab") -> list[dict]:
    """Tab (or Shift+Tab) until the focused element matches ``selector``; every stop on the way
    must show a visible focus and be on screen."""
    stops = []
    for _ in range(MAX_TABS):
        stops.append(tab(page, key))
        if page.evaluate("s => document.activeElement.matches(s)", selector):
            return stops
    raise AssertionError(f"{selector} not reached in {MAX_TABS} tabs on {page.url}: {stops[-20:]}")


def follow(page, key="Enter"):
    """Press a key that loads another page, and wait for it."""
    with page.expect_navigation():
        page.keyboard.press(key)
    page.wait_for_load_state()


def focused(page, selector: str) -> bool:
    return page.evaluate("s => document.activeElement.matches(s)", selector)


def axe(page, name: str) -> None:
    """axe-core with every rule it ships: zero violations; the report and a screenshot are kept
    in test-results/ like those of the page types. axe comes as if from the site itself, so the
    Content-Security-Policy stays in force."""
    require(AXE.exists(), f"{AXE} is missing (make node_modules)")
    inject_axe(page)
    results = page.evaluate(RUN_AXE)
    (RESULTS / "axe").mkdir(parents=True, exist_ok=True)
    (RESULTS / "axe" / f"discussion-{name}.json").write_text(json.dumps(results, indent=2))
    (RESULTS / "screenshots").mkdir(parents=True, exist_ok=True)
    page.screenshot(path=RESULTS / "screenshots" / f"discussion-{name}.png", full_page=True)
    violations = results["violations"]
    assert not violations, f"{len(violations)} axe violation(s) on {page.url}:\n" + describe(
        violations
    )


def assert_no_foreign_requests_or_csp_violations(visitor) -> None:
    assert visitor.foreign_requests() == []
    assert visitor.csp_violations == []


def url_of(name: str, language: str, *args) -> str:
    with translation.override(language):
        return reverse(f"participation:{name}", args=args)


def chapter_path(language: str) -> str:
    return demo_chapter(language).url


def comment_of(pk: int):
    from participation.models import CitizenComment

    return CitizenComment.objects.get(pk=pk)


def newest_comment(author):
    from participation.models import CitizenComment

    return CitizenComment.objects.filter(author=author).order_by("-pk").first()


def demo_roots():
    """The demo's top-level comments on the chapter as a whole, newest first."""
    from participation.models import CitizenComment

    return list(
        CitizenComment.objects.in_discussion_of(demo_chapter("de"))
        .filter(depth=0, author__username__startswith="demo-")
        .order_by("-created_at")
    )


def support_state(page, comment_pk: int) -> tuple[str, str]:
    form = page.locator(f"#c-{comment_pk} > .comment__body [data-support-form]")
    return form.locator("button").inner_text().strip(), form.locator(
        "[data-support-count]"
    ).inner_text().strip()


def count_in(label: str) -> int:
    return int(re.search(r"\d+", label)[0])


# --- the keyboard journeys -----------------------------------------------------------------


def sign_up_by_keyboard(page, language: str, email: str, name: str) -> None:
    """From the chapter: the sign-up link of the discussion, the form, the link in the mail,
    confirming the address and, if the site asks for it, signing in."""
    tab_to(page, ".discussion__join a[href*='signup'], .discussion__join a[href*='registr']")
    follow(page)
    assert page.locator("html").get_attribute("lang") == language
    tab_to(page, "#id_email")
    page.keyboard.type(email)
    tab_to(page, "#id_display_name")
    page.keyboard.type(name)
    tab_to(page, "#id_password1")
    page.keyboard.type(PASSWORD)
    tab_to(page, "#id_password2")
    page.keyboard.type(PASSWORD)
    tab_to(page, "form button[type=submit]")
    follow(page)
    assert len(mail.outbox) == 1, [m.subject for m in mail.outbox]
    message = mail.outbox[0]
    assert message.to == [email]
    links = re.findall(r"https?://\S+", message.body)
    confirm = next(link for link in links if "confirm" in link or "bestaetig" in link)
    # The link is written for the public host (https); it is opened on the live server.
    site = urlsplit(page.url)
    path = urlsplit(confirm).path
    assert path.startswith(f"/{language}/"), f"the mail links {confirm} for a {language} sign-up"
    page.goto(f"{site.scheme}://{site.netloc}{path}")
    tab_to(page, "main form button[type=submit]")
    follow(page)
    if page.locator("#id_login").count():  # the site asks to sign in after confirming
        tab_to(page, "#id_login")
        page.keyboard.type(email)
        tab_to(page, "#id_password")
        page.keyboard.type(PASSWORD)
        follow(page)
    assert page.locator("form[action*='logout']").count() or page.locator(
        "a[href*='/konto/'], a[href*='/account/']"
    ).count()


def comment_on_a_measure(page, language: str, text: str, *, consent: bool):
    """On the chapter: Tab to a measure's "Discussion (N)" link, follow it, write a comment
    about that measure and publish it; returns the measure."""
    measure = discussed_measure(language)
    link = f"#{measure.anchor} .discussion-link a"
    before = count_in(page.locator(link).inner_text())
    tab_to(page, link)
    follow(page)
    assert "about=" in page.url
    # The form is about that measure already.
    assert page.locator("#id_target").input_value() == measure.key
    tab_to(page, "#id_text")
    page.keyboard.type(text)
    if consent:
        tab_to(page, "#id_consent")
        page.keyboard.press("Space")
        assert page.locator("#id_consent").is_checked()
    else:
        assert page.locator("#id_consent").count() == 0
    tab_to(page, "#comment-form button[type=submit]")
    follow(page)
    assert WORDS[language]["published"] in page.locator("main").inner_text()
    assert count_in(page.locator(link).inner_text()) == before + 1
    return measure


def reply_in_place(page, language: str, parent_pk: int, text: str) -> None:
    """Tab to the reply link of ``parent_pk``; with JavaScript the form opens under it and takes
    the focus; write and send."""
    tab_to(page, f'[data-reply-to="{parent_pk}"]')
    page.keyboard.press("Enter")
    form = page.locator(f"#c-{parent_pk} [data-comment-form]")
    form.wait_for(timeout=5000)
    assert focused(page, f"#c-{parent_pk} [data-comment-form] textarea")
    assert page.url.split("#")[0].endswith(chapter_path(language)), "the reply link was followed"
    assert form.locator("[name=parent]").input_value() == str(parent_pk)
    assert not form.locator("#id_target").is_visible()
    page.keyboard.type(text)
    tab_to(page, f"#c-{parent_pk} [data-comment-form] button[type=submit]")
    follow(page)
    assert WORDS[language]["published"] in page.locator("main").inner_text()


def support_without_reload(page, language: str, comment_pk: int) -> None:
    label, count = support_state(page, comment_pk)
    assert label == WORDS[language]["support"]
    page.evaluate("window.__stillTheSamePage = true")
    tab_to(page, f"#c-{comment_pk} > .comment__body [data-support-form] button")
    page.keyboard.press("Space")
    button = page.locator(f"#c-{comment_pk} > .comment__body [data-support-form] button")
    button.filter(has_text=WORDS[language]["withdraw"]).wait_for()
    new_label, new_count = support_state(page, comment_pk)
    assert new_label == WORDS[language]["withdraw"]
    assert count_in(new_count) == count_in(count) + 1
    assert page.evaluate("window.__stillTheSamePage === true"), "the page was reloaded"
    assert focused(page, f"#c-{comment_pk} > .comment__body [data-support-form] button")
    # The new count is a status message (WCAG 4.1.3), not only a changed text.
    status = page.locator("[data-discussion] [role=status]")
    assert status.count() == 1
    assert status.inner_text().strip() == new_count


def check_new_comments(page, language: str, author, measure, reply_to: int) -> None:
    from participation.models import Support

    comments = list(author.citizen_comments.order_by("pk"))
    assert len(comments) == 2
    comment, reply = comments
    assert (comment.target, comment.language, comment.parent_id) == (measure.key, language, None)
    assert (reply.parent_id, reply.language) == (reply_to, language)
    for stored in comments:
        text = page.locator(f"#{stored.anchor} > .comment__body .comment__text")
        assert text.get_attribute("lang") == language
        assert text.inner_text().strip() == stored.text
    assert page.locator(f"#c-{reply_to} #{reply.anchor}").count() == 1, "not in its thread"
    about = page.locator(f"#{comment.anchor} .comment__about").inner_text().strip()
    assert about == str(measure.label)
    assert about.startswith({"de": "Maßnahme ", "en": "Measure "}[language]), about
    assert Support.objects.filter(user=author).count() == 1


TEXTS = {
    "de": ("Termine online zu buchen ist gut, aber bitte auch samstags.",
           "Da stimme ich zu: Ein Bericht am Ende der Beteiligung wäre hilfreich."),
    "en": ("Booking appointments online works well; please add Saturday slots.",
           "Agreed: a summary at the end of the participation phase would help."),
}


@pytest.mark.parametrize(
    ("language", "width"), [pytest.param("de", 1280, id="de-1280"), pytest.param("en", 390,
                                                                                  id="en-390")]
)
def test_citizen_signs_up_comments_replies_and_supports_by_keyboard(
    visitor, demo_site, language, width
):
    from django.contrib.auth import get_user_model

    name = {"de": "Jenaerin Ida", "en": "Newcomer Ida"}[language]
    email = f"ida-{language}-{width}@example.org"
    page = visitor.open(demo_site.url + chapter_path(language), width=width)
    sign_up_by_keyboard(page, language, email, name)
    author = get_user_model().objects.get(email=email)
    assert author.participant.display_name == name
    if not page.url.split("#")[0].endswith(chapter_path(language)):
        page.goto(demo_site.url + chapter_path(language))
    measure = comment_on_a_measure(page, language, TEXTS[language][0], consent=True)
    assert author.participant.__class__.objects.get(user=author).has_consented

    other, supported = demo_roots()[:2]
    reply_in_place(page, language, other.pk, TEXTS[language][1])
    support_without_reload(page, language, supported.pk)
    check_new_comments(page, language, author, measure, other.pk)
    assert_no_foreign_requests_or_csp_violations(visitor)


@pytest.mark.parametrize(
    ("language", "width"), [pytest.param("de", 390, id="de-390"), pytest.param("en", 1280,
                                                                                id="en-1280")]
)
def test_signed_in_citizen_comments_replies_and_supports_by_keyboard(
    visitor, demo_site, citizen, language, width
):
    author = citizen()
    page = visitor.open(demo_site.url + chapter_path(language), width=width, user=author)
    measure = comment_on_a_measure(page, language, TEXTS[language][0], consent=True)
    other, supported = demo_roots()[:2]
    reply_in_place(page, language, other.pk, TEXTS[language][1])
    support_without_reload(page, language, supported.pk)
    check_new_comments(page, language, author, measure, other.pk)
    assert_no_foreign_requests_or_csp_violations(visitor)


# --- axe-core in every state of the discussion ---------------------------------------------


def open_state(visitor, demo_site, citizen, state: str, language: str, width: int):
    """The page of one state of the discussion, as the axe audit sees it."""
    from tests.factories.participation import comment

    chapter = demo_site.url + chapter_path(language)
    if state == "anonymous":
        return visitor.open(chapter, width=width)
    author = citizen()
    if state == "signed-in":
        return visitor.open(chapter, width=width, user=author)
    if state == "reply-open":
        page = visitor.open(chapter, width=width, user=author)
        parent = demo_roots()[0]
        page.locator(f'[data-reply-to="{parent.pk}"]').focus()
        page.keyboard.press("Enter")
        page.locator(f"#c-{parent.pk} [data-comment-form]").wait_for(timeout=5000)
        assert focused(page, f"#c-{parent.pk} [data-comment-form] textarea")
        return page
    if state == "form-error":
        page = visitor.open(chapter, width=width, user=author)
        page.locator("#comment-form button[type=submit]").focus()
        follow(page)
        assert page.locator(".error-summary").count() == 1
        assert focused(page, ".error-summary"), "the error summary did not take the focus"
        check_focus(page)
        assert page.locator("#id_text").get_attribute("aria-invalid") == "true"
        return page
    if state == "measure":
        path = discussion_path(language, discussed_measure(language).key)
        return visitor.open(demo_site.url + path, width=width, user=author)
    own = comment(demo_chapter("de"), author, "Mein eigener Beitrag, noch änderbar.",
                  language="de")
    if state == "reply-page":
        path = url_of("reply", language, demo_chapter(language).pk, demo_roots()[0].pk)
    elif state == "edit-page":
        path = url_of("edit", language, demo_chapter(language).pk, own.pk)
    elif state == "delete-page":
        path = url_of("delete", language, demo_chapter(language).pk, own.pk)
    else:
        raise ValueError(state)
    # These pages carry no script at all (asserted), so with JavaScript on axe sees what a
    # reader without it gets; axe itself needs JavaScript to run.
    page = visitor.open(demo_site.url + path, width=width, user=author)
    assert page.evaluate("document.scripts.length") == 0
    assert page.locator("main form").count() >= 1
    return page


AXE_STATES = ["anonymous", "signed-in", "reply-open", "form-error", "measure", "reply-page",
              "edit-page", "delete-page"]


@pytest.mark.parametrize("width", [390, 1280])
@pytest.mark.parametrize("language", ["de", "en"])
@pytest.mark.parametrize("state", AXE_STATES)
def test_discussion_passes_axe(visitor, demo_site, citizen, state, language, width):
    page = open_state(visitor, demo_site, citizen, state, language, width)
    assert page.locator("html").get_attribute("lang") == language
    axe(page, f"{state}-{language}-{width}")
    assert_no_foreign_requests_or_csp_violations(visitor)


# --- without JavaScript --------------------------------------------------------------------


@pytest.mark.parametrize("language", ["de", "en"])
def test_comment_and_reply_without_javascript(visitor, demo_site, citizen, language):
    author = citizen()
    page = visitor.open(demo_site.url + chapter_path(language), javascript=False, user=author)
    page.locator("#id_text").fill(TEXTS[language][0])
    page.locator("#id_consent").check()
    with page.expect_navigation():
        page.locator("#comment-form button[type=submit]").click()
    comment = newest_comment(author)
    assert comment is not None and comment.language == language and comment.target == ""
    assert page.url.endswith(f"#{comment.anchor}")
    assert page.locator(f"#{comment.anchor} .comment__text").get_attribute("lang") == language

    parent = demo_roots()[0]
    with page.expect_navigation():
        page.locator(f'[data-reply-to="{parent.pk}"]').click()
    assert urlsplit(page.url).path == url_of("reply", language, demo_chapter(language).pk,
                                             parent.pk)
    assert page.locator("#id_consent").count() == 0  # agreed with the first comment
    page.locator("#id_text").fill(TEXTS[language][1])
    with page.expect_navigation():
        page.locator("main form button[type=submit]").click()
    reply = newest_comment(author)
    assert reply.parent_id == parent.pk
    assert page.locator(f"#{parent.anchor} #{reply.anchor} .comment__text").inner_text() == (
        TEXTS[language][1]
    )
    assert_no_foreign_requests_or_csp_violations(visitor)


def test_support_by_form_post_without_javascript(visitor, demo_site, citizen):
    author = citizen(consented=True)
    page = visitor.open(demo_site.url + chapter_path("de"), javascript=False, user=author)
    target = demo_roots()[1].pk
    label, count = support_state(page, target)
    assert label == WORDS["de"]["support"]
    button = f"#c-{target} > .comment__body [data-support-form] button"
    with page.expect_navigation():
        page.locator(button).click()
    assert page.url.endswith(f"#c-{target}")
    assert support_state(page, target) == (WORDS["de"]["withdraw"],
                                           re.sub(r"\d+", str(count_in(count) + 1), count))
    with page.expect_navigation():
        page.locator(button).click()
    assert support_state(page, target) == (label, count)


@pytest.fixture
def many_threads(citizen):
    """Enough threads for a second page of the chapter's discussion: 15 new ones on top of the
    demo's 10 (20 a page); returns the number of threads."""
    from participation.models import CitizenComment
    from tests.factories.participation import comment

    author = citizen("Vielschreiber Max", consented=True)
    page = demo_chapter("de")
    for number in range(15):
        comment(page, author, f"Gedanke Nummer {number + 1} zur digitalen Verwaltung.",
                language="de" if number % 2 else "en")
    return CitizenComment.objects.in_discussion_of(page).filter(depth=0).shown().count()


def root_ids(page) -> list[str]:
    return page.eval_on_selector_all(
        "[data-comment-list] > li.comment", "items => items.map(item => item.id)"
    )


@pytest.mark.parametrize("language", ["de", "en"])
def test_show_more_without_javascript(visitor, demo_site, many_threads, language):
    assert many_threads > 20
    page = visitor.open(demo_site.url + chapter_path(language), javascript=False)
    first = root_ids(page)
    assert len(first) == 20
    more = page.locator("[data-comment-pager] a[rel=next]")
    assert str(many_threads - 20) in more.inner_text()
    with page.expect_navigation():
        more.click()
    assert urlsplit(page.url).path == url_of("discussion", language, demo_chapter(language).pk)
    second = root_ids(page)
    assert len(second) == many_threads - 20
    assert not set(first) & set(second)
    assert page.locator("[data-comment-pager] a[rel=prev]").count() == 1
    assert page.locator("[data-comment-pager] a[rel=next]").count() == 0
    assert_no_foreign_requests_or_csp_violations(visitor)


@pytest.mark.parametrize(("language", "width"), [("de", 390), ("en", 1280)])
def test_show_more_with_javascript_loads_in_place(visitor, demo_site, many_threads, language,
                                                  width):
    page = visitor.open(demo_site.url + chapter_path(language), width=width)
    first = root_ids(page)
    assert len(first) == 20
    page.evaluate("window.__stillTheSamePage = true")
    tab_to(page, "[data-comment-pager] a[rel=next]")
    page.keyboard.press("Enter")
    page.wait_for_function("n => document.querySelectorAll('[data-comment-list] > li').length > n",
                           arg=20)
    ids = root_ids(page)
    assert len(ids) == many_threads
    assert ids[:20] == first
    assert page.evaluate("window.__stillTheSamePage === true"), "the page was reloaded"
    assert focused(page, f"#{ids[20]} > .comment__body")
    check_focus(page)
    assert page.locator("[data-comment-pager] a[rel=next]").count() == 0
    assert page.locator(EMPTY_NAVIGATION).count() == 0
    # What was loaded is in the page language's own words, and it passes axe like the rest.
    assert page.locator(f"#{ids[20]} > .comment__body .comment__language").count() == 1
    axe(page, f"more-loaded-{language}-{width}")
    # The next Tab goes on inside the loaded thread.
    tab(page)
    assert page.evaluate(f"document.getElementById('{ids[20]}').contains(document.activeElement)")
    assert_no_foreign_requests_or_csp_violations(visitor)


# --- the signed-in pages' HTML -------------------------------------------------------------


def test_signed_in_html_is_valid(demo_site, citizen):
    """What a signed-in citizen is served (the forms, the reply, edit and delete pages, a form
    with errors) passes the Nu Html Checker like the anonymous page types do."""
    import shutil
    import subprocess

    from django.test import Client

    from tests.factories.participation import comment
    from tests.isolation import VNU

    require(VNU.exists(), f"{VNU} is missing (make node_modules)")
    require(shutil.which("java") is not None, "java is missing (apt install default-jre-headless)")
    author = citizen()
    own = comment(demo_chapter("de"), author, "Mein eigener Beitrag.", language="de")
    parent = demo_roots()[0]
    client = Client()
    client.force_login(author)
    folder = RESULTS / "html-signed-in"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    files = []
    for language in ("de", "en"):
        pk = demo_chapter(language).pk
        pages = {
            "chapter": (chapter_path(language), 200),
            "measure": (discussion_path(language, discussed_measure(language).key), 200),
            "reply": (url_of("reply", language, pk, parent.pk), 200),
            "edit": (url_of("edit", language, pk, own.pk), 200),
            "delete": (url_of("delete", language, pk, own.pk), 200),
        }
        for name, (path, status) in pages.items():
            response = client.get(path)
            assert response.status_code == status, (path, response.status_code)
            files.append(folder / f"{name}-{language}.html")
            files[-1].write_bytes(response.content)
        response = client.post(url_of("post", language, pk), {"text": "", "website": ""})
        assert response.status_code == 400
        assert b"error-summary" in response.content
        files.append(folder / f"form-error-{language}.html")
        files[-1].write_bytes(response.content)
    run = subprocess.run(  # noqa: S603
        ["java", "-jar", str(VNU), "--format", "json", "--exit-zero-always", *map(str, files)],
        capture_output=True, text=True, check=True,
    )
    messages = json.loads(run.stderr)["messages"]
    errors = [
        f"{m['url'].rsplit('/', 1)[-1]} line {m.get('lastLine')}: {m['message']}"
        for m in messages if m["type"] in ("error", "non-document-error")
    ]
    assert not errors, "\n".join(errors)


# --- sorting, cancelling a reply, announcing a support, reflow -----------------------------


EMPTY_NAVIGATION = "main nav:not(:has(a, [aria-current]))"


@pytest.mark.parametrize("language", ["de", "en"])
def test_discussion_page_sorts_without_javascript(visitor, demo_site, language):
    page = visitor.open(demo_site("discussion-chapter", language), javascript=False)
    links = page.locator(".comments__sort a")
    assert links.count() == 2, "the discussion page offers no other order"
    with page.expect_navigation():
        links.first.click()  # "oldest first"
    oldest = min(demo_roots(), key=lambda comment: comment.created_at)
    assert root_ids(page)[0] == oldest.anchor


@pytest.mark.parametrize("name", ["discussion-chapter", "discussion-measure"])
def test_no_empty_navigation(visitor, demo_site, name):
    """A pager with no further page, or a sort menu without choices, is left out instead of
    being an empty landmark."""
    page = visitor.open(demo_site(name, "de"), javascript=False)
    assert page.locator(EMPTY_NAVIGATION).count() == 0, page.locator(
        EMPTY_NAVIGATION).evaluate_all("navs => navs.map(nav => nav.outerHTML)")
    page = visitor.open(demo_site.url + chapter_path("de"), javascript=False)
    assert page.locator(EMPTY_NAVIGATION).count() == 0


def test_reply_in_place_is_cancelled_by_keyboard(visitor, demo_site, citizen):
    page = visitor.open(demo_site.url + chapter_path("de"), width=390, user=citizen())
    parent = demo_roots()[0].pk
    home = page.evaluate("document.querySelector('[data-comment-form]').parentElement.id")
    tab_to(page, f'[data-reply-to="{parent}"]')
    page.keyboard.press("Enter")
    page.locator(f"#c-{parent} [data-comment-form]").wait_for(timeout=5000)
    textarea = page.locator(f"#c-{parent} [data-comment-form] textarea")
    assert textarea.get_attribute("aria-describedby"), "the reply field says nothing"
    described = " ".join(
        page.locator(f"#{ident}").inner_text()
        for ident in textarea.get_attribute("aria-describedby").split()
    )
    assert parent_name(parent) in described, "the reply field does not say whom it answers"
    tab_to(page, f"#c-{parent} [data-comment-form] button[type=button]")
    page.keyboard.press("Enter")
    assert page.locator(f"#c-{parent} [data-comment-form]").count() == 0
    assert page.evaluate("document.querySelector('[data-comment-form]').parentElement.id") == home
    assert focused(page, f'[data-reply-to="{parent}"]'), "the focus did not go back"
    assert page.locator("#id_target").is_visible()
    assert page.locator("[name=parent]").input_value() == ""
    assert page.locator(".comment-form__context").count() == 0
    assert_no_foreign_requests_or_csp_violations(visitor)


def parent_name(pk: int) -> str:
    return comment_of(pk).author.participant.display_name


@pytest.mark.parametrize("language", ["de", "en"])
def test_signed_in_discussion_reflows_at_320_px(visitor, demo_site, citizen, language):
    """The comment form, and a reply form opened under the deepest reply, fit 320 px."""
    from participation.models import CitizenComment

    page = visitor.open(demo_site.url + chapter_path(language), width=320, user=citizen())
    assert_fits(page, 320)
    deepest = (
        CitizenComment.objects.in_discussion_of(demo_chapter("de"))
        .filter(depth=CitizenComment.objects.order_by("-depth").values("depth")[:1])
        .first()
    )
    replies_to = page.locator(f'[data-reply-to="{deepest.parent_id}"]')
    replies_to.focus()
    page.keyboard.press("Enter")
    page.locator(f"#c-{deepest.parent_id} [data-comment-form]").wait_for(timeout=5000)
    assert_fits(page, 320)
    assert_no_foreign_requests_or_csp_violations(visitor)


def assert_fits(page, width: int) -> None:
    too_wide = page.evaluate(
        """width => [...document.querySelectorAll('body *')]
            .filter(el => el.getBoundingClientRect().right > width + 0.5)
            .map(el => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '')
                 + (typeof el.className === 'string' && el.className ? '.' + el.className : ''))""",
        width,
    )
    assert page.evaluate("document.documentElement.scrollWidth") <= width, too_wide
