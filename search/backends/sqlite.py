"""SQLite (the zero-configuration default): modelsearch's FTS5 backend with prefix queries.

FTS5 has no stemming, but its ``unicode61`` tokenizer folds case and removes diacritics, and a
prefix query (``"verwaltungsleistung"*``) matches every word that starts with the term. Terms of
``MIN_PREFIX_LENGTH`` letters or more are searched that way, as on PostgreSQL, so
"Verwaltungsleistung" finds "Verwaltungsleistungen" and "Onlinezugang" "Onlinezugangsgesetz".
"""

from functools import reduce
from operator import and_, or_

from modelsearch.backends.database.sqlite.query import Lexeme, SearchQueryExpression
from modelsearch.backends.database.sqlite.sqlite import (
    SQLiteSearchBackend,
    SQLiteSearchQueryCompiler,
)
from modelsearch.query import PlainText

from . import MIN_PREFIX_LENGTH, query_terms


class PrefixSQLiteSearchQueryCompiler(SQLiteSearchQueryCompiler):
    def build_search_query_content(self, query, config=None):
        if not isinstance(query, PlainText):
            return super().build_search_query_content(query, config=config)
        terms = query_terms(query.query_string)
        if not terms:
            return None
        lexemes = [Lexeme(term, prefix=len(term) >= MIN_PREFIX_LENGTH) for term in terms]
        combine = and_ if query.operator.upper() == "AND" else or_
        return SearchQueryExpression(reduce(combine, lexemes), config=config)


class PrefixSQLiteSearchBackend(SQLiteSearchBackend):
    query_compiler_class = PrefixSQLiteSearchQueryCompiler
