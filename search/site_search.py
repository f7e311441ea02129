"""One search over the site's pages in the current language, with promotions."""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from django.core.paginator import PageNotAnInteger, Paginator
from django.db.models import Exists, F, OuterRef, Q, prefetch_related_objects
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.safestring import SafeString
from wagtail.contrib.search_promotions.models import Query, QueryDailyHits, SearchPromotion
from wagtail.models import Locale, Page
from wagtail.search.utils import normalise_query_string

from .backends import query_terms
from .snippets import search_result_text, snippet
from .types import ResultType, result_types, type_label

PAGE_SIZE = 10


@dataclass(frozen=True)
class Hit:
    page: Page
    type_label: str
    date: date | None
    snippet: SafeString


class SiteSearch:
    def __init__(self, query: str, locale: Locale, result_type: ResultType | None = None):
        self.query = query
        self.locale = locale
        self.result_type = result_type

    def candidates(self):
        types = [self.result_type] if self.result_type else result_types()
        return (
            Page.objects.live().public().filter(locale=self.locale).type(*(t.model for t in types))
        )

    @cached_property
    def promotions(self) -> list[SearchPromotion]:
        """Editors' picks for this query: pages in the current language, external links in any."""
        # EXISTS per promotion (a primary-key lookup each), not ``page__in=<live pages>``:
        # that made PostgreSQL hash every live page of the language for a handful of rows.
        shown = Page.objects.live().public().filter(locale=self.locale, pk=OuterRef("page_id"))
        return list(
            SearchPromotion.objects.filter(query__query_string=normalise_query_string(self.query))
            .filter(Q(page__isnull=True) | Exists(shown))
            .select_related("page")
            .order_by("sort_order")
        )

    def results(self):
        # Only words reach the backend: query syntax (FTS5's, to_tsquery's, Elasticsearch's)
        # is never interpreted, whatever the backend.
        terms = query_terms(self.query)
        if not terms:
            return Page.objects.none()
        promoted = [p.page_id for p in self.promotions if p.page_id]
        return (
            self.candidates()
            .exclude(id__in=promoted)
            .specific()
            .search(" ".join(terms), operator="and")
        )

    def page(self, number) -> "ResultPage":
        return ResultPage(self, ResultPaginator(self.results(), PAGE_SIZE).get_page(number))

    def record(self):
        """Count the query for the editors' "popular search terms" report: one UPDATE when the
        query was already searched today (``Query.get(...).add_hit()`` reads the query, reads
        the day's row, then writes it); the first search of a day creates the rows that way."""
        today = timezone.now().date()  # the date add_hit() uses
        counted = QueryDailyHits.objects.filter(
            query__query_string=normalise_query_string(self.query), date=today
        ).update(hits=F("hits") + 1)
        if not counted:
            Query.get(self.query).add_hit(date=today)


class ResultPaginator(Paginator):
    """Django's paginator, reading a page of results and their number with one query where the
    backend offers it (``slice_with_count``: PostgreSQL); otherwise it counts, then reads the
    page. Out-of-range and malformed page numbers are answered as by Django's ``get_page``."""

    def get_page(self, number):
        slice_with_count = getattr(self.object_list, "slice_with_count", None)
        try:
            number = self.validate_number_format(number)
        except PageNotAnInteger:
            number = 1
        if slice_with_count is None or number < 1 or self.orphans:
            return super().get_page(number)
        bottom = (number - 1) * self.per_page
        if (answer := slice_with_count(bottom, bottom + self.per_page)) is None:
            return super().get_page(number)
        items, count = answer
        self.count = count if count is not None else self.object_list.count()
        if not items and number > 1:  # past the last page: Django's answer is the last page
            return super().get_page(number)
        return self._get_page(items, number, self)

    @staticmethod
    def validate_number_format(number) -> int:
        """Django's conversion of a page number, without the range check (that needs the count)."""
        try:
            if isinstance(number, float) and not number.is_integer():
                raise ValueError
            return int(number)
        except (TypeError, ValueError):
            raise PageNotAnInteger from None


def prefetch_for_results(pages) -> None:
    """One query per page type for what its ``search_result_*`` methods read
    (a model lists the relations in ``search_result_prefetch``)."""
    by_type = defaultdict(list)
    for page in pages:
        by_type[type(page)].append(page)
    for model, group in by_type.items():
        if relations := getattr(model, "search_result_prefetch", None):
            prefetch_related_objects(group, *relations)


class ResultPage:
    def __init__(self, search: SiteSearch, page_obj):
        self.page_obj = page_obj
        pages = list(page_obj.object_list)
        prefetch_for_results(pages)
        self.hits = [
            Hit(
                page=page,
                type_label=type_label(page),
                date=page.search_result_date() if hasattr(page, "search_result_date") else None,
                snippet=snippet(search_result_text(page), search.query),
            )
            for page in pages
        ]
