"""The one thing a host page inherits to carry a discussion: ``ParticipationMixin``.

A page type opts in with ``class ChapterPage(ParticipationMixin, Page)``, adds
``participation_panels`` to its panels and ``participation_synchronized_fields`` to its
``override_translatable_fields``, and renders ``{% participation_discussion page %}``. The
settings (does it host participation, when does it open and close) belong to the translation
group: they are synchronised by wagtail-localize and always read from the source-language page,
so an English copy never lags behind a German change that was not synced yet.
"""

import datetime
import enum
from dataclasses import dataclass

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.snippets.blocks import SnippetChooserBlock
from wagtail_localize.fields import SynchronizedField


class Phase(enum.Enum):
    NOT_HOSTED = "not_hosted"
    UPCOMING = "upcoming"
    OPEN = "open"
    CLOSED = "closed"


@dataclass(frozen=True)
class Target:
    """A part of the page that citizens can discuss on its own, e.g. a goal or a measure.

    ``key`` is stable across languages and edits (a StreamField block id); ``kind`` is a short
    word the host chooses ("goal", "measure"); ``label`` is what readers see ("Measure 2.3:
    Online appointments"); ``anchor`` the element id on the page."""

    key: str
    kind: str
    label: str
    anchor: str
    description: str = ""


class ModerationMode(models.TextChoices):
    POST = "post", _("Post-moderation: comments appear at once; reports go to the moderators")
    PRE = "pre", _("Pre-moderation: comments appear once a moderator approved them")


@dataclass(frozen=True)
class ParticipationSettings:
    hosted: bool
    opens_at: datetime.datetime | None
    closes_at: datetime.datetime | None
    moderation: str = ModerationMode.POST

    @property
    def premoderated(self) -> bool:
        return self.moderation == ModerationMode.PRE

    def phase(self, now: datetime.datetime | None = None) -> Phase:
        now = now or timezone.now()
        if not self.hosted:
            return Phase.NOT_HOSTED
        if self.opens_at and now < self.opens_at:
            return Phase.UPCOMING
        if self.closes_at and now >= self.closes_at:
            return Phase.CLOSED
        return Phase.OPEN


SETTING_FIELDS = (
    "hosts_participation",
    "participation_opens_at",
    "participation_closes_at",
    "participation_moderation",
)


class ParticipationMixin(models.Model):
    hosts_participation = models.BooleanField(
        _("hosts participation"),
        default=False,
        help_text=_("Citizens can discuss this page and its parts (for a chapter: its goals and "
                    "measures)."),
    )
    participation_opens_at = models.DateTimeField(
        _("participation opens"),
        null=True,
        blank=True,
        help_text=_("Empty: open as soon as the page hosts participation."),
    )
    participation_closes_at = models.DateTimeField(
        _("participation closes"),
        null=True,
        blank=True,
        help_text=_("Empty: no end. After closing, the discussion stays readable."),
    )

    participation_moderation = models.CharField(
        _("moderation"), max_length=8, choices=ModerationMode.choices,
        default=ModerationMode.POST,
    )
    # The surveys shown on the page, in this order. Chosen on the German page and synchronised;
    # an English copy shows each survey's English version (``participation_surveys_shown``).
    participation_surveys = StreamField(
        [("survey", SnippetChooserBlock("participation.Survey", label=_("survey")))],
        verbose_name=_("surveys"), blank=True,
        help_text=_("Surveys open and close with the participation unless they have times of "
                    "their own."),
    )

    participation_panels = [
        MultiFieldPanel(
            [*(FieldPanel(name) for name in SETTING_FIELDS), FieldPanel("participation_surveys")],
            heading=_("Citizen participation"),
        ),
    ]
    participation_synchronized_fields = [
        SynchronizedField(name, overridable=False)
        for name in (*SETTING_FIELDS, "participation_surveys")
    ]

    class Meta:
        abstract = True

    def participation_targets(self) -> list[Target]:
        """The parts of the page with a discussion of their own; hosts override this."""
        return []

    def participation_removed_label(self, kind: str) -> str:
        """How a comment on a part that no longer exists is introduced; hosts may override."""
        return str(_("about a part of the page that was removed"))

    @cached_property
    def participation_settings(self) -> ParticipationSettings:
        values = self._source_setting_values()
        return ParticipationSettings(*values)

    def _source_setting_values(self) -> tuple:
        own = tuple(getattr(self, name) for name in SETTING_FIELDS)
        if getattr(self, "locale_id", None) is None:
            return own
        source = (
            type(self).objects.filter(
                translation_key=self.translation_key,
                locale__language_code=settings.LANGUAGE_CODE,
            )
            .values_list(*SETTING_FIELDS)
            .first()
        )
        return source or own

    def participation_phase(self, now=None) -> Phase:
        return self.participation_settings.phase(now)

    @cached_property
    def participation_survey_keys(self) -> list:
        """The translation keys of the surveys on this page, as the German page lists them."""
        source = self
        if getattr(self, "locale_id", None) is not None and (
                self.locale.language_code != settings.LANGUAGE_CODE):
            source = (type(self).objects.filter(translation_key=self.translation_key,
                                                locale__language_code=settings.LANGUAGE_CODE)
                      .only("participation_surveys").first() or self)
        ids = [item["value"] for item in source.participation_surveys.raw_data
               if item.get("value")]
        from .models import Survey

        keys = dict(Survey.objects.filter(pk__in=ids).values_list("pk", "translation_key"))
        return list(dict.fromkeys(keys[pk] for pk in ids if pk in keys))

    def participation_surveys_shown(self) -> list:
        """The surveys of this page in its language (the German one where none exists)."""
        from .models import Survey

        keys = self.participation_survey_keys
        found = {}
        for survey in Survey.objects.filter(translation_key__in=keys).select_related("locale"):
            current = found.get(survey.translation_key)
            if current is None or survey.locale_id == self.locale_id:
                found[survey.translation_key] = survey
        return [found[key] for key in keys if key in found]
