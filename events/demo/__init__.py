"""Demo events: the index page and the participation series, German with English copies."""

from datetime import datetime, time, timedelta

from django.utils import timezone
from django.utils.text import slugify
from wagtail.models import Locale

from events.models import EventIndexPage, EventOccurrence, EventPage
from home.demo.tools import DemoLog, bilingual_stream, child_page, translate
from home.models import HomePage
from strategy.models import StrategyChapterPage

from . import content


def load(log: DemoLog) -> None:
    home = HomePage.objects.filter(locale__language_code="de", depth=2).first()
    if home is None:
        return
    index = child_page(
        home,
        EventIndexPage(
            title=content.INDEX["title"][0],
            slug=content.INDEX["slug"][0],
            intro=content.INDEX["intro"][0],
            show_in_menus=True,
        ),
        log,
    )
    translate(index, {content.INDEX[f][0]: content.INDEX[f][1] for f in content.INDEX}, log)
    chapters = {
        chapter.chapter_number: chapter
        for chapter in StrategyChapterPage.objects.filter(locale=home.locale)
    }
    today = timezone.localdate()
    for item in content.EVENTS:
        page, strings = event_page(item, today, chapters)
        page = child_page(index, page, log)
        translate(page, strings, log)


def event_page(item: dict, today, chapters: dict) -> tuple[EventPage, dict[str, str]]:
    """An unsaved German event with its dates, and the English text of each segment.

    ``child_page`` keeps an existing page of the same slug, so dates are computed once, on
    the first run, and never moved by later runs.
    """
    body, strings = bilingual_stream(item["body"])
    texts = {"title": item["title"], "summary": item["summary"], "organiser": content.ORGANISER}
    for field in ("venue", "status_note"):
        if field in item:
            texts[field] = item[field]
    strings.update(dict(texts.values()))
    strings[item["slug"]] = slugify(item["title"][1])
    page = EventPage(
        title=item["title"][0],
        slug=item["slug"],
        summary=item["summary"][0],
        description=body,
        event_format=item["format"],
        venue_name=texts.get("venue", ("", ""))[0],
        venue_address=item.get("address", ""),
        online_url=item.get("online_url", ""),
        registration_url=item.get("registration_url", ""),
        organiser=content.ORGANISER[0],
        status=item.get("status", "scheduled"),
        status_note=texts.get("status_note", ("", ""))[0],
        locale=Locale.objects.get(language_code="de"),
        related_chapters=[chapters[n] for n in item["chapters"] if n in chapters],
        occurrences=[
            EventOccurrence(
                start=local(today + timedelta(days=days), start),
                end=local(today + timedelta(days=days + length), end),
                all_day=item.get("all_day", False),
            )
            for days, start, end, length in (date + (0,) * (4 - len(date))
                                             for date in item["dates"])
        ],
    )
    return page, strings


def local(day, hour_minute: tuple[int, int]) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(*hour_minute)))
