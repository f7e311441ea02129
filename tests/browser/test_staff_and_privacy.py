"""Staff at work in the Wagtail admin, the citizens' pages of moderation, and the site's privacy
promises, in the browser.

- A moderator works the "Reported" queue by keyboard: from the dashboard's panel (and from the
  Participation menu) to the queue, the comment, "Hide the comment" with a rule of the
  netiquette and a note; then the comment is hidden in the database and its author has the
  statement of reasons.
- The citizens' pages that moderation and data rights add (report form, statement of reasons,
  data download, account deletion, the forms also with errors) pass axe-core with every rule, in
  both languages at 390 and 1280 px (one context per state, resized between the widths).
- A translator translates a German news story by keyboard: the dashboard's panel, the
  Translations screen, wagtail-localize's "Translate" and its translation editor.
- axe-core on the translator's dashboard panel and the Translations screen (and the moderator's
  panel, queue and moderation screen): everything of ours must pass; Wagtail's own chrome is
  excluded by selector (see ``WAGTAIL_CHROME``).
- No request leaves the live server from the admin (dashboard, page editor, image library,
  moderation queue, Translations screen, translation editor) as a superuser; anonymous visitors
  get no cookie on any public page type.

The keyboard journeys run at 1280 px only: the admin is a desktop tool, and the citizens' pages
are checked at both widths by axe. A step that needs a change in Python code to pass raises
``KnownBug`` at the end of its test, which is marked ``xfail(raises=KnownBug, strict=True)``: any
other failure still fails, and once the Python change lands the test passes, strict xfail turns
that into a failure, and the marker must go.

Everything a test stores (accounts, comments, reports, pages, translations) is deleted after it.
"""

import json
import re
from urllib.parse import urlsplit

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import translation

from tests.browser.conftest import RESULTS, focus_state, inject_axe, require
from tests.browser.pages import LANGUAGES, PAGE_TYPES, demo_chapter
from tests.browser.test_accessibility import RUN_AXE, describe
from tests.isolation import AXE

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

MAX_TABS = 120
PASSWORD = "Ein langes und sorgfältiges Passwort 2026"  # noqa: S105 (a test account)


class KnownBug(AssertionError):
    """A failure whose fix is a change in Python code (named in the message)."""


class KnownBugs:
    """Collects the known bugs a journey meets, so the rest of the journey still runs; ``check``
    raises them together at the end."""

    def __init__(self):
        self.found: list[str] = []

    def expect(self, condition: bool, message: str) -> None:
        if not condition:
            self.found.append(message)

    def check(self) -> None:
        if self.found:
            raise KnownBug("\n".join(self.found))


# --- fixtures ------------------------------------------------------------------------------


@pytest.fixture(autouse=True)
def _participation_settings(settings):
    """No minimum fill time and generous rate limits: the browser is fast."""
    settings.PARTICIPATION_MIN_FILL_SECONDS = 0
    settings.PARTICIPATION_RATE_LIMITS = {
        action: {"user": "1000/m", "ip": "1000/m"} for action in ("comment", "support", "report")
    }


def _last_pk(model) -> int:
    return model.objects.order_by("-pk").values_list("pk", flat=True).first() or 0


@pytest.fixture(autouse=True)
def _forget_what_the_test_stored():
    """Deletes the accounts, comments (with their reports), pages and translations a test added,
    keeping the demo's."""
    from django.contrib.auth import get_user_model
    from wagtail.models import Page
    from wagtail_localize.models import TranslatableObject, TranslationSource

    from participation.models import CitizenComment

    users = get_user_model().objects
    last_user, last_comment = _last_pk(get_user_model()), _last_pk(CitizenComment)
    last_page, last_source = _last_pk(Page), _last_pk(TranslationSource)
    mail.outbox = []
    yield
    added = CitizenComment.objects.filter(pk__gt=last_comment)
    added.update(parent=None, thread=None)
    added.delete()
    for page in Page.objects.filter(pk__gt=last_page).order_by("-depth"):
        page.delete()
    keys = TranslationSource.objects.filter(pk__gt=last_source).values_list("object_id",
                                                                             flat=True)
    TranslatableObject.objects.filter(translation_key__in=list(keys)).delete()
    users.filter(pk__gt=last_user).delete()
    mail.outbox = []


def member(role: str, name: str):
    """A staff member in one of the roles' groups (``editorial/roles.py``)."""
    from django.contrib.auth.models import Group, User

    user = User.objects.create_user(name, f"{name}@jena.example", PASSWORD)
    user.groups.add(Group.objects.get(name=role))
    return User.objects.get(pk=user.pk)


def citizen(name: str):
    from tests.factories.participation import citizen as make_citizen

    return make_citizen(name)


def reported_comment(text="Wer so etwas vorschlägt, hat keine Ahnung. Typisch Verwaltung."):
    """A comment by a new citizen on the demo chapter, reported as an insult by three distinct
    verified citizens through the reporting service, which hides it until a moderator
    decides."""
    from django.test import RequestFactory

    from participation import moderation
    from tests.factories.participation import comment

    chapter = demo_chapter("de")
    author = citizen("Kritiker Karl")
    reported = comment(chapter, author, text, language="de")
    for number in range(moderation.hide_threshold()):
        request = RequestFactory().post("/")
        request.user = citizen(f"Meldende {number + 1}")
        moderation.report_comment(request, chapter, reported, "insult")
    reported.refresh_from_db()
    assert reported.status == "hidden" and reported.awaiting_decision
    return reported


def demo_comment():
    """A visible comment of the demo discussion, by one of the demo citizens."""
    from participation.models import CitizenComment

    return (CitizenComment.objects.in_discussion_of(demo_chapter("de"))
            .filter(author__username__startswith="demo-", depth=0).shown().order_by("pk")
            .first())


def url_of(name: str, language: str, *args) -> str:
    with translation.override(language):
        return reverse(name, args=args)


# --- keyboard ------------------------------------------------------------------------------

# Wagtail's admin scrolls its content column smoothly (``.content-wrapper {scroll-behavior:
# smooth}``, also under prefers-reduced-motion), so the focused element is measured once its
# position has stopped changing.
SETTLE = r"""async () => {
    const el = document.activeElement;
    let last = null;
    for (let frame = 0; frame < 90; frame++) {
        await new Promise(resolve => requestAnimationFrame(resolve));
        const top = el.getBoundingClientRect().top;
        if (last !== null && Math.abs(top - last) < 0.5) { return; }
        last = top;
    }
}"""


def check_focus(page) -> dict:
    page.evaluate(SETTLE)
    state = focus_state(page)
    assert state["visible"], f"no visible focus indicator on {state} at {page.url}"
    assert state["onScreen"], f"the focused element is off screen: {state} at {page.url}"
    return state


def focused(page, selector: str, text: str | None = None) -> bool:
    return page.evaluate(
        """([selector, text]) => document.activeElement.matches(selector)
            && (text === null || document.activeElement.innerText.trim() === text)""",
        [selector, text],
    )


def tab_to(page, selector: str, text: str | None = None, key: str = "Tab") -> list[dict]:
    """Tab (or Shift+Tab) until the focused element matches ``selector`` (and has the visible
    ``text``); every stop on the way must show a visible focus and be on screen."""
    stops = []
    for _ in range(MAX_TABS):
        page.keyboard.press(key)
        stops.append(check_focus(page))
        if focused(page, selector, text):
            return stops
    raise AssertionError(f"{selector} {text or ''} not reached in {MAX_TABS} presses of {key} "
                         f"on {page.url}: {stops[-15:]}")


def follow(page, key: str = "Enter") -> None:
    """Press a key that loads another page, and wait for it."""
    with page.expect_navigation():
        page.keyboard.press(key)
    page.wait_for_load_state()


# --- axe -----------------------------------------------------------------------------------


def save_results(page, name: str, results: dict) -> None:
    (RESULTS / "axe").mkdir(parents=True, exist_ok=True)
    (RESULTS / "axe" / f"{name}.json").write_text(json.dumps(results, indent=2))
    (RESULTS / "screenshots").mkdir(parents=True, exist_ok=True)
    page.screenshot(path=RESULTS / "screenshots" / f"{name}.png", full_page=True)


def axe(page, name: str) -> None:
    """Every rule axe-core ships (as test_accessibility.py): zero violations."""
    require(AXE.exists(), f"{AXE} is missing (make node_modules)")
    inject_axe(page)
    results = page.evaluate(RUN_AXE)
    save_results(page, name, results)
    violations = results["violations"]
    assert not violations, f"{len(violations)} axe violation(s) on {page.url}:\n" + describe(
        violations)


# Wagtail's own admin chrome, left out of the admin audits. Each comes from a template of
# Wagtail itself, not of ours:
# - ``#wagtail-sidebar``: the sidebar (wagtailadmin/base.html, rendered by Wagtail's React
#   sidebar); its search form repeats the dashboard's ``role="search"`` landmark without a name
#   of its own (axe: landmark-unique, on a translator's dashboard at 1280 px).
# - ``.w-dashboard > header``: the dashboard's site summary, page search and account links
#   (wagtailadmin/home.html); their links have Wagtail's link colour (see below).
# - ``.w-slim-header``: the breadcrumbs bar (wagtailadmin/shared/headers/slim_header.html).
# - ``#keyboard-shortcuts-dialog``: Wagtail's hidden keyboard shortcuts dialog.
WAGTAIL_CHROME = ["#wagtail-sidebar", ".w-dashboard > header", ".w-slim-header",
                  "#keyboard-shortcuts-dialog"]

RUN_AXE_WITHOUT_CHROME = """async (exclude) => axe.run({exclude: exclude.map(s => [s])}, {
    rules: Object.fromEntries(axe.getRules().map(rule => [rule.ruleId, {enabled: true}])),
    resultTypes: ['violations'],
})"""

# The stylesheets and inline styles the admin page carries that are not Wagtail's (or
# wagtail-localize's) own. Our admin templates add none, so every colour in them is Wagtail's.
FOREIGN_STYLES = r"""(ours) => [
    ...[...document.styleSheets].map(sheet => sheet.href)
        .filter(href => href && !/\/static\/(wagtail[a-z_]*|wagtail_localize)\//.test(href)),
    ...[...document.querySelectorAll(ours + ' [style], ' + ours + '[style]')]
        .map(el => el.outerHTML.slice(0, 120)),
]"""


def admin_axe(page, name: str, ours: str) -> None:
    """axe-core with every rule on an admin screen, Wagtail's chrome excluded: zero violations
    in what we render (``ours``, a selector of our panel or screen) and around it.

    One rule is left to Wagtail: enhanced contrast (``color-contrast-enhanced``, WCAG AAA 7:1).
    Wagtail's palette is designed for AA (its link and button teal #007d7e has 4.96:1 on white),
    and our admin templates use Wagtail's classes and no colour of their own (asserted here:
    no stylesheet or style attribute of ours), so an AAA contrast failure in the admin is
    Wagtail's design. AA contrast (``color-contrast``, 4.5:1) stays on and must pass."""
    require(AXE.exists(), f"{AXE} is missing (make node_modules)")
    assert page.locator(ours).count() >= 1, f"{ours} is not on {page.url}"
    assert page.evaluate(FOREIGN_STYLES, ours) == []
    inject_axe(page)
    results = page.evaluate(RUN_AXE_WITHOUT_CHROME, WAGTAIL_CHROME)
    save_results(page, f"admin-{name}", results)
    wagtails = [v for v in results["violations"] if v["id"] == "color-contrast-enhanced"]
    if wagtails:
        print(f"Wagtail's palette on {page.url} (AAA contrast, left to Wagtail):\n"
              + describe(wagtails))
    violations = [v for v in results["violations"] if v["id"] != "color-contrast-enhanced"]
    assert not violations, f"{len(violations)} axe violation(s) on {page.url}:\n" + describe(
        violations)


def assert_no_foreign_requests_or_csp_violations(visitor) -> None:
    assert visitor.foreign_requests() == []
    assert visitor.csp_violations == []


# --- issue 21: the moderator's keyboard journey ------------------------------------------


DECISION = {"rule": "insult", "note": "Bitte bleiben Sie sachlich: Kritik ja, Beleidigung nein."}


def test_moderator_hides_a_reported_comment_by_keyboard(visitor, demo_site):
    from wagtail.models import ModelLogEntry

    from editorial import roles
    from participation.models import HideReason, Report

    known = KnownBugs()
    comment = reported_comment()
    author = comment.author
    moderator = member(roles.MODERATORS, "moderatorin")
    mail.outbox = []

    page = visitor.open(demo_site.url + reverse("wagtailadmin_home"), user=moderator)
    panel = "section[aria-labelledby='participation-panel-heading']"
    admin_axe(page, "moderator-dashboard", panel)
    queue = reverse("participation_reported:index")
    tab_to(page, f"{panel} a[href='{queue}']")
    assert page.evaluate("document.activeElement.innerText").startswith("1 ")
    follow(page)
    assert urlsplit(page.url).path == queue

    # The queue lists the comment with its three open reports.
    row = page.locator("table.listing tbody tr", has_text=comment.text[:40])
    assert row.count() == 1, page.locator("table.listing").inner_text()
    assert "3" in row.locator("td").nth(4).inner_text()
    admin_axe(page, "moderation-queue", "table.listing")
    screen = reverse("participation_reported:edit", args=[comment.pk])
    link = f"a[href='{screen}']"
    known.expect(page.locator(link).count() > 0,
                 f"the Reported queue offers no link to the comment's moderation screen "
                 f"({screen}): nobody can open it, by keyboard or mouse")
    if page.locator(link).count():
        tab_to(page, link)
        follow(page)
    else:  # the rest of the journey as if the link were there
        page.goto(demo_site.url + screen)
    assert urlsplit(page.url).path == screen
    admin_axe(page, "moderation-screen", "main .content")

    # The decision: the radio group by arrow keys, the rule by arrow keys, the note typed.
    tab_to(page, "input[name=decision]")
    assert focused(page, "#id_decision_0"), "the radio group starts at its first choice"
    page.keyboard.press("ArrowDown")
    check_focus(page)
    assert focused(page, "#id_decision_1")
    assert page.locator("#id_decision_1").is_checked()  # "Hide the comment"
    assert page.locator("label[for=id_decision_1]").inner_text().strip() == (
        "Beitrag ausblenden")
    tab_to(page, "select[name=reason]")
    page.keyboard.press("ArrowDown")  # the first rule: insult or personal attack
    assert page.locator("select[name=reason]").input_value() == DECISION["rule"]
    tab_to(page, "textarea[name=note]")
    page.keyboard.type(DECISION["note"])
    # Shift+Tab goes back the same way: from the note to the rule, and on to the note again.
    tab_to(page, "select[name=reason]", key="Shift+Tab")
    tab_to(page, "textarea[name=note]")
    decision_form = "form:has(input[name=action][value=decide])"
    tab_to(page, f"{decision_form} button[type=submit]")
    follow(page)
    # Back in the queue, with a message; the comment left the queue.
    assert urlsplit(page.url).path == queue
    assert "Die Entscheidung ist gespeichert" in page.locator(".messages").inner_text()
    assert page.locator("table.listing tbody tr", has_text=comment.text[:40]).count() == 0

    comment.refresh_from_db()
    assert comment.status == "hidden"
    assert not comment.awaiting_decision
    assert comment.moderation_reason == HideReason.INSULT
    assert comment.moderation_note == DECISION["note"]
    assert comment.moderated_by == moderator
    assert set(Report.objects.filter(comment=comment).values_list("outcome", flat=True)) == {
        "hidden"}
    assert ModelLogEntry.objects.filter(action="participation.comment.hide",
                                        object_id=str(comment.pk), user=moderator).exists()
    statements = [m for m in mail.outbox if m.to == [author.email]]
    assert len(statements) == 1, [(m.to, m.subject) for m in mail.outbox]
    statement = statements[0]
    assert statement.subject == "Ihr Beitrag wurde ausgeblendet"
    assert "Beleidigung oder persönlicher Angriff" in statement.body
    assert DECISION["note"] in statement.body
    assert url_of("participation:decision", "de", comment.pk) in statement.body
    # The three reporters learn the outcome.
    assert len([m for m in mail.outbox if m.to != [author.email]]) == 3
    known.check()


def test_moderator_reaches_the_queues_from_the_participation_menu(visitor, demo_site):
    from editorial import roles

    moderator = member(roles.MODERATORS, "moderator-menu")
    page = visitor.open(demo_site.url + reverse("wagtailadmin_home"), user=moderator)
    tab_to(page, "#wagtail-sidebar button[aria-haspopup]", text="Beteiligung")
    page.keyboard.press("Enter")
    assert page.locator("#wagtail-sidebar button[aria-haspopup][aria-expanded=true]",
                        has_text="Beteiligung").count() == 1
    queue = reverse("participation_reported:index")
    tab_to(page, f"#wagtail-sidebar a[href='{queue}']")
    follow(page)
    assert urlsplit(page.url).path == queue
    assert_no_foreign_requests_or_csp_violations(visitor)


# --- issue 21: the citizens' pages of moderation and data rights under axe --------------


def open_citizen_state(visitor, demo_site, state: str, language: str):
    from editorial import roles
    from participation import moderation
    from tests.factories.participation import comment

    chapter = demo_chapter(language)
    reader = citizen("Aufmerksame Anna")
    if state in ("report", "report-error"):
        path = url_of("participation:report", language, chapter.pk, demo_comment().pk)
    elif state == "decision":
        own = comment(demo_chapter("de"), reader, "Mein Beitrag, der ausgeblendet wird.",
                      language=language)
        moderation.decide(member(roles.MODERATORS, "moderation-axe"), own, moderation.HIDE,
                          "off_topic", "Das gehört in eine andere Diskussion.")
        path = url_of("participation:decision", language, own.pk)
    elif state == "data":
        path = url_of("participation:data", language)
    elif state in ("delete", "delete-error"):
        path = url_of("participation:delete_account", language)
    else:
        raise ValueError(state)
    page = visitor.open(demo_site.url + path, width=390, user=reader)
    if state.endswith("-error"):
        # Sent empty: the form comes back with its errors, and the summary takes the focus.
        page.locator("main form button[type=submit]").focus()
        with page.expect_navigation():
            page.keyboard.press("Enter")
        assert page.locator(".error-summary").count() == 1
        assert focused(page, ".error-summary"), "the error summary did not take the focus"
        check_focus(page)
        assert page.locator("[aria-invalid=true]").count() >= 1
    return page


CITIZEN_STATES = ["report", "report-error", "decision", "data", "delete", "delete-error"]


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("state", CITIZEN_STATES)
def test_citizens_moderation_pages_pass_axe(visitor, demo_site, state, language):
    page = open_citizen_state(visitor, demo_site, state, language)
    assert page.locator("html").get_attribute("lang") == language
    for width in (390, 1280):
        page.set_viewport_size({"width": width, "height": 900})
        axe(page, f"moderation-{state}-{language}-{width}")
    assert_no_foreign_requests_or_csp_violations(visitor)


# --- issue 23: the translator's keyboard journey -----------------------------------------


STORY = {"title": "Sensoren messen die Luft an zehn Orten",
         "lead": "Die Stadt misst seit Mai die Luftqualität an zehn Kreuzungen."}
ENGLISH = {"title": "Sensors measure the air in ten places",
           "lead": "Since May the city has measured the air quality at ten crossings."}


@pytest.fixture
def german_story():
    """A published German news story without an English version."""
    from news.models import NewsIndexPage
    from tests.factories.news import NewsPageFactory

    index = NewsIndexPage.objects.get(locale__language_code="de")
    story = NewsPageFactory(parent=index, slug="sensoren-luft", **STORY)
    story.save_revision().publish()
    return story


def translate_segment(page, segment: str, text: str) -> None:
    """In wagtail-localize's editor: Tab to the segment's "Translate" button, Enter opens its
    field (which takes the focus), type, Tab past "Cancel" to "Save", Enter."""
    item = f"li:has(> p{segment})"
    tab_to(page, f"{item} button", text="Übersetzen")
    page.keyboard.press("Enter")
    page.locator(f"{item} textarea").wait_for()
    assert focused(page, f"{item} textarea"), "the segment's field did not take the focus"
    check_focus(page)
    page.keyboard.type(text)
    tab_to(page, f"{item} button", text="Speichern")
    with page.expect_response(lambda response: response.request.method == "PUT") as saved:
        page.keyboard.press("Enter")
    assert saved.value.status in (200, 201), saved.value.status
    page.locator(item, has_text=text).wait_for()


def test_translator_translates_a_news_story_by_keyboard(visitor, demo_site, german_story):
    from wagtail.models import Locale
    from wagtail_localize.models import StringTranslation

    from editorial import roles

    known = KnownBugs()
    translator = member(roles.TRANSLATORS, "uebersetzer")
    page = visitor.open(demo_site.url + reverse("wagtailadmin_home"), user=translator)
    panel = "section[aria-labelledby='translations-panel-heading']"
    screen = reverse("editorial_translations")
    tab_to(page, f"{panel} a[href='{screen}']")
    follow(page)
    assert urlsplit(page.url).path == screen

    submit = reverse("wagtail_localize:submit_page_translation", args=[german_story.pk])
    missing = "section[aria-labelledby='missing-heading']"
    assert page.locator(f"{missing} li", has_text=STORY["title"]).count() == 1
    tab_to(page, f"{missing} a[href^='{submit}']")
    follow(page)
    assert urlsplit(page.url).path == submit

    # wagtail-localize's form: the only target language is English; check it with Space.
    tab_to(page, "main input[name=locales]")
    assert page.locator("label", has=page.locator("input[name=locales]")).inner_text().strip(
    ) == "Englisch"
    if not page.locator("input[name=locales]").is_checked():
        page.keyboard.press("Space")
    assert page.locator("input[name=locales]").is_checked()
    tab_to(page, "main form [type=submit]")
    follow(page)
    english = german_story.get_translation(Locale.objects.get(language_code="en"))
    assert urlsplit(page.url).path == reverse("wagtailadmin_pages:edit", args=[english.pk])
    known.expect(not english.live,
                 "'Translate' published the English copy at once, with the German text, "
                 "without review")

    # The translation editor (a React app): title and lead by keyboard. After "Save" the
    # segment's buttons are replaced and the focus falls back to the document (wagtail-localize
    # does not move it); the next Tab goes on from where the button was, to the next segment.
    page.locator("li:has(> p.title) button").wait_for()
    translate_segment(page, ".title", ENGLISH["title"])
    translate_segment(page, ":not(.title)", ENGLISH["lead"])

    translations = set(StringTranslation.objects.filter(
        locale__language_code="en", last_translated_by=translator).values_list("data",
                                                                               flat=True))
    assert translations == {ENGLISH["title"], ENGLISH["lead"]}
    # Back on the Translations screen the finished story waits to be sent for review; the
    # button writes the saved texts into an English draft and starts the review workflow.
    page.goto(demo_site.url + screen)
    ready = "section[aria-labelledby='ready-heading']"
    assert page.locator(f"{ready} li", has_text=STORY["title"]).count() == 1
    tab_to(page, f"{ready} button")
    follow(page)
    assert page.locator(".messages", has_text=ENGLISH["title"]).count() == 1
    english.refresh_from_db()
    draft = english.get_latest_revision_as_object()
    known.expect(draft.title == ENGLISH["title"] and draft.lead == ENGLISH["lead"],
                 f"the English draft has the title {draft.title!r} and the lead {draft.lead!r}: "
                 "what the translator saved in the editor is not in the page")
    assert english.workflow_in_progress and not english.live
    assert_no_foreign_requests_or_csp_violations(visitor)
    known.check()


@pytest.mark.parametrize("width", [390, 1280])
def test_translators_dashboard_and_translations_screen_pass_axe(visitor, demo_site,
                                                               german_story, width):
    from editorial import roles

    translator = member(roles.TRANSLATORS, f"uebersetzerin-{width}")
    page = visitor.open(demo_site.url + reverse("wagtailadmin_home"), width=width,
                        user=translator)
    admin_axe(page, f"translator-dashboard-{width}",
              "section[aria-labelledby='translations-panel-heading']")
    page = visitor.open(demo_site.url + reverse("editorial_translations"), width=width,
                        user=translator)
    assert page.locator("section[aria-labelledby='missing-heading'] li",
                        has_text=STORY["title"]).count() == 1
    admin_axe(page, f"translations-screen-{width}", "main .content")
    assert_no_foreign_requests_or_csp_violations(visitor)


# --- issue 24: privacy -------------------------------------------------------------------


def test_the_admin_makes_no_request_to_another_host(visitor, demo_site):
    """A superuser's day in the admin: every request is recorded (any other host would be
    aborted), and each screen is given time for what it loads after the page (network idle)."""
    from django.contrib.auth.models import User
    from wagtail.models import Locale

    from news.models import NewsPage

    admin = User.objects.create_superuser("chefin", "chefin@jena.example", PASSWORD)
    story = NewsPage.objects.live().filter(locale__language_code="de").order_by("pk").first()
    english = story.get_translation(Locale.objects.get(language_code="en"))
    comment = reported_comment()
    screens = {
        "dashboard": reverse("wagtailadmin_home"),
        "page editor": reverse("wagtailadmin_pages:edit", args=[story.pk]),
        "image library": reverse("wagtailimages:index"),
        "moderation queue": reverse("participation_reported:index"),
        "moderation screen": reverse("participation_reported:edit", args=[comment.pk]),
        "translations": reverse("editorial_translations"),
        "translation editor": reverse("wagtailadmin_pages:edit", args=[english.pk]),
    }
    page = visitor.open(demo_site.url + screens.pop("dashboard"), user=admin)
    page.wait_for_load_state("networkidle")
    for name, path in screens.items():
        response = page.goto(demo_site.url + path)
        assert response.status == 200, (name, response.status)
        page.wait_for_load_state("networkidle")
        if name == "translation editor":  # wagtail-localize's editor, not Wagtail's own
            assert page.locator("li:has(> p.title)").count() == 1, name
    visited = {urlsplit(url).path for url in visitor.requests}
    assert set(screens.values()) <= visited
    assert visitor.foreign_requests() == []


def test_anonymous_visitors_get_no_cookie(visitor, demo_site):
    """Every public page type in both languages, one after another in one browser context:
    after each, the context holds no cookie."""
    page = visitor.open(demo_site.url + "/de/")
    context = page.context
    for page_type in PAGE_TYPES:
        for language in LANGUAGES:
            response = page.goto(demo_site(page_type.name, language))
            assert response.status == page_type.status, (page_type.name, language)
            page.wait_for_load_state("networkidle")
            assert context.cookies() == [], (page_type.name, language, context.cookies())
    assert len(re.findall("/(de|en)/", " ".join(visitor.requests))) >= 2 * len(PAGE_TYPES)
    assert_no_foreign_requests_or_csp_violations(visitor)
