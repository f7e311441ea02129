"""Headless Chromium against a live server holding the demo content.

The demo content is loaded once for this package and served by one live server for all its
tests. pytest-django's ``live_server`` would flush the database after every test (taking
Wagtail's root page, locale and site with it) and reloading the demo each time is slow, so the
tests carry ``django_db(transaction=True)`` only to have the test database created and to run
after every non-transactional database test; the package fixture puts the database back as the
migrations left it when the last browser test is done.
"""

import io
import os
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import connections

from tests.browser.pages import page_type_urls
from tests.conftest import wagtail_base
from tests.isolation import CHROMIUM, in_ci, remove_test_media

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
RESULTS = Path(settings.BASE_DIR) / "test-results"


def require(condition: bool, reason: str) -> None:
    """Skip when a tool is missing; in CI (or with REQUIRE_BROWSER=1) fail instead."""
    if condition:
        return
    if in_ci() or os.environ.get("REQUIRE_BROWSER"):
        pytest.fail(f"CI or REQUIRE_BROWSER is set but {reason}", pytrace=False)
    pytest.skip(reason)


@dataclass
class DemoSite:
    url: str
    urls: dict[str, dict[str, str]]  # page type -> language -> path

    def __call__(self, name: str, language: str) -> str:
        return self.url + self.urls[name][language]


@pytest.fixture(scope="package")
def demo_site(django_db_setup, django_db_blocker):
    from pytest_django.live_server_helper import LiveServer

    with django_db_blocker.unblock():
        wagtail_base()
        call_command("load_demo", stdout=io.StringIO())
        urls = page_type_urls()
    server = LiveServer("127.0.0.1")
    try:
        yield DemoSite(url=server.url, urls=urls)
    finally:
        server.stop()
        with django_db_blocker.unblock():
            call_command("flush", interactive=False, verbosity=0)
            wagtail_base()
            # Under Playwright's greenlets this context may hold its own connection, which
            # would otherwise stay open and block dropping the test database.
            connections.close_all()
        remove_test_media()


@pytest.fixture(autouse=True)
def _django_db_marker():
    """Replaces pytest-django's handling of the ``django_db`` mark in this package: no
    transaction around each test and no flush after it (the server shares the demo content)."""


@pytest.fixture(autouse=True)
def _live_database(browser, demo_site, django_db_blocker):
    """The server thread answers the browser from the test database while a test runs."""
    with django_db_blocker.unblock():
        yield


@pytest.fixture(scope="session", autouse=True)
def _chromium_installed():
    """Checked before the test database is built, so a machine without Chromium skips fast."""
    require(CHROMIUM.exists(), f"{CHROMIUM} is missing (apt-get install -y chromium)")


@pytest.fixture(scope="package")
def browser():
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in the test's thread, where the ORM calls of
    # these fixtures are still plain synchronous code. Only for this package: the variable
    # would leak into subprocesses of later tests (``check --deploy`` warns about it).
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            chromium = playwright.chromium.launch(
                executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
            )
            yield chromium
            chromium.close()
    finally:
        if previous is None:
            del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


# Reports every Content-Security-Policy violation of a page to the visitor (when scripts run).
CSP_WATCH = """document.addEventListener('securitypolicyviolation', event => {
    window.__cspViolation(`${event.effectiveDirective} ${event.blockedURI} `
        + `${event.sourceFile}:${event.lineNumber}`);
}, true);"""


class Visitor:
    """Opens pages in fresh browser contexts and records every request they make.

    A request to any host but the live server's is recorded and aborted, so a test run never
    reaches the internet and the test that caused it fails.
    """

    def __init__(self, browser, site: DemoSite):
        self.browser = browser
        self.site = site
        self.host = urlsplit(site.url).netloc
        self.requests: list[str] = []
        self.contexts = []
        # Content-Security-Policy violations of every page opened, as "directive blocked-uri"
        self.csp_violations: list[str] = []

    def _route(self, route):
        self.requests.append(route.request.url)
        if urlsplit(route.request.url).netloc == self.host:
            route.continue_()
        else:
            route.abort()

    def open(self, url: str, width: int = 1280, javascript: bool = True, status: int = 200,
             user=None):
        """``url`` in a new browser context; signed in as ``user`` when one is given."""
        context = self.browser.new_context(
            viewport={"width": width, "height": 900},
            java_script_enabled=javascript,
            locale="de-DE",
        )
        context.route("**/*", self._route)
        context.expose_binding(
            "__cspViolation", lambda source, text: self.csp_violations.append(text)
        )
        context.add_init_script(CSP_WATCH)
        self.contexts.append(context)
        if user is not None:
            context.add_cookies(session_cookies(user, self.site.url))
        page = context.new_page()
        response = page.goto(url, wait_until="load")
        assert response is not None and response.status == status, (
            f"{url} answered {response.status if response else None}, expected {status}"
        )
        return page

    def foreign_requests(self) -> list[str]:
        return [
            url
            for url in self.requests
            if urlsplit(url).scheme in ("http", "https", "ws", "wss")
            and urlsplit(url).netloc != self.host
        ]

    def close(self):
        for context in self.contexts:
            context.close()


def session_cookies(user, url: str) -> list[dict]:
    """The session cookie that signs ``user`` in on the live server at ``url``, without going
    through the sign-in form (the session is made by Django's test client)."""
    from django.test import Client

    client = Client()
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    name = settings.SESSION_COOKIE_NAME
    return [{"name": name, "value": client.cookies[name].value, "url": url}]


@pytest.fixture
def visitor(browser, demo_site):
    visitor = Visitor(browser, demo_site)
    yield visitor
    visitor.close()


AXE_URL = "/__axe-core__.js"


def inject_axe(page) -> None:
    """Loads axe-core into ``page`` as if it came from the site itself: the site's
    Content-Security-Policy (``script-src 'self'``, no inline script) stays in force, where an
    inline ``add_script_tag(path=...)`` would be refused and ``bypass_csp`` would switch off
    the policy under test."""
    from tests.isolation import AXE

    site = urlsplit(page.url)
    page.route(f"**{AXE_URL}", lambda route: route.fulfill(
        path=str(AXE), content_type="application/javascript"))
    page.add_script_tag(url=f"{site.scheme}://{site.netloc}{AXE_URL}")


def focus_state(page) -> dict:
    """The focused element and whether it shows a focus indicator (outline or box shadow)."""
    return page.evaluate(
        r"""() => {
            const el = document.activeElement;
            const style = getComputedStyle(el);
            const transparent = c => c === 'transparent' || /rgba\(.*,\s*0\)$/.test(c);
            const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2
                && !transparent(style.outlineColor);
            const shadow = style.boxShadow !== 'none' && style.boxShadow !== '';
            const box = el.getBoundingClientRect();
            return {
                element: el.tagName.toLowerCase() + (el.id ? '#' + el.id : '')
                    + (el.className && typeof el.className === 'string'
                        ? '.' + el.className.trim().split(/\s+/).join('.') : ''),
                text: (el.innerText || el.value || '').trim().slice(0, 60),
                visible: outline || shadow,
                onScreen: box.width > 0 && box.height > 0 && box.bottom > 0
                    && box.right > 0 && box.left < window.innerWidth,
            };
        }"""
    )
