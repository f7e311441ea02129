"""Elasticsearch 9 with German and English analysis in one index per base model.

modelsearch keeps one index per base model (all pages in one), so languages are separated by
fields, not indexes: every ``_all_text*`` catch-all field gets a sub-field per language
(``_all_text.de``, ``_all_text.en``) with that language's stemming analyser, and a prefix
sub-field (``_all_text.de_prefix``) holding the front edges (4 to 30 characters) of every word,
searched with the stemming analyser, so "Verwaltung" finds "Verwaltungsdienstleistungen". A
query is compiled against the sub-fields of the language its queryset is filtered to.
"""

from copy import deepcopy

from django.conf import settings
from modelsearch.backends.elasticsearch9 import (
    Elasticsearch9Mapping,
    Elasticsearch9SearchBackend,
    Elasticsearch9SearchQueryCompiler,
)
from modelsearch.backends.elasticsearchbase import Field
from modelsearch.query import PlainText
from modelsearch.utils import deep_update

from . import MIN_PREFIX_LENGTH, query_languages, query_terms

CATCH_ALL_PREFIX = "_all_text"
PREFIX_MATCH_WEIGHT = 0.5  # a whole (stemmed) word outranks a word that merely starts with it

# Token filters per language, applied after the standard tokenizer.
LANGUAGE_FILTERS = {
    "de": ["lowercase", "de_stop", "german_normalization", "de_stemmer"],
    "en": ["en_possessive", "lowercase", "en_stop", "en_stemmer"],
}
PREFIX_FILTERS = {
    "de": ["lowercase", "german_normalization", "word_prefix"],
    "en": ["lowercase", "asciifolding", "word_prefix"],
}

ANALYSIS = {
    "filter": {
        "de_stop": {"type": "stop", "stopwords": "_german_"},
        "de_stemmer": {"type": "stemmer", "language": "light_german"},
        "en_possessive": {"type": "stemmer", "language": "possessive_english"},
        "en_stop": {"type": "stop", "stopwords": "_english_"},
        "en_stemmer": {"type": "stemmer", "language": "english"},
        "word_prefix": {"type": "edge_ngram", "min_gram": MIN_PREFIX_LENGTH, "max_gram": 30},
    },
    "analyzer": {
        **{
            f"text_{code}": {"type": "custom", "tokenizer": "standard", "filter": filters}
            for code, filters in LANGUAGE_FILTERS.items()
        },
        **{
            f"text_{code}_prefix": {"type": "custom", "tokenizer": "standard", "filter": filters}
            for code, filters in PREFIX_FILTERS.items()
        },
    },
}


def analysed_languages() -> list[str]:
    return [code for code, _name in settings.LANGUAGES if code in LANGUAGE_FILTERS]


def language_subfields() -> dict:
    subfields = {}
    for code in analysed_languages():
        subfields[code] = {"type": "text", "analyzer": f"text_{code}"}
        subfields[f"{code}_prefix"] = {
            "type": "text",
            "analyzer": f"text_{code}_prefix",
            "search_analyzer": f"text_{code}",
        }
    return subfields


class LanguageMapping(Elasticsearch9Mapping):
    def get_mapping(self):
        mapping = super().get_mapping()
        for name, field in mapping["properties"].items():
            if name.startswith(CATCH_ALL_PREFIX):
                field["fields"] = language_subfields()
        return mapping


class LanguageQueryCompiler(Elasticsearch9SearchQueryCompiler):
    mapping_class = LanguageMapping

    def _remap_fields(self, fields):
        remapped = super()._remap_fields(fields)
        languages = [code for code in query_languages(self.queryset) if code in LANGUAGE_FILTERS]
        if not languages:
            return remapped
        language_fields = []
        for field in remapped:
            if not field.field_name.startswith(CATCH_ALL_PREFIX):
                language_fields.append(field)
                continue
            for code in languages:
                language_fields.append(Field(f"{field.field_name}.{code}", field.boost))
                language_fields.append(
                    Field(f"{field.field_name}.{code}_prefix", field.boost * PREFIX_MATCH_WEIGHT)
                )
        return language_fields

    def _compile_plaintext_query(self, query, fields, boost=1.0):
        # One clause per term, so that each term may match in whichever sub-field (whole word or
        # prefix) fits it; a single multi_match with operator "and" would demand all terms in
        # the same sub-field.
        terms = query_terms(query.query_string)
        if len(terms) <= 1:
            return super()._compile_plaintext_query(
                PlainText(" ".join(terms), operator=query.operator), fields, boost
            )
        occur = "must" if query.operator == "and" else "should"
        return {
            "bool": {
                occur: [
                    super(LanguageQueryCompiler, self)._compile_plaintext_query(
                        PlainText(term), fields, boost
                    )
                    for term in terms
                ]
            }
        }


class LanguageElasticsearchBackend(Elasticsearch9SearchBackend):
    mapping_class = LanguageMapping
    query_compiler_class = LanguageQueryCompiler
    settings = deep_update(
        deepcopy(Elasticsearch9SearchBackend.settings), {"settings": {"analysis": ANALYSIS}}
    )


SearchBackend = LanguageElasticsearchBackend
