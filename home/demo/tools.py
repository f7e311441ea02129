"""Helpers for demo content: pages through the model API, English through wagtail-localize.

Each app's ``demo`` module uses these; ``load_demo`` runs them all. Every helper is
idempotent: it finds what exists and creates only what is missing.
"""

import io
from dataclasses import dataclass, field

from django.core.files.images import ImageFile
from django.db import transaction
from PIL import Image, ImageDraw
from wagtail.images import get_image_model
from wagtail.models import DraftStateMixin, Locale, Page
from wagtail_localize.models import StringTranslation, Translation, TranslationSource


@dataclass
class DemoLog:
    """What a demo run created; a second run creates nothing."""

    created: list[str] = field(default_factory=list)

    def add(self, what: str) -> None:
        self.created.append(what)


class MissingTranslation(Exception):
    pass


def english() -> Locale:
    return Locale.objects.get_or_create(language_code="en")[0]


def german() -> Locale:
    return Locale.objects.get_or_create(language_code="de")[0]


def child_page(parent: Page, page: Page, log: DemoLog) -> Page:
    """Add ``page`` under ``parent`` and publish it, unless a page with its slug is there."""
    existing = parent.get_children().filter(slug=page.slug).first()
    if existing is not None:
        return existing.specific
    page.locale = parent.locale
    parent.add_child(instance=page)
    page.save_revision().publish()
    log.add(f"{page._meta.verbose_name}: {page.title} ({page.locale.language_code})")
    return page


def translate(source, strings: dict[str, str], log: DemoLog, locale: Locale | None = None):
    """Translate ``source`` into English through wagtail-localize, segment by segment.

    ``strings`` maps each German text segment to its English text; a segment without an
    entry is an error, so the demo never shows German on an English page. The translation
    is then complete in wagtail-localize's editor, exactly as if a translator had typed it.

    The translated revision is published here rather than by ``save_target(publish=True)``,
    which defers publishing to the end of the outermost transaction and then overwrites the
    page's tree fields (``numchild``) with values from before its children were added.
    """
    locale = locale or english()
    existing = source.get_translation_or_none(locale)
    if existing is not None:
        return existing
    with transaction.atomic():
        translation_source, _ = TranslationSource.get_or_create_from_instance(source)
        translation, _ = Translation.objects.get_or_create(
            source=translation_source, target_locale=locale
        )
        missing = []
        for segment in translation_source.stringsegment_set.select_related("string"):
            text = segment.string.data
            if text not in strings:
                missing.append(text)
                continue
            StringTranslation.objects.update_or_create(
                translation_of=segment.string,
                locale=locale,
                context=segment.context,
                defaults={"data": strings[text]},
            )
        if missing:
            raise MissingTranslation(
                f"No English text for {len(missing)} segment(s) of {source}: {missing}"
            )
        if isinstance(source, DraftStateMixin):
            translation.save_target(publish=False)
            target = source.get_translation(locale)
            if getattr(source, "live", False):
                target.get_latest_revision().publish()
                target.refresh_from_db()
        else:
            translation.save_target(publish=True)  # saved directly: there is nothing to defer
            target = source.get_translation(locale)
    log.add(f"translation: {target} ({locale.language_code})")
    return target


def rich_text(*paragraphs: str) -> str:
    return "".join(f"<p>{p}</p>" for p in paragraphs)


def bilingual_stream(items) -> tuple[list, dict[str, str]]:
    """Build a German ``BaseStreamBlock`` value and its English segment texts side by side.

    ``items`` are ``("heading", de, en)`` or ``("text", de, en)`` (one paragraph each).
    """
    stream, strings = [], {}
    for kind, de, en in items:
        strings[de] = en
        if kind == "heading":
            stream.append(("heading", {"text": de, "level": "h2"}))
        else:
            stream.append(("paragraph", rich_text(de)))
    return stream, strings


def placeholder_image(title: str, alt_text: str, credit: str, colour: str, log: DemoLog):
    """A locally generated image (no download), found again by its title on the next run."""
    image_model = get_image_model()
    existing = image_model.objects.filter(title=title).first()
    if existing is not None:
        return existing
    canvas = Image.new("RGB", (1600, 900), colour)
    draw = ImageDraw.Draw(canvas)
    for step in range(-900, 1600, 80):
        draw.line([(step, 900), (step + 900, 0)], fill="white", width=3)
    draw.ellipse([(1100, 120), (1460, 480)], outline="white", width=12)
    buffer = io.BytesIO()
    canvas.save(buffer, format="JPEG", quality=85)
    slug = "".join(c if c.isalnum() else "-" for c in title.lower()).strip("-")[:60]
    image = image_model(title=title, description=alt_text, credit=credit)
    image.file = ImageFile(buffer, name=f"{slug}.jpg")
    image.save()
    log.add(f"image: {title}")
    return image
