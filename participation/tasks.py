"""Background work of the add-on, run through Django's task framework (django-tasks)."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django_tasks import task
from wagtail.models import Page

from . import rules
from .models import CitizenComment, Report
from .site_links import moderation_contact, rules_url


def page_in_language(translation_key, language: str):
    pages = Page.objects.live().public().filter(translation_key=translation_key)
    return pages.filter(locale__language_code=language).first() or pages.first()


@task()
def notify_reply(reply_id: int) -> bool:
    """E-mail the author of the comment answered by ``reply_id``, in the language they wrote
    in, if they want it. Runs again safely: a reply notifies once (``notified_at``)."""
    with transaction.atomic():
        reply = (
            CitizenComment.objects.select_for_update(of=("self",))
            .select_related("parent__author__participant", "author__participant", "discussion")
            .filter(pk=reply_id)
            .first()
        )
        if reply is None or reply.notified_at or not reply.is_visible:
            return False
        parent = reply.parent
        recipient = parent.author if parent else None
        participant = getattr(recipient, "participant", None) if recipient else None
        if (
            parent is None
            or not parent.is_visible
            or recipient is None
            or recipient.pk == reply.author_id
            or participant is None
            or not participant.notify_replies
            or not rules.is_verified(recipient)
        ):
            return False
        page = page_in_language(reply.discussion.translation_key, parent.language)
        if page is None:
            return False
        with translation.override(parent.language):
            context = {
                "reply": reply,
                "parent": parent,
                "page": page,
                "url": f"{page.get_full_url()}#{reply.anchor}",
                "recipient_name": participant.display_name,
            }
            subject = render_to_string("participation/email/reply_subject.txt", context)
            body = render_to_string("participation/email/reply_message.txt", context)
        send_mail(" ".join(subject.split()), body, None, [recipient.email])
        reply.notified_at = timezone.now()
        reply.save(update_fields=["notified_at"])
    return True


def _site_url(path: str) -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def _send(template: str, context: dict, language: str, to: list[str]) -> None:
    with translation.override(language):
        subject = render_to_string(f"participation/email/{template}_subject.txt", context)
        body = render_to_string(f"participation/email/{template}_message.txt", context)
    send_mail(" ".join(subject.split()), body, None, to)


@task()
def notify_moderators(report_id: int) -> int:
    """Tell everyone who moderates that a comment was reported; returns how many were told."""
    report = (
        Report.objects.select_related("comment__discussion").filter(pk=report_id).first()
    )
    if report is None:
        return 0
    moderators = get_user_model().objects.with_perm(
        "participation.moderate_citizencomment", include_superusers=False,
        backend="django.contrib.auth.backends.ModelBackend",
    ).filter(is_active=True).exclude(email="")
    comment = report.comment
    context = {
        "report": report,
        "comment": comment,
        "discussion": comment.discussion,
        "url": _site_url(reverse("participation_moderation:edit", args=[comment.pk])),
    }
    for moderator in moderators:
        language = getattr(getattr(moderator, "wagtail_userprofile", None),
                           "preferred_language", "") or settings.LANGUAGE_CODE
        _send("report", context, language, [moderator.email])
    return len(moderators)


@task()
def send_statement_of_reasons(comment_id: int) -> bool:
    """The author learns what was decided about their comment, on which rule, and how to
    object, in the language they wrote in."""
    comment = CitizenComment.objects.select_related("author__participant", "discussion").filter(
        pk=comment_id).first()
    if comment is None or comment.author is None or not comment.author.email:
        return False
    with translation.override(comment.language):
        context = {
            "comment": comment,
            "name": comment.author_name(),
            "page": page_in_language(comment.discussion.translation_key, comment.language),
            "url": _site_url(reverse("participation:decision", args=[comment.pk])),
            "rules_url": rules_url(comment.language),
            "contact": moderation_contact(),
        }
    _send("statement", context, comment.language, [comment.author.email])
    return True


@task()
def tell_reporters(comment_id: int, report_ids: list[int]) -> int:
    reports = Report.objects.filter(pk__in=report_ids, comment_id=comment_id).select_related(
        "reporter", "comment")
    told = 0
    for report in reports:
        if report.reporter is None or not report.reporter.email:
            continue
        language = report.comment.language
        _send("report_outcome", {"report": report, "comment": report.comment}, language,
              [report.reporter.email])
        told += 1
    return told
