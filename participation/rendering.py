"""Citizens write plain text: it is escaped, line breaks are kept and only http(s) addresses
become links, marked as user content that search engines must not credit."""

import re

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe

URL = re.compile(r"https?://[^\s<>\"']+", re.IGNORECASE)
TRAILING_PUNCTUATION = ".,;:!?)]}'\""
is_web_address = URLValidator(schemes=["http", "https"])


def _link(address: str) -> str:
    trailing = ""
    while address and address[-1] in TRAILING_PUNCTUATION:
        trailing = address[-1] + trailing
        address = address[:-1]
    try:
        is_web_address(address)
    except ValidationError:
        return escape(address + trailing)
    return format_html('<a href="{0}" rel="nofollow ugc noopener">{0}</a>{1}', address, trailing)


def _inline(text: str) -> str:
    parts, position = [], 0
    for match in URL.finditer(text):
        parts.append(escape(text[position:match.start()]))
        parts.append(_link(match.group()))
        position = match.end()
    parts.append(escape(text[position:]))
    return "<br>".join("".join(parts).split("\n"))


def render_text(text: str) -> SafeString:
    """Paragraphs at blank lines, ``<br>`` at single line breaks; everything else is text."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").strip()
    paragraphs = [p.strip("\n") for p in re.split(r"\n\s*\n", text) if p.strip()]
    # Every piece was escaped above or built by format_html: this is the one allowed place.
    return mark_safe("".join(f"<p>{_inline(p)}</p>" for p in paragraphs))  # noqa: S308
