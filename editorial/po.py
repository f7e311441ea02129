"""Offline translation: every untranslated or out-of-date item as a PO file, and back.

Exporting syncs each source with its German content first (what wagtail-localize's "Sync
translated pages" does), so the PO files hold today's German texts. Importing applies the
translations, saves the English versions as drafts (a publisher publishes them through the
review workflow) and reports what was applied and what was rejected, e.g. a string that no
longer exists in the German version."""

import io
import re
import zipfile
from dataclasses import dataclass, field

import polib
from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail.models import DraftStateMixin, Locale, Page
from wagtail_localize.models import (
    StringNotUsedInContext,
    Translation,
    TranslationSource,
    UnknownContext,
    UnknownString,
)

from . import translation_status


def to_translate(target: Locale) -> list[Translation]:
    """Translations that lack English for some German text, created where none exists."""
    found = []
    work = translation_status.work(target.language_code)
    for item in work["missing"]:
        source, _ = TranslationSource.get_or_create_from_instance(
            item.source.specific if isinstance(item.source, Page) else item.source)
        translation, _ = Translation.objects.get_or_create(source=source, target_locale=target)
        found.append(translation)
    for item in work["outdated"]:
        item.translation.source.update_from_db()
    for translation in translation_status.translations(target):
        total, done = translation.get_progress()
        if done < total and translation not in found:
            found.append(translation)
    return found


def file_name(translation: Translation) -> str:
    title = slugify(str(translation.source.get_source_instance()))[:60] or "item"
    return f"{title}-{translation.uuid}.po"


def export_zip(target: Locale) -> tuple[bytes, int]:
    translations = to_translate(target)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for translation in translations:
            archive.writestr(file_name(translation), str(translation.export_po()))
    return buffer.getvalue(), len(translations)


@dataclass
class ImportReport:
    applied: list[tuple[str, int]] = field(default_factory=list)  # file, strings applied
    rejected: list[tuple[str, str, str]] = field(default_factory=list)  # file, text, why


REASONS = {
    UnknownString: _("the German text does not exist (any more)"),
    StringNotUsedInContext: _("the German text is no longer used there"),
    UnknownContext: _("the place of the text no longer exists"),
}


def read_files(name: str, data: bytes) -> dict[str, str]:
    if name.endswith(".zip"):
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return {entry: archive.read(entry).decode("utf-8")
                    for entry in archive.namelist() if entry.endswith(".po")}
    return {name: data.decode("utf-8")}


TRANSLATION_ID = re.compile(r"X-WagtailLocalize-TranslationID: ([0-9a-f-]{36})")


def import_files(files: dict[str, str], user=None) -> ImportReport:
    report = ImportReport()
    for name, text in sorted(files.items()):
        try:
            po = polib.pofile(text)
            translation = Translation.objects.get(
                uuid=po.metadata.get("X-WagtailLocalize-TranslationID", ""))
        except (OSError, ValueError, Translation.DoesNotExist):
            report.rejected.append((name, "", _("not a PO file of this site's translations")))
            continue
        with transaction.atomic():
            warnings = translation.import_po(po, user=user)
            skipped = {warning.index for warning in warnings}
            for warning in warnings:
                text_of = getattr(warning, "string", "") or getattr(warning, "context", "")
                report.rejected.append((name, text_of, REASONS.get(type(warning), _("rejected"))))
            applied = sum(1 for index, entry in enumerate(po)
                          if entry.msgstr and index not in skipped)
            report.applied.append((name, applied))
            total, done = translation.get_progress()
            if done == total:
                # Pages become drafts (a publisher publishes them); snippets without drafts
                # (topics, contacts, surveys) can only be saved as they are.
                model = translation.source.specific_content_type.model_class()
                translation.save_target(user=user,
                                        publish=not issubclass(model, DraftStateMixin))
    return report
