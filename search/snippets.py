"""Plain text of a result and a short extract of it with the query's words marked."""

import re

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from django.utils.text import Truncator
from modelsearch import index

from .backends import MIN_PREFIX_LENGTH, query_terms

SNIPPET_LENGTH = 240
LEAD_IN = 60  # characters of context kept before the first marked word


def search_result_text(page) -> str:
    if hasattr(page, "search_result_text"):
        return page.search_result_text()
    parts = []
    for field in page.get_search_fields():
        if isinstance(field, index.SearchField) and field.field_name != "title":
            parts.append(_flatten(field.get_value(page)))
    return " ".join(" ".join(parts).split())


def _flatten(value) -> str:
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return " ".join(_flatten(item) for item in value)
    return str(value)


def _word_pattern(terms: list[str]) -> re.Pattern | None:
    """Words that start like a query term: the search stems and matches prefixes, so
    "Bürgern" marks "Bürger" and "Verwaltung" marks "Verwaltungsdienstleistungen"."""
    alternatives = []
    for term in sorted(set(terms), key=len, reverse=True):
        if len(term) >= MIN_PREFIX_LENGTH:
            stem = term[: max(MIN_PREFIX_LENGTH, len(term) - 2)]
            alternatives.append(re.escape(stem) + r"\w*")
        else:
            alternatives.append(re.escape(term) + r"(?!\w)")
    if not alternatives:
        return None
    return re.compile(r"(?<!\w)(?:" + "|".join(alternatives) + ")", re.IGNORECASE)


def highlight(text: str, query: str) -> SafeString:
    """``text`` escaped, with the words matching ``query`` wrapped in ``<mark>``."""
    pattern = _word_pattern(query_terms(query))
    if pattern is None:
        return format_html("{}", text)
    pieces, position = [], 0
    for match in pattern.finditer(text):
        pieces.append((text[position : match.start()], match.group()))
        position = match.end()
    return format_html_join("", "{}<mark>{}</mark>", pieces) + format_html("{}", text[position:])


def snippet(text: str, query: str) -> SafeString:
    """An extract of about SNIPPET_LENGTH characters around the first matching word."""
    pattern = _word_pattern(query_terms(query))
    match = pattern.search(text) if pattern else None
    start = 0
    if match and match.start() > LEAD_IN:
        start = text.find(" ", match.start() - LEAD_IN) + 1
    extract = Truncator(text[start:]).chars(SNIPPET_LENGTH)
    if start:
        extract = "…" + extract
    return highlight(extract, query)
