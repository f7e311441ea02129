"""Every English demo page reads as English: no German word in what a reader sees.

The visible text of every live English page (header, navigation, content and footer; parts
marked with another ``lang``, such as the language switcher's "Deutsch", are left out) must not
contain a word that only German sentences or the German interface use. Names (Volkshaus,
Carl-Zeiß-Platz, and citizens' public names, marked ``translate="no"``) may stay German;
sentences and interface labels may not.
"""

import re
from html.parser import HTMLParser

import pytest
from wagtail.models import Page

pytestmark = pytest.mark.django_db

# Function words and interface words of German (none is an English word or a name in the demo).
GERMAN_ONLY = {
    "und", "der", "die", "das", "mit", "für", "ist", "nicht", "auch", "wir", "ein", "eine",
    "einer", "einem", "einen", "werden", "wird", "wurde", "wurden", "über", "zur", "zum", "dem",
    "des", "sich", "oder", "wie", "bei", "nach", "vom", "sind", "haben", "hat", "können", "kann",
    "alle", "unsere", "unser", "ihre", "ihr", "hier", "mehr", "weitere", "dass", "durch", "noch",
    "schon", "sowie", "gibt", "jetzt", "soll", "sollen", "dies", "diese", "dieser", "wenn",
    "aus", "auf", "im", "zu", "um", "bis", "ab", "sie", "es", "er", "uns", "keine", "kein",
    "aktuelles", "veranstaltungen", "suche", "suchen", "startseite", "seite", "inhalt",
    "hauptnavigation", "datenschutz", "impressum", "barrierefreiheit", "kalender", "archiv",
    "ziel", "maßnahme", "maßnahmen", "ziele", "handlungsfeld", "kapitel", "bürgerinnen",
    "bürger", "stadt", "verwaltung", "anmeldung", "uhr", "termin", "weiterlesen", "zurück",
}


class VisibleText(HTMLParser):
    """The text a reader sees, without scripts, styles and parts in another language."""

    SKIP = {"script", "style", "template", "noscript"}
    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
            "source", "track", "wbr"}

    def __init__(self, language: str):
        super().__init__()
        self.language = language
        self.stack: list[bool] = []  # per open element: is its text hidden from this check?
        self.parts: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in self.VOID:
            return
        attributes = dict(attrs)
        other_language = attributes.get("lang", self.language).split("-")[0] != self.language
        # translate="no" marks names (citizens' public names), which are in no language
        hidden = (self.stack[-1] if self.stack else False) or tag in self.SKIP or (
            tag != "html" and other_language
        ) or attributes.get("translate") == "no"
        self.stack.append(hidden)

    def handle_endtag(self, tag):
        if tag not in self.VOID and self.stack:
            self.stack.pop()

    def handle_data(self, data):
        if not (self.stack and self.stack[-1]):
            self.parts.append(data)

    @classmethod
    def of(cls, html: str, language: str) -> str:
        parser = cls(language)
        parser.feed(html)
        return " ".join(" ".join(parser.parts).split())


def words(text: str) -> list[str]:
    """The words of a text, leaving out addresses (e-mail and web), which are names."""
    text = re.sub(r"\S+@\S+|https?://\S+", " ", text)
    return re.findall(r"[^\W\d_]+", text.lower())


@pytest.fixture
def demo(db, demo_loaded):
    """The demo, loaded once for this module."""


def english_pages():
    return Page.objects.live().public().filter(locale__language_code="en", depth__gt=1)


def test_the_demo_has_english_pages_of_every_kind(demo):
    kinds = {page.specific_class.__name__ for page in english_pages()}
    assert {"HomePage", "ContentPage", "StrategyIndexPage", "StrategyChapterPage",
            "NewsIndexPage", "NewsPage", "EventIndexPage", "EventPage"} <= kinds


def test_no_english_demo_page_contains_german_words(client, demo):
    found = {}
    for page in english_pages():
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        german = sorted(set(words(VisibleText.of(response.content.decode(), "en"))) & GERMAN_ONLY)
        if german:
            found[page.url] = german
    assert not found, f"German words on English pages: {found}"


def test_the_checks_catch_german_text():
    """The parser sees German in English markup, and ignores what is marked as German."""
    html = ('<html lang="en"><body><p>Citizens meet und discuss.</p>'
            '<a lang="de" href="/de/">Deutsch für alle</a></body></html>')
    text = VisibleText.of(html, "en")
    assert set(words(text)) & GERMAN_ONLY == {"und"}
    assert "Deutsch" not in text
