"""A GIN index on ``title || body`` of Wagtail's search index table (PostgreSQL only).

The PostgreSQL backend matches a query against ``title || body`` concatenated
(``WHERE (title || body) @@ to_tsquery(...)``), which neither of the two GIN indexes of
modelsearch (on ``title`` and on ``body`` alone) can serve: every search read the whole index
table, and with statistics a multi-word query could be planned as a nested loop over all pages
(seconds). An index on the same expression serves it. The vectors are stored already analysed
(each row with its locale's configuration: ``german``, ``english``, ``simple``), and the query's
configuration only parses the query, so one index serves every language.

``search/backends/postgres.py`` emits exactly this expression; ``tests/test_search_postgres.py``
checks that PostgreSQL uses the index. SQLite (FTS5) and other databases: nothing to do.
"""

from django.db import migrations

INDEX_NAME = "site_search_indexentry_text_gin"


def table(apps, schema_editor) -> str | None:
    if schema_editor.connection.vendor != "postgresql":
        return None
    model = apps.get_model("wagtailsearch", "IndexEntry")
    return schema_editor.quote_name(model._meta.db_table)


def create_index(apps, schema_editor):
    if name := table(apps, schema_editor):
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {INDEX_NAME} ON {name} USING gin ((title || body))"
        )
        schema_editor.execute(f"ANALYZE {name}")  # statistics of the new expression


def drop_index(apps, schema_editor):
    if table(apps, schema_editor):
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX_NAME}")


class Migration(migrations.Migration):
    dependencies = [
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [
        migrations.RunPython(create_index, drop_index, elidable=False),
    ]
