"""The Elasticsearch backend without a server: index settings, mappings, documents, queries and
the client calls made when pages are published, unpublished and deleted. One test talks to a
real server and runs only when ELASTICSEARCH_URL is set."""

import os
import uuid
from unittest import mock

import pytest
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from home.models import ContentPage
from search.backends.elasticsearch import LanguageElasticsearchBackend, LanguageMapping
from tests.factories.search import content_page

ES_SETTINGS = {
    "default": {"BACKEND": "search.backends.database"},
    "elasticsearch": {
        "BACKEND": "search.backends.elasticsearch",
        "URLS": ["http://search.invalid:9200"],
        "INDEX_PREFIX": "test_",
    },
}


@pytest.fixture
def backend():
    return LanguageElasticsearchBackend({"URLS": ["http://search.invalid:9200"]})


def compiled(backend, queryset, query="Verwaltung Bürger"):
    return backend.query_compiler_class(queryset, query, operator="and").get_query()


def test_index_settings_define_german_and_english_analysers(backend):
    analysis = backend.settings["settings"]["analysis"]
    german = analysis["analyzer"]["text_de"]
    english = analysis["analyzer"]["text_en"]
    assert "german_normalization" in german["filter"]
    assert analysis["filter"]["de_stemmer"] == {"type": "stemmer", "language": "light_german"}
    assert analysis["filter"]["en_stemmer"] == {"type": "stemmer", "language": "english"}
    assert "en_stemmer" in english["filter"]
    assert "word_prefix" in analysis["analyzer"]["text_de_prefix"]["filter"]
    # Wagtail's own analysers stay for autocomplete
    assert "edgengram_analyzer" in analysis["analyzer"]


def test_mapping_has_a_sub_field_per_language_on_every_catch_all_field():
    properties = LanguageMapping(ContentPage).get_mapping()["properties"]
    catch_all = [name for name in properties if name.startswith("_all_text")]
    assert "_all_text" in catch_all and len(catch_all) >= 2  # plus the title's boost field
    for name in catch_all:
        subfields = properties[name]["fields"]
        assert subfields["de"]["analyzer"] == "text_de"
        assert subfields["en"]["analyzer"] == "text_en"
        assert subfields["de_prefix"] == {
            "type": "text",
            "analyzer": "text_de_prefix",
            "search_analyzer": "text_de",
        }
    assert properties["locale_id_filter"] == {"type": "integer"}


def test_document_carries_the_page_text_and_locale(site_tree):
    page = content_page(site_tree.home_de, "Bürgerservice", "Verwaltungsdienstleistungen")
    document = LanguageMapping(ContentPage).get_document(page)
    assert "Verwaltungsdienstleistungen" in str(document)
    assert document["locale_id_filter"] == site_tree.de.pk


def test_query_filtered_to_german_uses_german_fields(backend, site_tree):
    query = compiled(backend, Page.objects.filter(locale=site_tree.de))
    text = str(query)
    assert "_all_text.de'" in text and "_all_text.de_prefix" in text
    assert "_all_text.en" not in text
    terms = query["bool"]["must"]["bool"]["must"]
    assert [clause["multi_match"]["query"] for clause in terms] == ["Verwaltung", "Bürger"]
    assert "_all_text.de_prefix^0.5" in terms[0]["multi_match"]["fields"]


def test_query_filtered_to_english_uses_english_fields(backend, site_tree):
    text = str(compiled(backend, Page.objects.filter(locale=site_tree.en), "running"))
    assert "_all_text.en'" in text and "_all_text.de" not in text


def test_unfiltered_query_searches_both_languages(backend, site_tree):
    text = str(compiled(backend, Page.objects.all(), "running"))
    assert "_all_text.en'" in text and "_all_text.de'" in text


def test_query_syntax_never_reaches_elasticsearch(backend, site_tree):
    query = compiled(backend, Page.objects.filter(locale=site_tree.de), '(Verwaltung)^3 AND "x')
    terms = [c["multi_match"]["query"] for c in query["bool"]["must"]["bool"]["must"]]
    assert terms == ["Verwaltung", "3", "AND", "x"]


def test_publishing_unpublishing_and_deleting_update_the_index(settings, site_tree):
    settings.WAGTAILSEARCH_BACKENDS = ES_SETTINGS
    client = mock.MagicMock()
    with mock.patch.object(LanguageElasticsearchBackend, "client_class", return_value=client):
        page = content_page(site_tree.home_de, "Baustelle", "Straßenbahn")
        indexed = [c.kwargs for c in client.index.call_args_list if c.kwargs["id"] == str(page.pk)]
        assert indexed and indexed[-1]["index"] == "test_wagtailcore_page"
        assert "Straßenbahn" in str(indexed[-1]["document"])

        client.reset_mock()
        page.unpublish()
        documents = [c.kwargs["document"] for c in client.index.call_args_list]
        assert documents and documents[-1]["live_filter"] is False

        client.reset_mock()
        page.save_revision().publish()
        assert client.index.call_args_list[-1].kwargs["document"]["live_filter"] is True

        page_id = str(page.pk)
        page.delete()
        deleted = [c.kwargs["id"] for c in client.delete.call_args_list]
        assert page_id in deleted


@pytest.mark.skipif(
    not os.environ.get("ELASTICSEARCH_URL"),
    reason="needs a real Elasticsearch 9 server: set ELASTICSEARCH_URL",
)
@pytest.mark.django_db(transaction=True)
def test_against_a_real_server(site_tree):
    prefix = f"smartcity_test_{uuid.uuid4().hex[:8]}_"
    backend = get_search_backend(
        "search.backends.elasticsearch",
        URLS=[os.environ["ELASTICSEARCH_URL"]],
        INDEX_PREFIX=prefix,
    )
    german = content_page(
        site_tree.home_de, "Bürgerservice", "Verwaltungsdienstleistungen für Bürger"
    )
    english = content_page(site_tree.home_en, "Services", "The city is running libraries")
    index = backend.get_index_for_model(ContentPage)
    try:
        index.reset()
        index.add_model(ContentPage)
        index.add_items(ContentPage, [german, english])
        index.refresh()
        de_pages = Page.objects.filter(locale=site_tree.de)
        en_pages = Page.objects.filter(locale=site_tree.en)
        assert [p.pk for p in backend.search("Verwaltung", de_pages)] == [german.pk]
        assert [p.pk for p in backend.search("Bürgern", de_pages)] == [german.pk]
        assert [p.pk for p in backend.search("library run", en_pages, operator="and")] == [
            english.pk
        ]
        assert list(backend.search("Verwaltung", en_pages)) == []
    finally:
        index.delete()
