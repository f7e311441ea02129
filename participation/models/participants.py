"""What the add-on keeps about a citizen besides the account: the public name and choices."""

import re
import unicodedata

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

PRIVACY_NOTICE_VERSION = "2026-12"


def validate_display_name(value: str) -> None:
    if "@" in value:
        raise ValidationError(
            _("Please choose a name without “@”: your e-mail address is never shown."),
            code="email",
        )
    if any(unicodedata.category(char).startswith("C") for char in value):
        raise ValidationError(_("The name contains characters that cannot be shown."),
                              code="control")
    reserved = [word.casefold() for word in getattr(settings, "PARTICIPATION_RESERVED_NAMES", [])]
    if any(word in value.casefold() for word in reserved):
        raise ValidationError(
            _("This name is reserved for the city's own accounts. Please choose another."),
            code="reserved",
        )


def clean_display_name(value: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", value)).strip()


class Participant(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="participant",
        verbose_name=_("account"),
    )
    display_name = models.CharField(
        _("public name"), max_length=50, validators=[validate_display_name],
        help_text=_("Shown with your comments. Your e-mail address is never shown."),
    )
    notify_replies = models.BooleanField(
        _("e-mail me when someone replies to my comments"), default=True
    )
    privacy_consent_at = models.DateTimeField(_("privacy notice accepted"), null=True,
                                              blank=True)
    privacy_consent_version = models.CharField(_("version accepted"), max_length=20, blank=True)
    blocked_at = models.DateTimeField(_("blocked"), null=True, blank=True)
    blocked_reason = models.TextField(_("reason for blocking"), blank=True, max_length=2000)
    created_at = models.DateTimeField(_("created"), default=timezone.now)

    class Meta:
        verbose_name = _("participant")
        verbose_name_plural = _("participants")

    def __str__(self):
        return self.display_name

    @property
    def is_blocked(self) -> bool:
        return self.blocked_at is not None

    @property
    def has_consented(self) -> bool:
        return self.privacy_consent_at is not None

    def record_consent(self) -> None:
        self.privacy_consent_at = timezone.now()
        self.privacy_consent_version = PRIVACY_NOTICE_VERSION
        self.save(update_fields=["privacy_consent_at", "privacy_consent_version"])
