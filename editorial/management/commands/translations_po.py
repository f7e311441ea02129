"""Offline translation from the command line: ``translations_po export DIR`` writes a PO file
for every untranslated or out-of-date item; ``translations_po import DIR`` reads them back and
reports what was applied and what was rejected."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from wagtail.models import Locale

from editorial import po


class Command(BaseCommand):
    help = "Export untranslated and out-of-date items as PO files, or import them back."

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["export", "import"])
        parser.add_argument("folder", type=Path)
        parser.add_argument("--language", default="en")

    def handle(self, action, folder, language, **options):
        target = Locale.objects.filter(language_code=language).first()
        if target is None:
            raise CommandError(f"No locale {language!r}.")
        if action == "export":
            folder.mkdir(parents=True, exist_ok=True)
            translations = po.to_translate(target)
            for translation in translations:
                (folder / po.file_name(translation)).write_text(str(translation.export_po()),
                                                                encoding="utf-8")
            self.stdout.write(f"{len(translations)} PO files written to {folder}")
            return
        if not folder.is_dir():
            raise CommandError(f"{folder} is not a folder.")
        files = {path.name: path.read_text(encoding="utf-8") for path in folder.glob("*.po")}
        report = po.import_files(files)
        for name, count in report.applied:
            self.stdout.write(f"applied {count:4d}  {name}")
        for name, text, why in report.rejected:
            self.stdout.write(f"rejected      {name}: {text!r} ({why})")
