"""The strategy index and its chapters: tree, overview, goals and measures, contents, related."""

import re

import pytest
from django.template import Context, Template
from django.utils.translation import gettext, override
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail_localize.fields import SynchronizedField, get_translatable_fields

from home import related
from home.models import ContentPage, HomePage
from strategy.models import StrategyChapterPage, StrategyIndexPage
from tests.factories.home import ContentPageFactory, SiteImageFactory, translate
from tests.factories.strategy import (
    StrategyChapterPageFactory,
    StrategyIndexPageFactory,
    goal,
    measure,
    section,
)

pytestmark = pytest.mark.django_db


def label(msgid: str, number, language="de") -> str:
    with override(language):
        return gettext(msgid) % {"number": number}


def gettext_de(msgid: str) -> str:
    with override("de"):
        return gettext(msgid)


def main(html: str) -> str:
    return html.split('<main id="main"', 1)[1].split("</main>", 1)[0]


def anchors(html: str, prefix: str) -> list[str]:
    """The ids of goals (``g``) or measures (``m``) in document order."""
    return re.findall(rf'id="({prefix}-[0-9a-f]{{8}})"', html)


@pytest.fixture
def index(site_tree):
    return StrategyIndexPageFactory(parent=site_tree.home_de)


@pytest.fixture
def chapter(index):
    return StrategyChapterPageFactory(
        parent=index,
        title="Digitale Verwaltung",
        slug="digitale-verwaltung",
        chapter_number=5,
        summary="Behördengänge online erledigen.",
        sections=[
            section("Einführung", "Die Zukunft ist digital."),
            section("Was wir erreichen wollen", "Eine Verwaltung für alle."),
        ],
        goals=[
            goal(
                "Online-Dienste rund um die Uhr",
                measure("Online-Termine", status="done", timeframe="seit 2020"),
                measure("Digitale Anträge", status="in_progress", unit="Team Digitalisierung"),
                description="Jederzeit erreichbar.",
            ),
            goal(
                "Digitale Kompetenzen",
                measure("Qualifizierungsprogramm", status="planned", unit="Fachdienst Personal"),
            ),
        ],
    )


class TestTreeGrammar(WagtailPageTestCase):
    def test_the_strategy_sits_under_a_home_page_only(self):
        self.assertAllowedParentPageTypes(StrategyIndexPage, {HomePage})
        self.assertCanCreateAt(HomePage, StrategyIndexPage)
        self.assertCanNotCreateAt(ContentPage, StrategyIndexPage)
        self.assertCanNotCreateAt(StrategyIndexPage, StrategyIndexPage)
        self.assertCanNotCreateAt(Page, StrategyIndexPage)

    def test_chapters_sit_under_the_strategy_and_have_no_children(self):
        self.assertAllowedParentPageTypes(StrategyChapterPage, {StrategyIndexPage})
        self.assertAllowedSubpageTypes(StrategyIndexPage, {StrategyChapterPage})
        self.assertAllowedSubpageTypes(StrategyChapterPage, set())
        self.assertCanCreateAt(StrategyIndexPage, StrategyChapterPage)
        self.assertCanNotCreateAt(HomePage, StrategyChapterPage)
        self.assertCanNotCreateAt(StrategyChapterPage, ContentPage)


def test_one_strategy_per_home_page(index, site_tree):
    assert not StrategyIndexPage.can_create_at(site_tree.home_de)
    assert StrategyIndexPage.can_create_at(site_tree.home_en)


def test_overview_lists_chapters_as_cards_by_number(client, index):
    for number, title in [(3, "Gesellschaft"), (1, "Mobilität"), (2, "Energie und Umwelt")]:
        StrategyChapterPageFactory(parent=index, title=title, chapter_number=number,
                                   summary=f"Worum es bei {title} geht.")
    draft = StrategyChapterPageFactory(parent=index, title="Entwurf", chapter_number=4)
    draft.unpublish()

    response = client.get("/de/strategie/")
    assert response.status_code == 200
    html = main(response.content.decode())
    titles = re.findall(r'<h2 class="card__title"><a href="[^"]+">([^<]+)</a></h2>', html)
    assert titles == ["Mobilität", "Energie und Umwelt", "Gesellschaft"]
    assert label("Field of action %(number)s", 2) in html
    assert "Worum es bei Gesellschaft geht." in html
    assert "Entwurf" not in html
    assert "Die Strategie in fünf Handlungsfeldern." in html


def test_overview_shows_only_the_chapters_of_its_language(client, index, site_tree):
    chapter_de = StrategyChapterPageFactory(parent=index, title="Mobilität", slug="mobilitaet")
    StrategyChapterPageFactory(parent=index, title="Nur Deutsch", slug="nur-deutsch")
    index_en = translate(index, "en", title="Smart City strategy", slug="strategy")
    translate(chapter_de, "en", title="Mobility", slug="mobility", summary="Getting around.")

    html_en = main(client.get("/en/strategy/").content.decode())
    assert '<a href="/en/strategy/mobility/">Mobility</a>' in html_en
    assert "Mobilität" not in html_en
    assert "Nur Deutsch" not in html_en
    assert label("Field of action %(number)s", chapter_de.chapter_number, "en") in html_en
    html_de = main(client.get("/de/strategie/").content.decode())
    assert "Mobility" not in html_de
    assert "Nur Deutsch" in html_de
    assert list(index_en.specific.chapters()) == [chapter_de.get_translation(site_tree.en)]


def test_overview_without_chapters_says_so(client, index):
    html = client.get("/de/strategie/").content.decode()
    assert 'class="empty-state"' in html
    assert 'class="card-list"' not in html


def test_overview_queries_do_not_grow_with_chapters(client, index, django_assert_max_num_queries):
    def add_chapters(numbers):
        for number in numbers:
            StrategyChapterPageFactory(parent=index, chapter_number=number,
                                       image=SiteImageFactory())

    add_chapters(range(1, 3))
    client.get("/de/strategie/")  # renditions are created on the first view
    with django_assert_max_num_queries(40) as few:
        response = client.get("/de/strategie/")
    budget = len(few.captured_queries)  # read now: the next request clears the query log
    assert main(response.content.decode()).count('class="card"') == 2
    add_chapters(range(3, 10))
    client.get("/de/strategie/")
    with django_assert_max_num_queries(budget):
        response = client.get("/de/strategie/")
    html = main(response.content.decode())
    assert html.count('class="card"') == 9
    assert html.count("<picture>") == 9


def test_chapter_shows_goals_and_measures_in_order_with_status(client, chapter):
    response = client.get("/de/strategie/digitale-verwaltung/")
    assert response.status_code == 200
    html = main(response.content.decode())
    body = html.split('id="goals"', 1)[1]
    order = ["Online-Dienste rund um die Uhr", "Online-Termine", "Digitale Anträge",
             "Digitale Kompetenzen", "Qualifizierungsprogramm"]
    positions = [body.index(text) for text in order]
    assert positions == sorted(positions)
    goal_two = label("Goal %(number)s", 2)
    assert f'<span class="goal__number">{goal_two}</span> Digitale Kompetenzen' in body
    assert (f'<span class="measure__number">{label("Measure %(number)s", "1.2")}</span> '
            "Digitale Anträge") in body

    measures = dict(zip(
        re.findall(r'<h4><span class="measure__number">[^<]+</span> ([^<]+)</h4>', body),
        re.findall(r'<span class="status status--(\w+)">([^<]+)</span>', body),
        strict=True,
    ))
    with override("de"):
        assert measures == {
            "Online-Termine": ("done", gettext("Done")),
            "Digitale Anträge": ("in_progress", gettext("In progress")),
            "Qualifizierungsprogramm": ("planned", gettext("Planned")),
        }
    assert "Team Digitalisierung" in body and "seit 2020" in body
    assert "<p>Jederzeit erreichbar.</p>" in body
    assert "<h1>Digitale Verwaltung</h1>" in html
    assert "Behördengänge online erledigen." in html


def test_chapter_anchors_are_block_ids(chapter):
    page = StrategyChapterPage.objects.get(pk=chapter.pk)
    goals = list(page.goals)
    assert [g.anchor for g in page.goal_list] == [f"g-{g.id[:8]}" for g in goals]
    first_measures = goals[0].value["measures"].bound_blocks
    assert [m.anchor for m in page.goal_list[0].measures] == [
        f"m-{m.id[:8]}" for m in first_measures
    ]
    assert [s.anchor for s in page.section_list] == [f"s-{s.id[:8]}" for s in page.sections]


def test_table_of_contents_links_sections_goals_and_measures(client, chapter):
    html = main(client.get("/de/strategie/digitale-verwaltung/").content.decode())
    toc = html.split('<nav class="toc', 1)[1].split("</nav>", 1)[0]
    links = re.findall(r'<a href="#([^"]+)">([^<]+)</a>', toc)
    page = StrategyChapterPage.objects.get(pk=chapter.pk)
    sections = page.section_list
    goals = page.goal_list
    assert links == [
        (sections[0].anchor, "Einführung"),
        (sections[1].anchor, "Was wir erreichen wollen"),
        ("goals", gettext_de("Goals and measures")),
        (goals[0].anchor, f"{label('Goal %(number)s', 1)}: Online-Dienste rund um die Uhr"),
        (goals[0].measures[0].anchor, f"{label('Measure %(number)s', '1.1')}: Online-Termine"),
        (goals[0].measures[1].anchor, f"{label('Measure %(number)s', '1.2')}: Digitale Anträge"),
        (goals[1].anchor, f"{label('Goal %(number)s', 2)}: Digitale Kompetenzen"),
        (goals[1].measures[0].anchor,
         f"{label('Measure %(number)s', '2.1')}: Qualifizierungsprogramm"),
    ]
    for anchor, _text in links:
        assert html.count(f'id="{anchor}"') == 1, anchor
    assert f'<section id="{sections[1].anchor}"' in html


def test_chapter_without_goals_or_sections_renders_without_empty_headings(client, index):
    StrategyChapterPageFactory(parent=index, slug="leer", chapter_number=9)
    html = main(client.get("/de/strategie/leer/").content.decode())
    assert 'id="goals"' not in html
    assert '<nav class="toc' not in html


def test_chapter_image_uses_the_chapter_alt_text(client, index):
    image = SiteImageFactory(description="Bild-Alternativtext")
    StrategyChapterPageFactory(parent=index, slug="bild", image=image,
                               image_alt_text="Rathaus am Markt")
    StrategyChapterPageFactory(parent=index, slug="bild2", image=image)
    assert 'alt="Rathaus am Markt"' in client.get("/de/strategie/bild/").content.decode()
    assert 'alt="Bild-Alternativtext"' in client.get("/de/strategie/bild2/").content.decode()


def test_participation_settings_are_synchronised_and_switch_the_discussion(client, chapter):
    fields = {f.field_name: f for f in get_translatable_fields(StrategyChapterPage)}
    for name in ("hosts_participation", "participation_opens_at", "participation_closes_at",
                 "chapter_number"):
        assert isinstance(fields[name], SynchronizedField)
        assert not fields[name].is_overridable(chapter)
    without = main(client.get("/de/strategie/digitale-verwaltung/").content.decode())
    assert 'id="discussion"' not in without and "#discussion" not in without
    chapter.hosts_participation = True
    chapter.save_revision().publish()
    with_participation = main(client.get("/de/strategie/digitale-verwaltung/").content.decode())
    assert 'id="discussion"' in with_participation
    assert '<a href="#discussion">Diskussion (0)</a>' in with_participation


@pytest.fixture
def providers(monkeypatch):
    """Related-content providers for this test only (news and events may register real ones)."""
    registered = []
    monkeypatch.setattr(related, "_providers", registered)
    return registered


def test_related_sections_from_a_provider_are_rendered_and_listed(client, chapter, providers,
                                                                   site_tree, index):
    story = ContentPageFactory(parent=site_tree.home_de, title="Werkstatt im Mai", slug="mai")
    other = StrategyChapterPageFactory(parent=index, title="Mobilität", slug="mobilitaet",
                                       chapter_number=1)
    calls = []

    def news_about(page, request):
        calls.append((page, request.path))
        if page.pk != chapter.pk:
            return None
        return related.RelatedSection(key="news", heading="Neuigkeiten zum Handlungsfeld",
                                      items=[story], more_url="/de/", more_label="Alle News")

    related.register(news_about)
    html = main(client.get("/de/strategie/digitale-verwaltung/").content.decode())
    assert calls == [(chapter.specific, "/de/strategie/digitale-verwaltung/")]
    related_html = html.split('<section class="related', 1)[1].split("</section>", 1)[0]
    assert 'id="news"' in related_html
    assert '<h2 id="news-heading">Neuigkeiten zum Handlungsfeld</h2>' in related_html
    assert '<a href="/de/mai/">Werkstatt im Mai</a>' in related_html
    assert '<a href="/de/">Alle News</a>' in related_html
    toc = html.split('<nav class="toc', 1)[1].split("</nav>", 1)[0]
    assert '<a href="#news">Neuigkeiten zum Handlungsfeld</a>' in toc
    # A provider with nothing to say about a chapter contributes no section and no entry.
    other_html = main(client.get("/de/strategie/mobilitaet/").content.decode())
    assert calls[-1] == (other.specific, "/de/strategie/mobilitaet/")
    assert 'class="related' not in other_html
    assert 'href="#news"' not in other_html


def test_chapter_renders_without_any_provider(client, chapter, providers):
    response = client.get("/de/strategie/digitale-verwaltung/")
    assert response.status_code == 200
    assert 'class="related' not in response.content.decode()


def test_home_page_teaser_links_the_strategy_of_its_language(rf, index, site_tree):
    StrategyChapterPageFactory(parent=index, title="Mobilität", slug="mobilitaet",
                               chapter_number=1)
    teaser = Template("{% load strategy_tags %}{% strategy_teaser %}")
    request = rf.get("/de/")
    html = teaser.render(Context({"page": site_tree.home_de, "request": request}))
    assert '<h2 id="strategy-teaser-heading">Smart-City-Strategie</h2>' in html
    assert '<a href="/de/strategie/">' in html
    assert '<h3 class="card__title"><a href="/de/strategie/mobilitaet/">Mobilität</a></h3>' in html
    # The English home has no published strategy yet: no teaser, no empty heading.
    html_en = teaser.render(Context({"page": site_tree.home_en, "request": request}))
    assert html_en.strip() == ""
