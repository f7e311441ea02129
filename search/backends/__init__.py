"""Language-aware search backends.

Every translatable object is analysed in the language of its own locale; a query is analysed in
the language of the locale the queryset is filtered by (``filter(locale=...)``), or in every
site language when it is not filtered (the admin's page search across both trees).
``search.backends.database`` is the default, ``search.backends.elasticsearch`` the one used when
``ELASTICSEARCH_URL`` is set.
"""

import re

from django.conf import settings
from django.db.models.lookups import Exact, In
from django.db.models.sql.where import WhereNode
from wagtail.models import Locale, TranslatableMixin

from smartcity.request_memo import memoized

# Query terms are runs of letters and digits in any script; everything else (the syntax
# characters of to_tsquery and of Elasticsearch's query language among them) separates terms.
WORD = re.compile(r"\w+")

# Terms at least this long also match words that start with them (German compounds); shorter
# ones would match far too much ("IT" would find every word starting with "it").
MIN_PREFIX_LENGTH = 4


def query_terms(query_string: str) -> list[str]:
    return WORD.findall(query_string)


def _locale_ids(node) -> set:
    """The locale ids an AND-connected where clause pins the rows to (empty: no such filter)."""
    if isinstance(node, Exact | In) and getattr(node.lhs, "target", None) is not None:
        if node.lhs.target.attname == "locale_id":
            values = node.rhs if isinstance(node, In) else [node.rhs]
            return {getattr(value, "pk", value) for value in values}
        return set()
    if isinstance(node, WhereNode) and node.connector == "AND" and not node.negated:
        ids = set()
        for child in node.children:
            ids |= _locale_ids(child)
        return ids
    return set()


def query_languages(queryset) -> list[str]:
    """The language codes a search over ``queryset`` should analyse the query in.

    Empty for models without a locale (images, documents): those are analysed without a
    language.
    """
    if not issubclass(queryset.model, TranslatableMixin):
        return []
    site_languages = [code for code, _name in settings.LANGUAGES]
    ids = _locale_ids(queryset.query.where)
    if not ids:
        return site_languages
    codes = memoized(  # once per request: the count and the page of results both ask
        ("search_locale_languages", frozenset(ids)), lambda: _language_codes(ids)
    )
    return [code for code in site_languages if code in codes] or site_languages


def _language_codes(ids: set) -> set[str]:
    active = Locale.get_active()  # read once per request anyway (smartcity.request_memo)
    if ids == {active.pk}:  # the site search: the current language
        return {active.language_code}
    return set(Locale.objects.filter(pk__in=ids).values_list("language_code", flat=True))
