"""What the add-on needs to know about the site it runs on, from settings.

``PARTICIPATION_RULES_URL``: dotted path to a callable ``(language) -> str`` giving the address
of the site's netiquette page in that language ("" when there is none).
``PARTICIPATION_MODERATION_CONTACT``: the address citizens write to when they object."""

from django.conf import settings
from django.utils.module_loading import import_string


def rules_url(language: str) -> str:
    path = getattr(settings, "PARTICIPATION_RULES_URL", "")
    return import_string(path)(language) if path else ""


def moderation_contact() -> str:
    return getattr(settings, "PARTICIPATION_MODERATION_CONTACT", settings.DEFAULT_FROM_EMAIL)
