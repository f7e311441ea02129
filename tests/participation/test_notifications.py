"""Reply notifications: to the author, in the language they wrote in, after the commit, once."""

import pytest
from django.core import mail

from participation.models import CitizenComment, Participant
from participation.tasks import notify_reply
from tests.factories.participation import comment
from tests.participation.conftest import post_comment

pytestmark = pytest.mark.django_db


def reply_as(client, user, page, parent, text, capture):
    client.force_login(user)
    with capture(execute=True):
        return post_comment(client, page, text, parent=parent.pk)


def test_a_reply_notifies_the_author_in_the_language_they_wrote_in(
        client, pages, anna, ben, django_capture_on_commit_callbacks):
    question = comment(pages.de, anna, "Gibt es Termine am Samstag?")
    english = comment(pages.en, anna, "And in English?", language="en")
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        client.force_login(ben)
        post_comment(client, pages.en, "Yes, on Saturdays.", parent=question.pk)
    assert mail.outbox == []  # nothing is sent before the transaction commits
    for callback in callbacks:
        callback()
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [anna.email]
    assert message.subject == "Ben hat auf Ihren Beitrag zu „Digitale Verwaltung“ geantwortet"
    assert "Yes, on Saturdays." in message.body
    assert "http://localhost/de/verwaltung/#c-" in message.body
    assert ben.email not in message.body

    reply_as(client, ben, pages.de, english, "Auf Deutsch geantwortet",
             django_capture_on_commit_callbacks)
    assert mail.outbox[1].subject == "Ben replied to your comment on “Digital administration”"
    assert "/en/administration/#c-" in mail.outbox[1].body


def test_no_notification_when_switched_off_or_to_oneself(client, pages, anna, ben,
                                                         django_capture_on_commit_callbacks):
    question = comment(pages.de, anna, "Frage")
    reply_as(client, anna, pages.de, question, "Selbst ergänzt", django_capture_on_commit_callbacks)
    Participant.objects.filter(user=anna).update(notify_replies=False)
    reply_as(client, ben, pages.de, question, "Antwort", django_capture_on_commit_callbacks)
    assert mail.outbox == []


def test_deleted_or_hidden_comments_notify_no_one(pages, anna, ben):
    question = comment(pages.de, anna, "Frage")
    hidden_reply = comment(pages.de, ben, "Versteckt", parent=question, status="hidden")
    deleted = comment(pages.de, anna, "Gelöscht")
    reply_to_deleted = comment(pages.de, ben, "Zu spät", parent=deleted)
    CitizenComment.objects.filter(pk=deleted.pk).update(text="", deleted_at=deleted.created_at)
    assert notify_reply.call(hidden_reply.pk) is False
    assert notify_reply.call(reply_to_deleted.pk) is False
    assert mail.outbox == []


def test_a_notification_runs_again_safely_and_sends_once(pages, anna, ben):
    question = comment(pages.de, anna, "Frage")
    answer = comment(pages.de, ben, "Antwort", parent=question)
    assert notify_reply.call(answer.pk) is True
    assert notify_reply.call(answer.pk) is False
    assert len(mail.outbox) == 1
