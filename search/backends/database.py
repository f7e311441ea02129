"""The default backend: language-aware full text on PostgreSQL, modelsearch's own elsewhere.

On SQLite (the zero-configuration development setup) modelsearch uses FTS5, which has no
stemming and no per-language analysis; the search page works there, only less well.
"""

from django.db import connection
from modelsearch.backends import database


def SearchBackend(params):  # noqa: N802 - modelsearch looks the backend up by this name
    if connection.vendor == "postgresql":
        from .postgres import LanguagePostgresSearchBackend

        return LanguagePostgresSearchBackend(params)
    return database.SearchBackend(params)
