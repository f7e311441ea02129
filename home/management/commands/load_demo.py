import importlib
import importlib.util
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand

from home.demo.tools import DemoLog


def demo_loaders():
    """The ``load`` function of each installed app's ``demo`` module, home first."""
    for config in apps.get_app_configs():
        module_name = f"{config.name}.demo"
        if Path(config.path).is_relative_to(settings.BASE_DIR) and importlib.util.find_spec(
            module_name
        ):
            yield importlib.import_module(module_name).load


class Command(BaseCommand):
    help = "Create the demo content in German and English. Safe to run again."

    def handle(self, *args, **options):
        log = DemoLog()
        # No transaction around the whole run: each step commits on its own, and a run that
        # stopped halfway is completed by the next (every step skips what already exists).
        for load in demo_loaders():
            load(log)
        if log.created:
            for line in log.created:
                self.stdout.write(f"  created {line}")
            self.stdout.write(self.style.SUCCESS(f"Demo content loaded: {len(log.created)} items."))
        else:
            self.stdout.write("Demo content is already complete; nothing changed.")
