import factory
import wagtail_factories
from wagtail_localize.models import Translation, TranslationSource

from home.demo.tools import DemoLog, translate
from strategy.models import StrategyChapterPage, StrategyIndexPage


class StrategyIndexPageFactory(wagtail_factories.PageFactory):
    title = "Smart-City-Strategie"
    slug = "strategie"
    intro = "<p>Die Strategie in fünf Handlungsfeldern.</p>"

    class Meta:
        model = StrategyIndexPage


class StrategyChapterPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Handlungsfeld {n}")
    slug = factory.Sequence(lambda n: f"handlungsfeld-{n}")
    chapter_number = factory.Sequence(lambda n: n + 1)
    summary = factory.LazyAttribute(lambda page: f"Worum es in {page.title} geht.")

    class Meta:
        model = StrategyChapterPage


def measure(title, status="planned", unit="Fachdienst Bürgerservice", timeframe="", description=""):
    return {
        "title": title,
        "description": description,
        "status": status,
        "responsible_unit": unit,
        "timeframe": timeframe,
    }


def goal(title, *measures, description=""):
    return ("goal", {"title": title, "description": description, "measures": list(measures)})


def section(heading, *paragraphs):
    return (
        "section",
        {"heading": heading, "content": [("paragraph", f"<p>{p}</p>") for p in paragraphs]},
    )


ENGLISH = {
    "Smart-City-Strategie": "Smart City strategy",
    "strategie": "strategy",
    "Die Strategie in fünf Handlungsfeldern.": "The strategy in five fields of action.",
    "Digitale Verwaltung": "Digital administration",
    "digitale-verwaltung": "digital-administration",
    "Behördengänge online erledigen.": "Dealing with the city's offices online.",
    "Einführung": "Introduction",
    "Die Zukunft ist digital.": "The future is digital.",
    "Online-Dienste rund um die Uhr": "Online services around the clock",
    "Online-Termine": "Online appointments",
    "Digitale Anträge": "Digital applications",
    "Digitale Kompetenzen": "Digital skills",
    "Qualifizierungsprogramm": "Training programme",
    "Prozesswerkstatt": "Process workshop",
    "Fachdienst Bürgerservice": "Citizen services department",
    "Fachdienst Personal": "Human resources department",
    "seit 2020": "since 2020",
}


def translated_chapter(site_tree) -> StrategyChapterPage:
    """The chapter "Digitale Verwaltung" with two goals of two measures, and its English copy
    made through wagtail-localize."""
    index = StrategyIndexPageFactory(parent=site_tree.home_de)
    translate(index, ENGLISH, DemoLog())
    chapter = StrategyChapterPageFactory(
        parent=index,
        title="Digitale Verwaltung",
        slug="digitale-verwaltung",
        chapter_number=5,
        summary="Behördengänge online erledigen.",
        sections=[section("Einführung", "Die Zukunft ist digital.")],
        goals=[
            goal(
                "Online-Dienste rund um die Uhr",
                measure("Online-Termine", status="done", timeframe="seit 2020"),
                measure("Digitale Anträge", status="in_progress"),
            ),
            goal(
                "Digitale Kompetenzen",
                measure("Qualifizierungsprogramm", unit="Fachdienst Personal"),
                measure("Prozesswerkstatt", unit="Fachdienst Personal"),
            ),
        ],
    )
    translate(chapter, ENGLISH, DemoLog())
    return StrategyChapterPage.objects.get(pk=chapter.pk)


def resync_english(page_de: StrategyChapterPage, site_tree) -> None:
    """What an editor's "Sync translated pages" does: update the source, then the target."""
    source, _created = TranslationSource.update_or_create_from_instance(page_de)
    translation = Translation.objects.get(source=source, target_locale=site_tree.en)
    translation.save_target(publish=False)
    page_de.get_translation(site_tree.en).get_latest_revision().publish()
