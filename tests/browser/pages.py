"""What the browser tests visit: every page type in both languages, and the keyboard journeys.

A new page type joins every browser test (axe audit at 390 and 1280 px, screenshots, HTML
validation, no request to another host, 320 px reflow, no JavaScript, skip link) with one
``PageType`` line in ``PAGE_TYPES``. Its URL comes from the demo content: either the first live
page of a model in each language (``model=``, plus an optional ``suffix`` for a route such as a
month), fixed paths (``paths=``) for views that are not pages, or ``resolve=``, a function of the
language that returns the path from the database (called once the demo is loaded), e.g.::

    PageType("news-page", model="news.NewsPage"),
    PageType("event-month", model="events.EventIndexPage", suffix="2026/05/"),
    PageType("search-results", paths={"de": "/de/suche/?q=Jena", "en": "/en/search/?q=Jena"}),
    PageType("discussion-measure", resolve=discussion_path_of_a_measure),

A page type whose language switch must keep the reader on the same page joins
``LANGUAGE_SWITCH`` by name; any other keyboard journey is one ``Journey`` in ``JOURNEYS``::

    Journey("month navigation", "event-month", "de",
            (("tab_to", 'a[rel~="next"]'), ("press", "Enter")), expect_url=r"/2026/06/$"),
    Journey("search", "home", "de",
            (("tab_to", 'input[type="search"]'), ("type", "Jena"), ("press", "Enter")),
            expect_selector=".search-results"),
"""

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from django.apps import apps


@dataclass(frozen=True)
class PageType:
    name: str
    model: str = ""  # "app_label.ModelName": the first live page of this type per language
    # appended to the page's URL, e.g. a sub-route "2026/05/" or "?q=Jena"; a dict gives one
    # per language where the route's words are translated
    suffix: str | dict[str, str] = ""
    paths: dict[str, str] = field(default_factory=dict)  # language -> path, when not a page
    status: int = 200
    # language -> path, looked up in the database once the demo content is loaded
    resolve: Callable[[str], str] | None = None

    def suffix_for(self, language: str) -> str:
        return self.suffix.get(language, "") if isinstance(self.suffix, dict) else self.suffix


def demo_chapter(language: str):
    """The chapter that carries the demo discussion ("Digitale Verwaltung"), in ``language``."""
    from participation.demo import chapter

    german = chapter()
    assert german is not None, "the demo content has no chapter with a discussion"
    return german.get_translations(inclusive=True).get(locale__language_code=language).specific


def discussion_path(language: str, about: str = "") -> str:
    """The discussion page of the demo chapter in ``language``, or of one of its parts."""
    from django.urls import reverse
    from django.utils import translation

    with translation.override(language):
        path = reverse("participation:discussion", args=[demo_chapter(language).pk])
    return path + (f"?about={about}" if about else "")


def discussed_measure(language: str = "de"):
    """The first measure of the demo chapter that has comments, labelled in ``language``."""
    from django.utils import translation

    from participation.threads import counts_for

    page = demo_chapter(language)
    counts = counts_for(page)
    with translation.override(language):
        measures = [t for t in page.participation_targets() if t.kind == "measure"]
    measure = next((t for t in measures if counts.for_target(t.key)), None)
    assert measure is not None, "no measure of the demo chapter has comments"
    return measure


def discussion_path_of_a_measure(language: str) -> str:
    return discussion_path(language, discussed_measure(language).key)


PAGE_TYPES = [
    PageType("home", model="home.HomePage"),
    PageType("content", model="home.ContentPage"),
    PageType("404", paths={"de": "/de/gibt-es-nicht/", "en": "/en/does-not-exist/"}, status=404),
    PageType("strategy-index", model="strategy.StrategyIndexPage"),
    PageType("strategy-chapter", model="strategy.StrategyChapterPage"),
    PageType("news-index", model="news.NewsIndexPage"),
    PageType("news-page", model="news.NewsPage"),
    PageType("event-index", model="events.EventIndexPage"),
    PageType("event-month", model="events.EventIndexPage",
             suffix={"de": "kalender/", "en": "calendar/"}),
    PageType("event-page", model="events.EventPage"),
    PageType("search-results", paths={"de": "/de/suche/?q=Verwaltung",
                                      "en": "/en/search/?q=administration"}),
    PageType("search-empty", paths={"de": "/de/suche/?q=Xylophon",
                                    "en": "/en/search/?q=xylophone"}),
    PageType("discussion-chapter", resolve=discussion_path),
    PageType("discussion-measure", resolve=discussion_path_of_a_measure),
]

LANGUAGES = ("de", "en")
WIDTHS = (390, 1280)

# Page types whose language switch must lead to the same page in the other language.
LANGUAGE_SWITCH = ["content", "strategy-chapter", "news-page", "event-page"]


@dataclass(frozen=True)
class Journey:
    """Keyboard only: starting on a page type, Tab to each ``("tab_to", selector)`` (every stop on
    the way must show a visible focus), ``("type", text)`` into the focused field, ``("press",
    key)`` or ``("follow", key)`` when the key loads another page before the next step; then the
    URL must match ``expect_url`` and ``expect_selector`` must be on the page."""

    name: str
    start: str
    language: str
    steps: tuple[tuple[str, str], ...]
    expect_url: str = ""
    expect_selector: str = ""


def _switch(name: str, source: str, target: str) -> Journey:
    return Journey(
        f"language switch {name} {source}->{target}",
        start=name,
        language=source,
        steps=(("tab_to", f'.language-switcher a[hreflang="{target}"]'), ("press", "Enter")),
        expect_url=f"<{name}:{target}>",
        expect_selector=f'html[lang="{target}"]',
    )


JOURNEYS = [
    *(_switch(name, "de", "en") for name in LANGUAGE_SWITCH),
    *(_switch(name, "en", "de") for name in LANGUAGE_SWITCH),
    Journey("month navigation", "event-month", "de",
            (("tab_to", 'a[rel~="next"]'), ("press", "Enter")),
            expect_url=r"/kalender/\d{4}/\d{1,2}/$", expect_selector="table.calendar"),
    Journey("search from the header", "home", "en",
            (("tab_to", ".site-header__search"), ("follow", "Enter"),
             ("tab_to", 'input[type="search"]'), ("type", "administration"), ("follow", "Enter")),
            expect_selector=".search-results"),
]


def expected_url(pattern: str, urls: dict[str, dict[str, str]]) -> re.Pattern:
    """``<name:lang>`` stands for the exact URL of that page type; anything else is a regex."""
    match = re.fullmatch(r"<([\w-]+):(\w+)>", pattern)
    if match:
        return re.compile(re.escape(urls[match[1]][match[2]]) + "$")
    return re.compile(pattern)


def page_type_urls() -> dict[str, dict[str, str]]:
    """Page type -> language -> path, from the demo content in the database."""
    from wagtail.models import Locale

    urls = {}
    for page_type in PAGE_TYPES:
        if page_type.resolve:
            urls[page_type.name] = {language: page_type.resolve(language) for language in LANGUAGES}
            continue
        if page_type.paths:
            urls[page_type.name] = dict(page_type.paths)
            continue
        model = apps.get_model(page_type.model)
        urls[page_type.name] = {}
        for locale in Locale.objects.filter(language_code__in=("de", "en")):
            page = model.objects.live().public().filter(locale=locale).order_by("path").first()
            assert page is not None, f"the demo content has no live {page_type.model} in {locale}"
            urls[page_type.name][locale.language_code] = page.url + page_type.suffix_for(
                locale.language_code
            )
    return urls
