"""No query parameter reaches the database unchecked: random and hostile values sent to every
parameter of every page type (and the search) answer 2xx, 3xx or 4xx, never 5xx.

The parameters of a route are ``page``, the fields of its page type's ``query_form`` (the form
its views read the query string with), and whatever the page itself offers its readers: the
query keys of its links back to itself and the fields of its GET forms. Every page type of the
project must have its routes in ``ROUTES``: a new one fails ``test_every_page_type_is_covered``
until it is added.
"""

from html.parser import HTMLParser
from io import StringIO
from urllib.parse import parse_qs, quote, urljoin, urlsplit

import pytest
from django.core.management import call_command
from django.db import connection
from django.utils import translation
from django.utils.translation import gettext
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from wagtail.models import Page, get_page_models

from events.models import EventIndexPage, EventPage
from events.routing import route_word
from home.models import ContentPage, HomePage
from news.models import NewsIndexPage, NewsPage
from search.forms import SearchForm
from strategy.models import StrategyChapterPage, StrategyIndexPage
from tests.factories.home import translate
from tests.factories.news import NewsIndexPageFactory

pytestmark = pytest.mark.django_db

HOSTILE = [
    "\x00", "topic\x00", "\ud800", "\udfff", "\u202e\u202dabc", "\ufeff", "-1", "0",
    "9" * 5000, str(10**400), "1e309", "NaN", "x" * 10_000, "<script>alert(1)</script>",
    "' OR '1'='1", "../../etc/passwd", "%00", "*", ")(", "\\", "&amp;", " ",
]
VALUES = st.one_of(
    st.sampled_from(HOSTILE),
    st.text(max_size=40),
    st.text(alphabet=st.characters(categories=["Cs", "Cc", "Cf"]), max_size=10),
    st.integers().map(str),
)


class OfferedParameters(HTMLParser):
    """The query parameters a page at ``path`` offers for itself, in links and GET forms."""

    def __init__(self, path):
        super().__init__()
        self.path, self.names, self.form_target = path, set(), None

    def _is_here(self, url):
        return urlsplit(urljoin(self.path, url)).path == self.path

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "a" and attrs.get("href") and self._is_here(attrs["href"]):
            self.names |= set(parse_qs(urlsplit(attrs["href"]).query, keep_blank_values=True))
        elif tag == "form":
            is_get = attrs.get("method", "get").lower() == "get"
            self.form_target = is_get and self._is_here(attrs.get("action") or "")
        elif tag in ("input", "select", "textarea") and self.form_target and attrs.get("name"):
            self.names.add(attrs["name"])

    def handle_endtag(self, tag):
        if tag == "form":
            self.form_target = None


def parameters(client, path, form=None) -> list[str]:
    offered = OfferedParameters(path)
    offered.feed(client.get(path).content.decode())
    return sorted({"page", *(form.base_fields if form else ()), *offered.names})


def event_routes(index) -> list[str]:
    archive, calendar = route_word(index, "archive"), route_word(index, "calendar")
    return ["", f"{archive}/", f"{calendar}/2026/05/", "ical/"]


# Page type → its routes (suffixes of the page's URL, or a function of the page giving them).
ROUTES = {
    HomePage: [""],
    ContentPage: [""],
    StrategyIndexPage: [""],
    StrategyChapterPage: [""],
    NewsIndexPage: ["", "feed/rss/", "feed/atom/beteiligung/"],
    NewsPage: [""],
    EventIndexPage: event_routes,
    EventPage: ["", "ical/"],
}
SEARCH = {"de": "/de/suche/", "en": "/en/search/"}
LANGUAGES = tuple(SEARCH)


def targets(client) -> dict[str, list[tuple[str, str, list[str]]]]:
    """Language → (page type, path, parameters) for every route of every page type."""
    found = {}
    for language in LANGUAGES:
        found[language] = []
        for model, routes in ROUTES.items():
            page = (
                model.objects.live().filter(locale__language_code=language).order_by("path")
                .first()
            )
            assert page is not None, f"no live {model.__name__} in {language}"
            for suffix in routes(page) if callable(routes) else routes:
                path = page.url + suffix
                found[language].append(
                    (model._meta.label, path,
                     parameters(client, path, getattr(model, "query_form", None)))
                )
        search = SEARCH[language]
        found[language].append(("search", search, parameters(client, search, SearchForm)))
    return found


def test_every_page_type_is_covered():
    """Every page type of the site; the tests' own host page type is not part of it."""
    site_models = {model for model in get_page_models()
                   if model is not Page and not model.__module__.startswith("tests.")}
    assert site_models == set(ROUTES)


@pytest.fixture
def demo(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        call_command("load_demo", stdout=StringIO())
    found = targets(client)
    news_index = next(t for t in found["de"] if t[0] == "news.NewsIndexPage")
    events_index = next(t for t in found["de"] if t[0] == "events.EventIndexPage")
    assert "topic" in news_index[2] and {"format", "chapter"} <= set(events_index[2])
    return found


def refuse_nul_bytes(execute, sql, params, many, context):
    """PostgreSQL refuses a NUL byte with an error, SQLite would store it: neither gets one."""
    rows = params if many else [params]
    for row in rows or []:
        values = row.values() if isinstance(row, dict) else row
        assert not any(isinstance(v, str) and "\x00" in v for v in values or []), sql
    return execute(sql, params, many, context)


def encoded(value: str) -> str:
    """Percent-encoded UTF-8; a lone surrogate goes out as the (invalid) bytes it would be."""
    return quote(value.encode("utf-8", "surrogatepass"), safe="")


# One dataset for all examples: the requests only read it (the search's popular-terms counter
# writes a row, which the test's transaction rolls back at the end), so the function-scoped
# fixtures are safe to share between examples. Each example goes to every parameter of one
# language's pages; the language is drawn too, so both are covered at half the cost.
@settings(
    max_examples=30,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(value=VALUES, language=st.sampled_from(LANGUAGES))
@example(value="\x00", language="de")
@example(value="\x00", language="en")
@example(value="\ud800", language="de")
@example(value="\ud800", language="en")
@example(value=str(10**400), language="de")
@example(value="x" * 10_000, language="en")
def test_hostile_values_never_cause_a_server_error(client, demo, value, language):
    for page_type, path, names in demo[language]:
        for name in names:
            with connection.execute_wrapper(refuse_nul_bytes):
                response = client.get(f"{path}?{name}={encoded(value)}")
            assert response.status_code < 500, (page_type, path, name, value)


@pytest.mark.parametrize("language, path", [("de", "/de/aktuelles/"), ("en", "/en/news/")])
@pytest.mark.parametrize("topic", ["%00", "a%00b", "%ED%A0%80", "x" * 300])
def test_a_malformed_topic_is_a_clear_404(client, site_tree, language, path, topic):
    index = NewsIndexPageFactory(parent=site_tree.home_de)
    translate(index, "en", title="News", slug="news")
    response = client.get(f"{path}?topic={topic}")
    assert response.status_code == 404
    with translation.override(language):
        assert gettext("There is no topic with this name.") in response.content.decode()
