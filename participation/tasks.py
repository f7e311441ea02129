"""Background work of the add-on, run through Django's task framework (django-tasks)."""

from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django_tasks import task
from wagtail.models import Page

from . import rules
from .models import CitizenComment


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
