"""PostgreSQL full-text search with one text search configuration per language.

modelsearch's backend writes every row with one ``SEARCH_CONFIG``. Here each object is indexed
with the configuration of its locale (``german`` for German pages, ``english`` for English
ones) and each term of a query becomes a stemmed prefix query (``'verwalt':*``), so
"Verwaltung" finds "Verwaltungsdienstleistungen" and "Bürgern" finds "Bürger".
"""

from copy import copy
from functools import reduce
from operator import and_, or_

from django.contrib.postgres.search import SearchQuery
from modelsearch.backends.database.postgres.postgres import (
    PostgresIndex,
    PostgresSearchBackend,
    PostgresSearchQueryCompiler,
)
from modelsearch.backends.database.postgres.query import Lexeme
from modelsearch.query import PlainText
from wagtail.models import Locale

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


class LanguagePostgresSearchBackend(PostgresSearchBackend):
    """Options: ``LANGUAGE_CONFIGS`` (language code → text search configuration) and
    ``SEARCH_CONFIG`` for objects without a locale (default ``simple``: no stemming)."""

    index_class = LanguagePostgresIndex
    query_compiler_class = LanguagePostgresQueryCompiler

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
