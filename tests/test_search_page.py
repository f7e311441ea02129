"""The search page: language separation, types, snippets, promotions, bad input, index updates.

These run on SQLite and PostgreSQL; what needs real stemming is in test_search_postgres.py.
"""

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation
from wagtail.contrib.search_promotions.models import Query
from wagtail.models import PageViewRestriction

from search.forms import MAX_QUERY_LENGTH
from search.site_search import PAGE_SIZE
from tests.factories.search import content_page, promote


def search_url(language="de"):
    with translation.override(language):
        return reverse("site_search")


def get(client, language="de", **params):
    return client.get(search_url(language), params)


def result_titles(response):
    return [hit.page.title for hit in response.context["result_page"].hits]


@pytest.fixture
def pages(site_tree):
    de = content_page(
        site_tree.home_de, "Digitale Verwaltung", "Online-Termine im Bürgerservice buchen."
    )
    en = content_page(
        site_tree.home_en,
        "Digital administration",
        "Book appointments at the citizens' office online.",
    )
    return de, en


def test_search_urls_are_translated():
    assert search_url("de") == "/de/suche/"
    assert search_url("en") == "/en/search/"


def test_language_switcher_leads_to_the_other_search_page(client, pages):
    html = get(client, "en", q="Termine").content.decode()
    assert f'hreflang="de" href="http://testserver{search_url("de")}"' in html
    html = get(client, "de", q="Termine").content.decode()
    assert f'hreflang="en" href="http://testserver{search_url("en")}"' in html


def test_empty_query_shows_the_form_and_no_results(client, pages):
    response = get(client)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'role="search"' in html
    assert 'type="search"' in html
    assert '<label for="id_q">' in html
    assert "result_page" not in response.context
    assert not Query.objects.exists()


def test_results_only_in_the_current_language(client, pages):
    de, en = pages
    assert result_titles(get(client, "de", q="administration")) == []
    assert result_titles(get(client, "de", q="Verwaltung")) == [de.title]
    assert result_titles(get(client, "en", q="administration")) == [en.title]
    assert result_titles(get(client, "en", q="Verwaltung")) == []


def test_a_translated_page_is_found_once_in_each_language(client, site_tree):
    from tests.factories.home import translate

    german = content_page(site_tree.home_de, "Stadtteilbibliothek", "Bibliothek Lobeda")
    translate(german, "en", title="District library", intro="Library Lobeda")
    assert result_titles(get(client, "de", q="Lobeda")) == ["Stadtteilbibliothek"]
    assert result_titles(get(client, "en", q="Lobeda")) == ["District library"]


def test_only_live_public_pages_of_the_searchable_types(client, site_tree):
    content_page(site_tree.home_de, "Sichtbar Wasserstoff", "Wasserstoff")
    draft = content_page(site_tree.home_de, "Entwurf Wasserstoff", "Wasserstoff", live=False)
    private = content_page(site_tree.home_de, "Intern Wasserstoff", "Wasserstoff")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    site_tree.home_de.intro = "<p>Wasserstoff auf der Startseite</p>"
    site_tree.home_de.save_revision().publish()  # home pages are not a searchable type
    assert draft.live is False
    assert result_titles(get(client, q="Wasserstoff")) == ["Sichtbar Wasserstoff"]


def test_result_shows_type_title_link_and_highlighted_snippet(client, pages):
    response = get(client, "de", q="Termine")
    html = response.content.decode()
    assert '<span class="search-result__type">Inhaltsseite</span>' in html
    assert '<a href="/de/digitale-verwaltung/">Digitale Verwaltung</a>' in html
    assert "Online-<mark>Termine</mark> im Bürgerservice buchen." in html
    assert "1 Ergebnis für „Termine“" in html
    english = get(client, "en", q="appointments").content.decode()
    assert '<span class="search-result__type">Content page</span>' in english
    assert '<a href="/en/digital-administration/">Digital administration</a>' in english
    assert "1 result for “appointments”" in english


def test_snippet_escapes_page_text_before_marking(client, site_tree):
    content_page(site_tree.home_de, "Sonderzeichen", 'Formel <b>fett</b> & "Zitat" Sensorik')
    html = get(client, q="Sensorik").content.decode()
    assert "Formel &lt;b&gt;fett&lt;/b&gt; &amp; &quot;Zitat&quot; <mark>Sensorik</mark>" in html
    assert "<b>fett</b>" not in html


def test_query_is_escaped_everywhere(client, pages):
    payload = '"><svg onload=alert(1)>'
    html = get(client, q=payload).content.decode()
    assert "<svg" not in html
    assert "&lt;svg onload=alert(1)&gt;" in html


def test_type_filter_is_allow_listed(client, pages):
    ok = get(client, q="Verwaltung", type="pages")
    assert ok.status_code == 200
    assert result_titles(ok) == ["Digitale Verwaltung"]
    bad = get(client, q="Verwaltung", type="wagtailcore.page")
    assert bad.status_code == 400
    assert 'role="alert"' in bad.content.decode()
    assert "result_page" not in bad.context


def test_pagination_keeps_the_query_and_type(client, site_tree):
    for number in range(PAGE_SIZE + 3):
        content_page(site_tree.home_de, f"Sensor {number}", "Feinstaubsensor")
    first = get(client, q="Feinstaubsensor", type="pages")
    assert len(first.context["result_page"].hits) == PAGE_SIZE
    assert "q=Feinstaubsensor&amp;type=pages&amp;page=2" in first.content.decode()
    second = get(client, q="Feinstaubsensor", type="pages", page=2)
    assert len(second.context["result_page"].hits) == 3
    assert not set(result_titles(first)) & set(result_titles(second))
    assert get(client, q="Feinstaubsensor", page="x").status_code == 200
    assert get(client, q="Feinstaubsensor", page="99999999999999999999").status_code == 200


def test_query_count_does_not_grow_with_the_results(
    client, site_tree, django_assert_max_num_queries
):
    content_page(site_tree.home_de, "Ampel 0", "Ampelschaltung")
    get(client, q="Ampelschaltung")  # first visit: creates the Query row and site settings
    with django_assert_max_num_queries(30) as one_result:
        get(client, q="Ampelschaltung")
    for number in range(1, PAGE_SIZE):
        content_page(site_tree.home_de, f"Ampel {number}", "Ampelschaltung")
    budget = len(one_result.captured_queries)
    get(client, q="Ampelschaltung")  # new pages changed the content version: fragments render
    with django_assert_max_num_queries(budget):
        response = get(client, q="Ampelschaltung")
    assert len(response.context["result_page"].hits) == PAGE_SIZE


HOSTILE_QUERIES = [
    "&",
    "|",
    "!",
    "(",
    ")",
    ":",
    "*",
    '"',
    "'",
    "a & b | !c",
    "(Verwaltung",
    "Verwaltung:*",
    "'; DROP TABLE wagtailcore_page; --",
    '"Verwaltung',
    "\\",
    "%",
    "_",
    "~",
    "{}[]",
    "-Verwaltung",
    "Verwaltung AND NOT Bürger",
    "NEAR(a b)",
    "a OR b",
    "title:Verwaltung",
    "Verwaltung^3",
    "Verw*",
    "Москва",
    "東京都",
    "مدينة",
    "🚲",
    "ǅ",
]


def test_hostile_and_non_latin_queries_never_fail(client, pages):
    for query in HOSTILE_QUERIES:
        assert get(client, q=query).status_code == 200, query


def test_a_null_character_is_refused_with_an_error(client, pages):
    response = get(client, q="Verwaltung\x00")
    assert response.status_code == 400
    assert 'role="alert"' in response.content.decode()


def test_syntax_characters_around_a_word_still_find_it(client, pages):
    assert result_titles(get(client, q='"(Verwaltung)!*')) == ["Digitale Verwaltung"]


def test_non_latin_text_is_found(client, site_tree):
    content_page(site_tree.home_de, "Partnerstadt", "Jena und Беркли")
    assert result_titles(get(client, q="Беркли")) == ["Partnerstadt"]


def test_very_long_queries_are_cut(client, pages):
    response = get(client, q="Verwaltung " + "x" * 50_000)
    assert response.status_code == 200
    assert len(response.context["search"].query) == MAX_QUERY_LENGTH
    assert Query.objects.get().query_string == response.context["search"].query.lower()


def test_queries_are_recorded_once_per_search(client, pages):
    get(client, q="Verwaltung")
    get(client, q="  verwaltung ")
    get(client, q="Verwaltung", page=2)
    assert Query.objects.get().hits == 2


def test_promotions_appear_first_in_their_own_language_only(client, site_tree):
    de_match = content_page(site_tree.home_de, "Fahrradwege", "Radverkehr in Jena")
    de_pick = content_page(site_tree.home_de, "Mobilitätsstrategie", "Planung")
    en_pick = content_page(site_tree.home_en, "Mobility strategy", "Planning")
    promote("Radverkehr", page=de_pick, description="Alles zum Radverkehr")
    promote("Radverkehr", page=en_pick)
    response = get(client, "de", q="radverkehr")
    assert [p.page_id for p in response.context["promotions"]] == [de_pick.pk]
    html = response.content.decode()
    assert html.index("Mobilitätsstrategie") < html.index(de_match.title)
    assert "Alles zum Radverkehr" in html
    assert [p.page_id for p in get(client, "en", q="Radverkehr").context["promotions"]] == [
        en_pick.pk
    ]


def test_a_promoted_page_is_not_listed_twice(client, site_tree):
    page = content_page(site_tree.home_de, "Glasfaser", "Glasfaserausbau")
    promote("Glasfaserausbau", page=page)
    response = get(client, q="Glasfaserausbau")
    assert [p.page_id for p in response.context["promotions"]] == [page.pk]
    assert result_titles(response) == []
    assert response.content.decode().count("Glasfaser</a>") == 1


def test_unpublished_promoted_pages_are_hidden(client, site_tree):
    page = content_page(site_tree.home_de, "Alte Aktion", "Aktion")
    promote("Aktion", page=page)
    page.unpublish()
    assert get(client, q="Aktion").context["promotions"] == []


def test_publishing_updates_the_index(client, site_tree):
    page = content_page(site_tree.home_de, "Parkhaus", "Stellplätze")
    page.intro = "Ladesäulen für Elektroautos"
    page.save_revision()  # a draft: the live text stays searchable, the draft is not
    assert result_titles(get(client, q="Ladesäulen")) == []
    assert result_titles(get(client, q="Stellplätze")) == ["Parkhaus"]
    page.get_latest_revision().publish()
    assert result_titles(get(client, q="Ladesäulen")) == ["Parkhaus"]
    assert result_titles(get(client, q="Stellplätze")) == []


def test_unpublishing_and_deleting_remove_the_page_from_results(client, site_tree):
    page = content_page(site_tree.home_de, "Baustelle", "Straßenbahn")
    assert result_titles(get(client, q="Straßenbahn")) == ["Baustelle"]
    page.unpublish()
    assert result_titles(get(client, q="Straßenbahn")) == []
    page.save_revision().publish()
    assert result_titles(get(client, q="Straßenbahn")) == ["Baustelle"]
    page.delete()
    assert result_titles(get(client, q="Straßenbahn")) == []


@pytest.mark.django_db
def test_popular_search_terms_report_is_for_the_communications_team(
    client, pages, django_user_model
):
    from django.contrib.auth.models import Group, Permission

    get(Client(), q="Verwaltung")
    url = reverse("site_search_admin:popular_terms")
    comms = Group.objects.create(name="Kommunikation")
    comms.permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="change_searchpromotion"),
    )
    editor = django_user_model.objects.create_user("presse", password="x" * 16)
    editor.groups.add(comms)
    other = django_user_model.objects.create_user("redaktion", password="x" * 16)
    other.user_permissions.add(Permission.objects.get(codename="access_admin"))

    client.force_login(other)
    refused = client.get(url)
    assert refused.status_code == 302
    assert refused["Location"] == reverse("wagtailadmin_home")
    client.force_login(editor)
    response = client.get(url)
    assert response.status_code == 200
    assert "verwaltung" in response.content.decode()


def test_strategy_goals_and_measures_are_searchable_and_filterable(client, site_tree):
    from tests.factories.strategy import (
        StrategyChapterPageFactory,
        StrategyIndexPageFactory,
        goal,
        measure,
    )

    strategy = StrategyIndexPageFactory(parent=site_tree.home_de)
    StrategyChapterPageFactory(
        parent=strategy,
        title="Bildung",
        goals=[goal("Digitale Teilhabe", measure("Tabletkurse in Stadtteilzentren"))],
    )
    content_page(site_tree.home_de, "Kursprogramm", "Tabletkurse für alle")
    assert result_titles(get(client, q="Tabletkurse", type="strategy")) == ["Bildung"]
    assert result_titles(get(client, q="Teilhabe")) == ["Bildung"]
    assert sorted(result_titles(get(client, q="Tabletkurse"))) == ["Bildung", "Kursprogramm"]
    html = get(client, q="Teilhabe").content.decode()
    assert "<mark>Teilhabe</mark>" in html


def test_query_count_is_the_same_for_3_or_25_hits_with_promotions_and_page_2(
    client, site_tree, django_assert_max_num_queries
):
    """Independent of the number of hits: the count, the page and its specific pages are read
    once each (bench/search_bench.py prints the same for 10,000 pages on PostgreSQL)."""
    pick = content_page(site_tree.home_de, "Empfehlung Solar", "Solardach")
    promote("Solardach", page=pick)
    promote("Solardach", external_link_url="https://www.jena.de/", external_link_text="jena.de")
    for number in range(3):
        content_page(site_tree.home_de, f"Solar {number}", "Solardach Förderung")

    def queries(**params):
        get(client, q="Solardach", **params)  # first visit: query log rows, fragments
        with django_assert_max_num_queries(30) as captured:
            response = get(client, q="Solardach", **params)
        return len(captured.captured_queries), response

    few, response = queries()
    assert len(response.context["result_page"].hits) == 3
    assert len(response.context["promotions"]) == 2
    for number in range(3, 25):
        content_page(site_tree.home_de, f"Solar {number}", "Solardach Förderung")
    many, response = queries()
    assert len(response.context["result_page"].hits) == PAGE_SIZE
    assert response.context["page_obj"].paginator.count == 25
    second, response = queries(page=2)
    assert len(response.context["result_page"].hits) == PAGE_SIZE
    assert many == few
    assert second <= few  # no promotions below the first page


def test_pages_past_the_last_show_the_last_page_with_the_full_count(client, site_tree):
    for number in range(PAGE_SIZE + 3):
        content_page(site_tree.home_de, f"Messstelle {number}", "Pegelmessung")
    for page in ("3", "99", "0", "-1"):
        response = get(client, q="Pegelmessung", page=page)
        assert response.status_code == 200
        assert response.context["page_obj"].number == 2, page
        assert response.context["page_obj"].paginator.count == PAGE_SIZE + 3
        assert len(response.context["result_page"].hits) == 3
    first = get(client, q="Pegelmessung", page="1")
    second = get(client, q="Pegelmessung", page="2")
    assert len(set(result_titles(first)) | set(result_titles(second))) == PAGE_SIZE + 3


def test_promoted_pages_in_a_private_section_are_hidden(client, site_tree):
    page = content_page(site_tree.home_de, "Interne Aktion", "Aktion")
    PageViewRestriction.objects.create(page=page, restriction_type="login")
    promote("Aktion", page=page)
    promote("Aktion", external_link_url="https://www.jena.de/")
    response = get(client, q="Aktion")
    assert [p.external_link_url for p in response.context["promotions"]] == [
        "https://www.jena.de/"
    ]


def test_each_day_of_a_query_is_counted_on_its_own(client, pages):
    import datetime

    from django.utils import timezone
    from wagtail.contrib.search_promotions.models import QueryDailyHits

    today = timezone.now().date()
    yesterday = today - datetime.timedelta(days=1)
    Query.get("Verwaltung").add_hit(date=yesterday)
    get(client, q="Verwaltung")  # the first search of today creates today's row
    get(client, q="VERWALTUNG")  # the next ones add to it
    hits = dict(QueryDailyHits.objects.values_list("date", "hits"))
    assert hits == {yesterday: 1, today: 2}
    assert Query.objects.get().hits == 3


def test_the_index_migration_is_reversible_and_a_no_op_outside_postgresql(db):
    from contextlib import nullcontext
    from importlib import import_module
    from types import SimpleNamespace

    from django.apps import apps
    from django.db import connection

    migration = import_module("search.migrations.0001_indexentry_text_gin")

    def index_exists() -> bool:
        with connection.cursor() as cursor:
            return migration.INDEX_NAME in connection.introspection.get_constraints(
                cursor, "wagtailsearch_indexentry"
            )

    def schema_editor():
        if postgresql:
            return connection.schema_editor()
        # SQLite's schema editor refuses to run inside the test's transaction; the migration
        # must not execute anything there at all.
        def execute(sql, params=()):
            raise AssertionError(f"executed on {connection.vendor}: {sql}")

        return nullcontext(SimpleNamespace(connection=connection, execute=execute))

    postgresql = connection.vendor == "postgresql"
    assert index_exists() is postgresql
    with schema_editor() as editor:
        migration.drop_index(apps, editor)
    assert not index_exists()
    with schema_editor() as editor:
        migration.create_index(apps, editor)
    assert index_exists() is postgresql


def test_the_results_are_kept_per_query_and_language_until_the_content_changes(
    client, site_tree
):
    """A reader the page cache does not serve (here: with a session) gets the results section
    from a fragment: the search runs once per query, page, language and content version."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    content_page(site_tree.home_de, "Radwege", "Radverkehr in Jena")
    content_page(site_tree.home_en, "Cycle paths", "Radverkehr in English")
    client.cookies["sessionid"] = "an-expired-session"

    def searched(language="de", **params):
        with CaptureQueriesContext(connection) as queries:
            response = get(client, language, **params)
        assert response.status_code == 200
        return len(queries), response.content.decode()

    first, html = searched(q="Radverkehr")
    again, cached = searched(q="Radverkehr")
    assert again < first
    assert "Radwege" in cached and "1 Ergebnis" in cached
    assert Query.objects.get().hits == 2  # a kept answer still counts the search
    assert "Cycle paths" in searched("en", q="Radverkehr")[1]  # each language its own

    content_page(site_tree.home_de, "Radverkehrskonzept", "Radverkehr bis 2030")
    count, html = searched(q="Radverkehr")  # the publish shows at once
    assert count > again and "Radverkehrskonzept" in html and "2 Ergebnisse" in html
    assert "Radverkehrskonzept" not in searched(q="Radverkehr", type="news")[1]
