"""The Smart City strategy with its five fields of action, German and English."""

from home.demo.tools import DemoLog, child_page, placeholder_image, rich_text, translate
from home.models import HomePage
from strategy.models import StrategyChapterPage, StrategyIndexPage

from . import content


def load(log: DemoLog) -> None:
    home = HomePage.objects.get(locale__language_code="de", depth=2)
    index = child_page(
        home,
        StrategyIndexPage(
            title=content.INDEX["title"][0],
            slug=content.INDEX["slug"][0],
            intro=rich_text(*(de for de, _en in content.INDEX["intro"])),
            show_in_menus=True,
        ),
        log,
    )
    strings = {content.INDEX[f][0]: content.INDEX[f][1] for f in ("title", "slug")}
    strings.update(dict(content.INDEX["intro"]))
    translate(index, strings, log)
    for chapter in content.CHAPTERS:
        page, strings = chapter_page(chapter, log)
        translate(child_page(index, page, log), strings, log)


def chapter_page(chapter: dict, log: DemoLog) -> tuple[StrategyChapterPage, dict[str, str]]:
    """An unsaved German chapter and the English text of each of its segments."""
    strings = {}

    def de(pair: tuple[str, str]) -> str:
        strings[pair[0]] = pair[1]
        return pair[0]

    image = chapter["image"]
    sections = [
        ("section", {
            "heading": de(heading),
            "content": [("paragraph", rich_text(de(paragraph))) for paragraph in paragraphs],
        })
        for heading, paragraphs in chapter["sections"]
    ]
    goals = [
        ("goal", {
            "title": de(goal["title"]),
            "description": de(goal["description"]),
            "measures": [
                {
                    "title": de(measure["title"]),
                    "description": de(measure["description"]),
                    "status": measure["status"],
                    "responsible_unit": de(measure["unit"]),
                    "timeframe": de(measure["timeframe"]),
                }
                for measure in goal["measures"]
            ],
        })
        for goal in chapter["goals"]
    ]
    page = StrategyChapterPage(
        title=de(chapter["title"]),
        slug=de(chapter["slug"]),
        chapter_number=chapter["number"],
        summary=de(chapter["summary"]),
        image=placeholder_image(
            image["title"], image["alt"][0], "Smart City Jena", image["colour"], log
        ),
        image_alt_text=de(image["alt"]),
        sections=sections,
        goals=goals,
        hosts_participation=True,
    )
    return page, strings
