"""Related content for a page, contributed by apps that know about it.

A strategy chapter shows the news and events tagged with it, but the strategy app must not
import news or events. Those apps register a provider here in their ``AppConfig.ready()``;
a page asks ``sections_for(page, request)`` and renders what comes back. An app that is not
installed, or has nothing related, simply contributes no section.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from wagtail.models import Page


@dataclass
class RelatedSection:
    key: str  # e.g. "news", "events": also the anchor id of the section
    heading: str
    items: list[Any] = field(default_factory=list)
    # renders the section's items (the page renders the heading and the "more" link around
    # them); gets ``section`` and ``request``
    template: str = ""
    more_url: str = ""
    more_label: str = ""


Provider = Callable[[Page, Any], RelatedSection | None]
_providers: list[Provider] = []


def register(provider: Provider) -> Provider:
    if provider not in _providers:
        _providers.append(provider)
    return provider


def sections_for(page: Page, request) -> list[RelatedSection]:
    sections = (provider(page, request) for provider in _providers)
    return [section for section in sections if section is not None]
