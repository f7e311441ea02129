from datetime import datetime

import factory
import wagtail_factories
from django.utils import timezone

from events.models import EventFormat, EventIndexPage, EventOccurrence, EventPage
from strategy.models import StrategyChapterPage, StrategyIndexPage


def berlin(*args) -> datetime:
    """An aware datetime in the site's time zone (Europe/Berlin)."""
    return timezone.make_aware(datetime(*args))


class EventIndexPageFactory(wagtail_factories.PageFactory):
    title = "Veranstaltungen"
    slug = "veranstaltungen"
    intro = "Termine zum Mitmachen."

    class Meta:
        model = EventIndexPage


class EventPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Werkstatt {n}")
    slug = factory.Sequence(lambda n: f"werkstatt-{n}")
    summary = factory.LazyAttribute(lambda page: f"Worum es bei {page.title} geht.")
    event_format = EventFormat.ONLINE
    online_url = "https://meet.example.org/jena"
    organiser = "Projektteam Smart City"

    class Meta:
        model = EventPage


class ChapterIndexFactory(wagtail_factories.PageFactory):
    title = "Strategie"
    slug = "strategie"

    class Meta:
        model = StrategyIndexPage


class ChapterFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Handlungsfeld {n}")
    slug = factory.Sequence(lambda n: f"handlungsfeld-{n}")
    chapter_number = factory.Sequence(lambda n: n + 1)

    class Meta:
        model = StrategyChapterPage


def event(parent, *dates, all_day=False, **fields) -> EventPage:
    """A published event with one occurrence per ``(start, end)`` pair."""
    page = EventPageFactory(parent=parent, **fields)
    for start, end in dates:
        EventOccurrence.objects.create(page=page, start=start, end=end, all_day=all_day)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def localize(page, language_code: str = "en"):
    """Translate ``page`` through wagtail-localize, as the translation editor does: every
    text segment becomes "EN: <German>". Run it again to sync after the German page changed.
    Call it inside ``django_capture_on_commit_callbacks(execute=True)`` (publishing waits
    for the commit)."""
    from wagtail.models import Locale
    from wagtail_localize.models import StringTranslation, Translation, TranslationSource

    locale = Locale.objects.get_or_create(language_code=language_code)[0]
    source, created = TranslationSource.get_or_create_from_instance(page)
    if not created:
        source.update_from_db()
    translation, _ = Translation.objects.get_or_create(source=source, target_locale=locale)
    for segment in source.stringsegment_set.select_related("string"):
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=locale,
            context=segment.context,
            defaults={"data": f"EN: {segment.string.data}"},
        )
    translation.save_target(publish=True)
    return page.get_translation(locale)
