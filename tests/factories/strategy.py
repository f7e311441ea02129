import factory
import wagtail_factories

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
