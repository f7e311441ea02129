"""The page types the site search covers, and the key each one has in the ``?type=`` filter.

A page type joins by being listed here; its ``search_fields`` decide what is found, and two
optional methods refine the result list (see the README's search section):

- ``search_result_date()`` → a ``date``/``datetime`` shown with the result (news: published;
  events: start), or ``None``;
- ``search_result_text()`` → the plain text the highlighted snippet is cut from (default: the
  values of the page's ``SearchField`` entries other than the title);
- ``search_result_prefetch`` → relations these methods read, prefetched once per result page.

Types whose app is not installed (or whose model does not exist yet) are left out.
"""

from dataclasses import dataclass

from django.apps import apps
from wagtail.models import Page

SEARCHABLE_TYPES = (
    ("news", "news.NewsPage"),
    ("strategy", "strategy.StrategyChapterPage"),
    ("events", "events.EventPage"),
    ("pages", "home.ContentPage"),
)


@dataclass(frozen=True)
class ResultType:
    key: str
    model: type[Page]

    @property
    def label(self) -> str:
        return self.model._meta.verbose_name_plural


def result_types() -> list[ResultType]:
    types = []
    for key, label in SEARCHABLE_TYPES:
        try:
            model = apps.get_model(label)
        except LookupError:
            continue
        types.append(ResultType(key, model))
    return types


def type_label(page: Page) -> str:
    return type(page)._meta.verbose_name
