"""What the translators have to do: German content without an English version, English
versions out of date since the German changed (and which German texts changed),
translations in progress, and saved ones waiting to be sent for review. Read straight from
wagtail-localize's records."""

from dataclasses import dataclass, field

from django.apps import apps
from django.conf import settings
from django.db.models import Max
from wagtail.models import Locale, Page, TranslatableMixin
from wagtail_localize.models import StringSegment, StringTranslation, Translation
from wagtail_localize.segments.extract import extract_segments
from wagtail_localize.strings import StringValue


@dataclass
class Item:
    title: str
    kind: str
    source: object
    translation: Translation | None = None
    changed: list[str] = field(default_factory=list)  # German texts new since the last sync
    progress: tuple[int, int] = (0, 0)


def source_language() -> str:
    return settings.LANGUAGE_CODE


def snippet_models():
    return [model for model in apps.get_models()
            if issubclass(model, TranslatableMixin) and not issubclass(model, Page)
            and hasattr(model, "snippet_viewset")]


def current_strings(instance) -> set[str]:
    texts = set()
    for segment in extract_segments(instance):
        string = getattr(segment, "string", None)
        if isinstance(string, StringValue):
            texts.add(string.data)
    return texts


def changed_since_sync(translation: Translation) -> list[str]:
    instance = translation.source.get_source_instance()
    if isinstance(instance, Page):
        instance = instance.specific
    synced = set(StringSegment.objects.filter(source=translation.source)
                 .values_list("string__data", flat=True))
    return sorted(current_strings(instance) - synced)


def missing(target: Locale) -> list[Item]:
    source = Locale.objects.get(language_code=source_language())
    translated = Page.objects.filter(locale=target).values("translation_key")
    items = [
        Item(page.title, page.specific_class._meta.verbose_name, page)
        for page in Page.objects.live().filter(locale=source, depth__gt=1)
        .exclude(translation_key__in=translated).order_by("path")
    ]
    for model in snippet_models():
        done = model.objects.filter(locale=target).values("translation_key")
        items += [Item(str(obj), model._meta.verbose_name, obj)
                  for obj in model.objects.filter(locale=source)
                  .exclude(translation_key__in=done)]
    return items


def translations(target: Locale):
    return (Translation.objects.filter(target_locale=target, enabled=True)
            .select_related("source", "source__specific_content_type"))


def saved_but_not_in_page(translation: Translation):
    """The translated page when the translator saved texts in wagtail-localize's editor after
    the page's latest revision and no review is running: it waits to be written into a draft
    and sent to the publishers (texts still untranslated keep the German wording there)."""
    if not issubclass(translation.source.specific_content_type.model_class(),
                                      Page):
        return None
    try:
        page = translation.get_target_instance()
    except Page.DoesNotExist:
        return None
    last_saved = (StringTranslation.objects.filter(
        context__object_id=translation.source.object_id, locale=translation.target_locale)
        .aggregate(last=Max("updated_at"))["last"])
    revised = page.latest_revision.created_at if page.latest_revision else None
    if page.workflow_in_progress or last_saved is None or (revised and revised >= last_saved):
        return None
    return page


def work(target_language: str = "en") -> dict[str, list[Item]]:
    target = Locale.objects.filter(language_code=target_language).first()
    if target is None:
        return {"missing": [], "outdated": [], "in_progress": [], "ready": []}
    outdated, in_progress, ready = [], [], []
    for translation in translations(target):
        instance = translation.source.get_source_instance()
        title = str(instance)
        kind = translation.source.specific_content_type.name
        if changed := changed_since_sync(translation):
            outdated.append(Item(title, kind, instance, translation, changed))
        total, done = translation.get_progress()
        if done < total:
            in_progress.append(Item(title, kind, instance, translation,
                                    progress=(done, total)))
        if page := saved_but_not_in_page(translation):
            ready.append(Item(title, kind, page, translation, progress=(done, total)))
    return {"missing": missing(target), "outdated": outdated, "in_progress": in_progress,
            "ready": ready}
