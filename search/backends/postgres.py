"""PostgreSQL full-text search with one text search configuration per language.

modelsearch's backend writes every row with one ``SEARCH_CONFIG``. Here each object is indexed
with the configuration of its locale (``german`` for German pages, ``english`` for English
ones) and each term of a query becomes a stemmed prefix query (``'verwalt':*``), so
"Verwaltung" finds "Verwaltungsdienstleistungen" and "Bürgern" finds "Bürger".

The SQL differs from modelsearch's in two ways that change only its cost, not its results (see
``LanguagePostgresQueryCompiler.search``): the matched ``title || body`` vector is not selected,
and the index entry is also joined to its object by primary key. The GIN index on
``title || body`` that the match uses is migration ``search.0001``.
"""

from copy import copy
from functools import cache, reduce
from operator import and_, or_

from django.contrib.postgres.search import SearchQuery
from django.db import connections
from django.db.models import BigIntegerField, F, IntegerField
from django.db.models.functions import Cast
from modelsearch.backends.database.postgres.postgres import (
    PostgresIndex,
    PostgresSearchBackend,
    PostgresSearchQueryCompiler,
    PostgresSearchResults,
)
from modelsearch.backends.database.postgres.query import Lexeme
from modelsearch.index import get_indexed_models
from modelsearch.query import Fuzzy, MatchAll, Not, PlainText
from wagtail.models import Locale
from wagtail.query import SpecificIterable

from . import MIN_PREFIX_LENGTH, query_languages, query_terms

DEFAULT_LANGUAGE_CONFIGS = {"de": "german", "en": "english"}


class LanguagePostgresIndex(PostgresIndex):
    def add_items(self, model, objs):
        configs = self.backend.configs_by_locale_id()
        groups = {}
        for obj in objs:
            config = configs.get(getattr(obj, "locale_id", None), self.backend.config)
            groups.setdefault(config, []).append(obj)
        for config, group in groups.items():
            index = copy(self)
            index.backend = self.backend.with_config(config)
            PostgresIndex.add_items(index, model, group)


def _concrete_pk(model):
    field = model._meta.pk
    while field.is_relation:  # a page type's pk is its link to wagtailcore.Page
        field = field.target_field
    return field


@cache
def integer_object_ids() -> bool:
    """Whether every indexed model has an integer primary key, so that every ``object_id`` of
    the index table casts to an integer (a cast that failed would fail the whole search)."""
    return all(isinstance(_concrete_pk(model), IntegerField) for model in get_indexed_models())


class LanguagePostgresQueryCompiler(PostgresSearchQueryCompiler):
    def get_config(self, backend):
        languages = query_languages(self.queryset)
        if not languages:
            return (backend.config,)
        return tuple(dict.fromkeys(backend.config_for_language(code) for code in languages))

    def build_tsquery(self, query, config=None):
        configs = config if isinstance(config, tuple) else (config,)
        return reduce(or_, (self.build_tsquery_content(query, config=c) for c in configs))

    def build_tsquery_content(self, query, config=None, invert=False):
        if not isinstance(query, PlainText):
            return super().build_tsquery_content(query, config=config, invert=invert)
        terms = query_terms(query.query_string)
        if not terms:
            return SearchQuery("", config=config)  # an empty tsquery: matches nothing
        lexemes = [
            Lexeme(term, invert=invert, prefix=len(term) >= MIN_PREFIX_LENGTH) for term in terms
        ]
        combine = and_ if (query.operator == "and") != invert else or_
        return SearchQuery(reduce(combine, lexemes), search_type="raw", config=config)

    def search(self, config, start, stop, score_field=None, backend=None):
        """modelsearch's full-text search with the same filter, ranking and order, cheaper:

        - the ``title || body`` vector is matched through ``alias()``, not ``annotate()``:
          modelsearch also selected it, concatenating two vectors for every matching row
          before the sort (a third of the query's time with thousands of matches);
        - the index entry is joined to its object on ``object_id = pk::varchar`` (Django's
          generic relation) *and* on ``pk = object_id::bigint``: the same rows, but now either
          side of the join can be looked up by an index (the page's primary key, the entry's
          content type and object id). With only the first condition, PostgreSQL's low
          estimate for prefix queries (``'verwalt':*``) made it plan a multi-word search as a
          nested loop that read all pages once per matching entry: seconds at 10,000 pages.
        """
        if isinstance(self.query, MatchAll | Fuzzy) or (
            isinstance(self.query, Not) and isinstance(self.query.subquery, MatchAll)
        ):
            return super().search(config, start, stop, score_field=score_field, backend=backend)

        search_query = self.build_tsquery(self.query, config=config)
        vectors = self.get_search_vectors(search_query)
        rank_expression = self._build_rank_expression(vectors, config)
        combined_vector = vectors[0][0]
        for vector, _boost in vectors[1:]:
            combined_vector = combined_vector._combine(vector, "||", False)

        queryset = self.queryset.alias(_vector_=combined_vector).filter(_vector_=search_query)
        if self.fields is None and integer_object_ids():  # matched through the index table
            queryset = queryset.alias(
                _entry_pk_=Cast(F("index_entries__object_id"), BigIntegerField())
            ).filter(pk=F("_entry_pk_"))
        return self._apply_ordering_and_scoring(queryset, rank_expression, start, stop, score_field)


RANK = "_site_search_rank_"
# OFFSET is a bigint; a page number beyond this is answered the usual way (count first).
MAX_OFFSET = 2**31


class _RowsSpecificIterable(SpecificIterable):
    """Wagtail's specific-page iteration (one query per page type, in the given order) over
    ``(pk, content_type)`` rows already read, instead of reading them from the database."""

    def __init__(self, queryset, rows):
        super().__init__(queryset)
        self.rows = tuple({"pk": pk, "content_type": content_type} for pk, content_type in rows)

    def _get_chunks(self, queryset):
        yield self.rows


class LanguagePostgresSearchResults(PostgresSearchResults):
    def slice_with_count(self, start: int, stop: int) -> tuple[list, int | None] | None:
        """Results ``start`` to ``stop`` (as ``list(results[start:stop])``) and the number of
        all results (as ``results.count()``), both from one query: the ranked matches as a
        common table expression, counted and cut in the same statement. A paginator otherwise
        runs the search twice, once to count and once for the page.

        The count is ``None`` when the slice is empty and starts after the first result (the
        caller counts then). ``None`` instead of the pair for what this does not cover (only
        ranked searches over specific pages, as the site search's, are covered): the caller
        counts and slices as usual.
        """
        compiler = self.query_compiler
        queryset = compiler.queryset
        if (
            not compiler.order_by_relevance
            or self.start
            or self.stop is not None
            or self._score_field
            or queryset._iterable_class is not SpecificIterable
            or queryset.query.annotation_select
            or not 0 <= start < stop <= MAX_OFFSET
        ):
            return None

        config = compiler.get_config(self.backend)
        ranked = compiler.search(config, None, None, score_field=RANK, backend=self.backend)
        ranked = ranked.order_by().values_list("pk", "content_type", RANK)
        sql, params = ranked.query.get_compiler(using=ranked.db).as_sql()
        with connections[ranked.db].cursor() as cursor:
            # The inner statement is Django's own compiled SQL, its values passed as parameters.
            cursor.execute(
                f"WITH hits (pk, content_type, rank) AS MATERIALIZED ({sql}) "  # noqa: S608
                "SELECT pk, content_type, (SELECT count(*) FROM hits) FROM hits "
                "ORDER BY rank DESC, pk DESC LIMIT %s OFFSET %s",
                (*params, stop - start, start),
            )
            rows = cursor.fetchall()
        if not rows:
            return [], (0 if start == 0 else None)
        items = list(_RowsSpecificIterable(queryset, [(pk, ct) for pk, ct, _count in rows]))
        return items, rows[0][2]


class LanguagePostgresSearchBackend(PostgresSearchBackend):
    """Options: ``LANGUAGE_CONFIGS`` (language code → text search configuration) and
    ``SEARCH_CONFIG`` for objects without a locale (default ``simple``: no stemming)."""

    index_class = LanguagePostgresIndex
    query_compiler_class = LanguagePostgresQueryCompiler
    results_class = LanguagePostgresSearchResults

    def __init__(self, params):
        super().__init__(params)
        self.config = params.get("SEARCH_CONFIG", "simple")
        self.language_configs = params.get("LANGUAGE_CONFIGS", DEFAULT_LANGUAGE_CONFIGS)

    def config_for_language(self, language_code: str) -> str:
        return self.language_configs.get(language_code, self.config)

    def configs_by_locale_id(self) -> dict:
        return {
            pk: self.config_for_language(code)
            for pk, code in Locale.objects.values_list("pk", "language_code")
        }

    def with_config(self, config: str):
        backend = copy(self)
        backend.config = config
        return backend


SearchBackend = LanguagePostgresSearchBackend
