"""What citizens report, and how the city answers."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ReportReason(models.TextChoices):
    INSULT = "insult", _("Insult or personal attack")
    SPAM = "spam", _("Advertising or spam")
    OFF_TOPIC = "off_topic", _("Off topic")
    PERSONAL_DATA = "personal_data", _("Personal data of others")
    OTHER = "other", _("Something else")


class ReportOutcome(models.TextChoices):
    OPEN = "", _("Waiting for a decision")
    KEPT = "kept", _("The comment stays")
    HIDDEN = "hidden", _("The comment was hidden")


class Report(models.Model):
    """A citizen tells the moderators that a comment breaks the rules; once per citizen."""
    # Citizens' input links to nothing an editor needs to see the usage of; indexing each
    # save would queue a task per comment, support and answer.
    wagtail_reference_index_ignore = True


    comment = models.ForeignKey(
        "participation.CitizenComment", on_delete=models.CASCADE, related_name="reports",
        verbose_name=_("comment"),
    )
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="comment_reports", verbose_name=_("reported by"),
    )
    reason = models.CharField(_("reason"), max_length=32, choices=ReportReason.choices)
    text = models.TextField(_("details"), blank=True, max_length=1000)
    created_at = models.DateTimeField(_("reported"), default=timezone.now)
    outcome = models.CharField(_("outcome"), max_length=16, blank=True,
                               choices=ReportOutcome.choices)
    resolved_at = models.DateTimeField(_("decided"), null=True, blank=True)

    class Meta:
        verbose_name = _("report")
        verbose_name_plural = _("reports")
        constraints = [
            models.UniqueConstraint(
                fields=["comment", "reporter"], condition=Q(reporter__isnull=False),
                name="participation_report_once",
            ),
        ]

    def __str__(self):
        return f"{self.get_reason_display()} ({self.comment_id})"


class AnswerStatus(models.TextChoices):
    TAKEN_UP = "taken_up", _("Taken up")
    PLANNED = "planned", _("Already planned")
    NOT_POSSIBLE = "not_possible", _("Not possible")
    ANSWERED = "answered", _("Answered")


class OfficialAnswer(models.Model):
    """The city's answer to a comment, pinned under it; it may name the goal or measure the
    comment led to ("You said, we did")."""

    comment = models.OneToOneField(
        "participation.CitizenComment", on_delete=models.CASCADE, related_name="official_answer",
        verbose_name=_("comment answered"),
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+", verbose_name=_("written by"),
    )
    text = models.TextField(_("answer"), max_length=5000)
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    status = models.CharField(_("status"), max_length=16, choices=AnswerStatus.choices,
                              default=AnswerStatus.ANSWERED)
    led_to = models.CharField(
        _("led to"), max_length=64, blank=True,
        help_text=_("The goal or measure of the page this comment led to, if any."),
    )
    created_at = models.DateTimeField(_("answered"), default=timezone.now)
    updated_at = models.DateTimeField(_("changed"), auto_now=True)

    class Meta:
        verbose_name = _("official answer")
        verbose_name_plural = _("official answers")

    def __str__(self):
        return f"{self.get_status_display()}: {self.text[:40]}"
