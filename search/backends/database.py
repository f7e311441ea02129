"""The default backend: language-aware full text on PostgreSQL, prefix matching on SQLite.

On PostgreSQL each language gets its own stemming (``postgres.py``); on SQLite (the
zero-configuration development setup) FTS5 has no stemming, and terms of four or more letters
match as prefixes (``sqlite.py``). Anything else gets modelsearch's own backend.
"""

from django.db import connection
from modelsearch.backends import database


def SearchBackend(params):  # noqa: N802 - modelsearch looks the backend up by this name
    if connection.vendor == "postgresql":
        from .postgres import LanguagePostgresSearchBackend

        return LanguagePostgresSearchBackend(params)
    backend = database.SearchBackend(params)
    if connection.vendor == "sqlite":
        from modelsearch.backends.database.sqlite.sqlite import SQLiteSearchBackend

        from .sqlite import PrefixSQLiteSearchBackend

        if isinstance(backend, SQLiteSearchBackend):  # FTS5 is available
            return PrefixSQLiteSearchBackend(params)
    return backend
