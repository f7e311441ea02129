"""Reports, the moderators' decisions in the Wagtail admin, the audit log and the mails."""

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import translation
from wagtail.models import ModelLogEntry

from participation.models import CitizenComment, CommentStatus, Report
from tests.factories.participation import citizen, comment, staff
from tests.participation.conftest import form_data, post_comment, url

pytestmark = pytest.mark.django_db


@pytest.fixture
def moderator(db):
    return staff("participation.moderate_citizencomment",
                 "participation.answer_citizencomment")


def report(client, user, page, target, reason="insult", text=""):
    client.force_login(user)
    return client.post(url("report", page, target.pk),
                       form_data(reason=reason, text=text))


def test_three_distinct_verified_reporters_hide_a_comment_in_both_languages(
        client, pages, anna, ben, django_capture_on_commit_callbacks):
    rude = comment(pages.de, anna, "Unfreundlicher Text")
    assert "Diskussion (1)" in client.get(pages.de.url).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        for _ in range(3):  # one citizen, three reports: one voice
            assert report(client, ben, pages.de, rude).status_code == 302
    assert Report.objects.count() == 1
    unverified = citizen("Ungeprüft", verified=False)
    client.force_login(unverified)
    assert client.post(url("report", pages.de, rude.pk), form_data(reason="spam")
                       ).status_code == 403
    report(client, citizen("Cem"), pages.en, rude, "spam")
    rude.refresh_from_db()
    assert rude.status == CommentStatus.PUBLISHED
    report(client, citizen("Dora"), pages.de, rude, "other", "Beleidigt andere")
    rude.refresh_from_db()
    assert rude.status == CommentStatus.HIDDEN and rude.awaiting_decision
    client.logout()
    for page, heading in ((pages.de, "Diskussion (0)"), (pages.en, "Discussion (0)")):
        html = client.get(page.url).content.decode()
        assert "Unfreundlicher Text" not in html and heading in html
    assert ModelLogEntry.objects.filter(action="participation.comment.auto_hide").exists()


def test_a_report_sent_again_after_it_hid_the_comment_gets_the_first_answer(
        client, pages, anna, ben):
    """The double click that bench/concurrent_posting.py sends: the first click is the third
    report and hides the comment; the second, a moment later, was refused with a 403 "You
    cannot report this comment" although the report it repeats was stored."""
    rude = comment(pages.de, anna, "Unfreundlicher Text")
    for name in ("Cem", "Dora"):
        assert report(client, citizen(name), pages.de, rude).status_code == 302
    first = report(client, ben, pages.de, rude, "spam")
    rude.refresh_from_db()
    assert first.status_code == 302 and rude.status == CommentStatus.HIDDEN
    again = report(client, ben, pages.de, rude, "spam")
    assert again.status_code == 302 and again["Location"] == first["Location"]
    assert Report.objects.filter(comment=rude, reporter=ben).count() == 1
    # Whoever has not reported it yet cannot report a hidden comment.
    assert report(client, citizen("Emil"), pages.de, rude).status_code == 403
    assert Report.objects.filter(comment=rude).count() == 3


def test_moderators_are_mailed_about_reports(client, pages, anna, ben, moderator,
                                             django_capture_on_commit_callbacks):
    moderator.email = "moderation@jena.example"
    moderator.save()
    rude = comment(pages.de, anna, "Text")
    with django_capture_on_commit_callbacks(execute=True):
        report(client, ben, pages.de, rude, "spam")
    assert [m.to for m in mail.outbox] == [["moderation@jena.example"]]
    assert reverse("participation_moderation:edit", args=[rude.pk]) in mail.outbox[0].body


def test_reports_need_a_reason_and_details_for_other(client, pages, anna, ben):
    rude = comment(pages.de, anna, "Text")
    assert report(client, ben, pages.de, rude, "nonsense").status_code == 400
    response = report(client, ben, pages.de, rude, "other", "")
    assert response.status_code == 400
    assert "Bitte sagen Sie kurz" in response.content.decode()
    assert not Report.objects.exists()


@pytest.mark.parametrize("who, status", [("anonymous", 302), ("citizen", 302),
                                         ("editor", 302), ("moderator", 200)])
def test_only_moderators_see_the_queues_and_hidden_texts(client, pages, anna, moderator,
                                                         who, status):
    hidden = comment(pages.de, anna, "Versteckter Text", status=CommentStatus.HIDDEN)
    if who == "citizen":
        client.force_login(citizen("Cem"))
    elif who == "editor":
        client.force_login(staff("wagtailcore.add_page", name="Redaktion"))
    elif who == "moderator":
        client.force_login(moderator)
    # Wagtail answers a signed-in user without the permission by sending them to the
    # dashboard; a visitor without admin access goes to the admin login.
    refused_to = {"anonymous": "/admin/login/", "citizen": "/admin/login/", "editor": "/admin/"}
    for name in ("participation_reported:index", "participation_pending:index",
                 "participation_hidden:index", "participation_moderation:index"):
        response = client.get(reverse(name))
        assert response.status_code == status, name
        if who in refused_to:
            assert response["Location"].split("?")[0] == refused_to[who]
    screen = client.get(reverse("participation_moderation:edit", args=[hidden.pk]))
    assert screen.status_code == status
    if status == 200:
        assert "Versteckter Text" in screen.content.decode()


def decide(client, target, decision, reason="", note=""):
    return client.post(reverse("participation_moderation:edit", args=[target.pk]),
                       {"action": "decide", "decision": decision, "reason": reason,
                        "note": note})


def test_hiding_writes_the_audit_log_and_tells_author_and_reporters(
        client, pages, anna, ben, moderator, django_capture_on_commit_callbacks):
    rude = comment(pages.en, anna, "Rude words", language="en")
    Report.objects.create(comment=rude, reporter=ben, reason="insult")
    client.force_login(moderator)
    assert decide(client, rude, "hide").status_code == 400  # a rule is needed
    with django_capture_on_commit_callbacks(execute=True):
        response = decide(client, rude, "hide", "insult", "Please keep it <b>civil</b>.")
    assert response.status_code == 302
    rude.refresh_from_db()
    assert rude.status == CommentStatus.HIDDEN and rude.moderated_by == moderator
    entry = ModelLogEntry.objects.get(action="participation.comment.hide")
    assert entry.user == moderator and entry.data["reason"] == "insult"
    assert entry.data["note"] == "Please keep it <b>civil</b>."
    statement, outcome = sorted(mail.outbox, key=lambda m: m.to != [anna.email])
    assert statement.to == [anna.email]
    assert statement.subject == "[Smart City Jena] Your comment was hidden" or \
        statement.subject.endswith("Your comment was hidden")
    assert "Insult or personal attack" in statement.body
    assert "Please keep it <b>civil</b>." in statement.body
    with translation.override("en"):
        assert reverse("participation:decision", args=[rude.pk]) in statement.body
    assert outcome.to == [ben.email] and "hid the comment" in outcome.body
    assert Report.objects.get().outcome == "hidden"
    history = client.get(reverse("participation_moderation:history", args=[rude.pk]))
    assert history.status_code == 200
    assert "Beitrag ausgeblendet" in history.content.decode()  # the admin speaks German


def test_the_statement_of_reasons_page_is_for_the_author_only(client, pages, anna, ben,
                                                             moderator):
    rude = comment(pages.de, anna, "Grob")
    client.force_login(moderator)
    decide(client, rude, "hide", "off_topic", "Bitte beim Thema bleiben.")
    address = reverse("participation:decision", args=[rude.pk])
    client.force_login(ben)
    assert client.get(address).status_code == 404
    client.force_login(anna)
    html = client.get(address).content.decode()
    assert "Bitte beim Thema bleiben." in html and "Grob" in html


def test_restore_and_approve(client, pages, anna, moderator):
    hidden = comment(pages.de, anna, "Wieder da", status=CommentStatus.HIDDEN)
    client.force_login(moderator)
    decide(client, hidden, "restore")
    hidden.refresh_from_db()
    assert hidden.status == CommentStatus.PUBLISHED
    assert ModelLogEntry.objects.filter(action="participation.comment.restore").exists()
    client.logout()
    assert "Wieder da" in client.get(pages.de.url).content.decode()


def test_pre_moderation_shows_nothing_until_approved(client, pages, anna, ben, moderator,
                                                     django_capture_on_commit_callbacks):
    pages.de.participation_moderation = "pre"
    pages.de.save_revision().publish()
    question = comment(pages.de, anna, "Erste Frage")
    client.force_login(ben)
    with django_capture_on_commit_callbacks(execute=True):
        post_comment(client, pages.en, "Held back", parent=question.pk)
    held = CitizenComment.objects.get(text="Held back")
    assert held.status == CommentStatus.PENDING
    assert "Held back" not in client.get(pages.en.url).content.decode()
    assert mail.outbox == []
    client.force_login(moderator)
    queue = client.get(reverse("participation_pending:index")).content.decode()
    assert "Held back" in queue
    with django_capture_on_commit_callbacks(execute=True):
        decide(client, held, "approve")
    client.logout()
    assert "Held back" in client.get(pages.en.url).content.decode()
    assert [m.to for m in mail.outbox] == [[anna.email]]  # the reply notification, now


def test_a_blocked_citizen_reads_but_cannot_take_part(client, pages, anna, ben, moderator):
    theirs = comment(pages.de, anna, "Lesbar")
    own = comment(pages.de, ben, "Von Ben")
    client.force_login(moderator)
    response = client.post(reverse("participation_moderation:edit", args=[own.pk]),
                           {"action": "block", "reason": "Wiederholte Beleidigungen"})
    assert response.status_code == 302
    assert ModelLogEntry.objects.filter(action="participation.citizen.block").exists()
    client.force_login(ben)
    html = client.get(pages.de.url).content.decode()
    assert "Lesbar" in html and 'id="comment-form"' not in html
    assert post_comment(client, pages.de, "Trotzdem").status_code == 403
    assert client.post(url("support", pages.de, theirs.pk)).status_code == 403
    assert client.post(url("report", pages.de, theirs.pk), form_data(reason="spam")
                       ).status_code == 403
    assert not CitizenComment.objects.filter(text="Trotzdem").exists()
    client.force_login(moderator)
    client.post(reverse("participation_moderation:edit", args=[own.pk]), {"action": "unblock"})
    client.force_login(ben)
    assert post_comment(client, pages.de, "Wieder dabei").status_code == 302
