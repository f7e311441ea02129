"""The moderators' and the city's writes: reports, decisions, official answers, blocking.

Every decision is written to Wagtail's audit log (who, when, what, why), tells the author why
in their language (a statement of reasons) and tells the reporters the outcome; all of that is
sent after the transaction commits, by background tasks."""

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from . import rules, signals
from .models import (
    CitizenComment,
    CommentStatus,
    HideReason,
    OfficialAnswer,
    Participant,
    Report,
    ReportOutcome,
    ReportReason,
)
from .services import Refusal, _check_rate, ensure_can_post


def hide_threshold() -> int:
    return getattr(settings, "PARTICIPATION_HIDE_THRESHOLD", 3)


def distinct_reporters(comment) -> int:
    """Open reports by distinct citizens with a verified address (one citizen, one voice)."""
    return (
        Report.objects.filter(comment=comment, outcome=ReportOutcome.OPEN,
                              reporter__emailaddress__verified=True)
        .values("reporter").distinct().count()
    )


def earlier_report(user, comment) -> Report | None:
    """This citizen's report of the comment, if there is one (a citizen reports once)."""
    if not (user and user.is_authenticated):
        return None
    return Report.objects.filter(comment=comment, reporter=user).first()


def report_comment(request, page, comment: CitizenComment, reason: str, text: str = "") -> Report:
    user = request.user
    if comment.discussion.translation_key != page.translation_key:
        raise Refusal(404, _("This comment is not part of this discussion."))
    ensure_can_post(user, page)
    if rules.is_author(user, comment):
        raise Refusal(403, _("You cannot report your own comment."))
    if earlier := earlier_report(user, comment):
        # The second click: the same answer as the first, even if that first report was the
        # one that hid the comment in between.
        return earlier
    if not comment.is_visible:
        raise Refusal(400, _("This comment is no longer shown."))
    if reason not in ReportReason.values:
        raise Refusal(400, _("Please choose a reason."))
    text = (text or "").replace("\x00", "").strip()[:1000]
    if reason == ReportReason.OTHER and not text:
        raise Refusal(400, _("Please say briefly what is wrong with this comment."))
    _check_rate(request, "report")
    try:
        with transaction.atomic():
            report = Report.objects.create(comment=comment, reporter=user, reason=reason,
                                           text=text)
            locked = CitizenComment.objects.select_for_update().get(pk=comment.pk)
            if (locked.status == CommentStatus.PUBLISHED and not locked.awaiting_decision
                    and distinct_reporters(locked) >= hide_threshold()):
                locked.status = CommentStatus.HIDDEN
                locked.awaiting_decision = True
                locked.save(update_fields=["status", "awaiting_decision"])
                log(instance=locked, action="participation.comment.auto_hide",
                    data={"reporters": distinct_reporters(locked)})
                signals.comment_changed(locked, "hidden")
            transaction.on_commit(lambda: _enqueue("notify_moderators", report.pk))
    except IntegrityError:
        return Report.objects.get(comment=comment, reporter=user)  # a concurrent double click
    return report


def _enqueue(task_name: str, *args) -> None:
    from . import tasks

    getattr(tasks, task_name).enqueue(*args)


APPROVE, HIDE, RESTORE = "approve", "hide", "restore"


def decide(moderator, comment: CitizenComment, decision: str, reason: str = "",
           note: str = "") -> CitizenComment:
    """A moderator's decision on a comment: approve (publish or keep), hide, or restore."""
    if not rules.can_moderate(moderator):
        raise Refusal(403, _("Only moderators decide on comments."))
    if comment.is_deleted:
        raise Refusal(400, _("The author deleted this comment; there is nothing to decide."))
    if decision == HIDE and reason not in HideReason.values:
        raise Refusal(400, _("Please choose the rule of the netiquette the comment breaks."))
    if decision not in (APPROVE, HIDE, RESTORE):
        raise Refusal(400, _("Unknown decision."))
    note = (note or "").replace("\x00", "").strip()[:2000]
    with transaction.atomic():
        comment = CitizenComment.objects.select_for_update().get(pk=comment.pk)
        was_visible, was_pending = comment.is_visible, comment.status == CommentStatus.PENDING
        comment.status = CommentStatus.HIDDEN if decision == HIDE else CommentStatus.PUBLISHED
        comment.awaiting_decision = False
        comment.moderation_reason = reason if decision == HIDE else ""
        comment.moderation_note = note
        comment.moderated_at = timezone.now()
        comment.moderated_by = moderator
        comment.save(update_fields=["status", "awaiting_decision", "moderation_reason",
                                    "moderation_note", "moderated_at", "moderated_by"])
        outcome = ReportOutcome.HIDDEN if decision == HIDE else ReportOutcome.KEPT
        reporters = list(Report.objects.filter(comment=comment, outcome=ReportOutcome.OPEN)
                         .values_list("pk", flat=True))
        Report.objects.filter(pk__in=reporters).update(outcome=outcome,
                                                       resolved_at=comment.moderated_at)
        log(instance=comment, action=f"participation.comment.{decision}", user=moderator,
            data={"reason": comment.moderation_reason, "note": note,
                  "reports": len(reporters)})
        if comment.is_visible != was_visible or was_pending:
            signals.comment_changed(comment, decision)
        comment_id = comment.pk
        if decision == HIDE or not (was_visible or was_pending):
            transaction.on_commit(lambda: _enqueue("send_statement_of_reasons", comment_id))
        if reporters:
            transaction.on_commit(lambda: _enqueue("tell_reporters", comment_id, reporters))
        if was_pending and decision == APPROVE and comment.parent_id:
            transaction.on_commit(lambda: _enqueue("notify_reply", comment_id))
    return comment


def answer(staff, comment: CitizenComment, *, text: str, status: str, led_to: str = "",
           language: str = "de", page=None) -> OfficialAnswer:
    if not rules.can_answer_officially(staff):
        raise Refusal(403, _("Only staff with the permission answer for the city."))
    text = (text or "").replace("\x00", "").strip()
    if not text:
        raise Refusal(400, _("Please write the answer."))
    if led_to and page is not None and led_to not in {
            t.key for t in page.participation_targets()}:
        raise Refusal(400, _("This goal or measure does not exist on the page."))
    with transaction.atomic():
        official, created = OfficialAnswer.objects.update_or_create(
            comment=comment,
            defaults={"author": staff, "text": text[:5000], "status": status,
                      "led_to": led_to, "language": language},
        )
        log(instance=comment, action="participation.comment.answer", user=staff,
            data={"status": status, "led_to": led_to, "created": created})
        signals.comment_changed(comment, "answered")
    return official


def set_blocked(moderator, participant: Participant, blocked: bool, reason: str = "") -> None:
    if not rules.can_moderate(moderator):
        raise Refusal(403, _("Only moderators block citizens."))
    with transaction.atomic():
        participant.blocked_at = timezone.now() if blocked else None
        participant.blocked_reason = (reason or "").strip()[:2000] if blocked else ""
        participant.save(update_fields=["blocked_at", "blocked_reason"])
        log(instance=participant, action="participation.citizen.block" if blocked
            else "participation.citizen.unblock", user=moderator, data={"reason": reason})
