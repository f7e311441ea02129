"""A corpus of script-injection payloads posted through the real forms and used as a public
name comes out inert on every surface where it appears, for another citizen and a moderator."""

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils.html import escape

from participation.models import CitizenComment, Participant
from tests.factories.participation import citizen, staff
from tests.participation.conftest import form_data, url

pytestmark = pytest.mark.django_db

PAYLOADS = [
    "<script>alert(1)</script>",
    '"><svg onload=alert(1)>',
    "<img src=x onerror=alert(2)>",
    "<a href=\"javascript:alert(3)\">x</a>",
    "</textarea><script>alert(4)</script>",
]
RAW = ["<script>alert", "<svg onload", "<img src=x", 'href="javascript', "</textarea><script"]


def assert_inert(html: str, where: str):
    for raw in RAW:
        assert raw not in html, f"{raw!r} unescaped in {where}"


def test_payloads_are_inert_everywhere(pages, settings, django_capture_on_commit_callbacks):
    settings.PARTICIPATION_RATE_LIMITS = {key: {"user": "1000/m", "ip": "1000/m"}
                                          for key in ("comment", "support", "report")}
    author = citizen(PAYLOADS[1][:40])
    Participant.objects.filter(user=author).update(display_name="<b>Name</b>\"><svg onload=x>")
    writer = Client()
    writer.force_login(author)
    for payload in PAYLOADS:
        assert writer.post(url("post", pages.de), form_data(payload)).status_code == 302
    first = CitizenComment.objects.filter(author=author).first()

    other = citizen("Leserin")
    reader = Client()
    reader.force_login(other)
    with django_capture_on_commit_callbacks(execute=True):
        reader.post(url("post", pages.en), form_data(PAYLOADS[0], parent=first.pk))
    reader.post(url("report", pages.de, first.pk), form_data(reason="other",
                                                             text=PAYLOADS[2]))

    surfaces = {
        "chapter (anonymous)": Client().get(pages.de.url),
        "chapter (citizen)": reader.get(pages.en.url),
        "discussion page": reader.get(url("discussion", pages.de)),
        "more fragment": reader.get(url("more", pages.de)),
        "reply page": reader.get(url("reply", pages.de, first.pk)),
        "report page": reader.get(url("report", pages.de, first.pk)),
    }
    moderator = staff("participation.moderate_citizencomment",
                      "participation.answer_citizencomment")
    desk = Client()
    desk.force_login(moderator)
    desk.post(reverse("participation_moderation:edit", args=[first.pk]),
              {"action": "decide", "decision": "hide", "reason": "other", "note": PAYLOADS[3]})
    surfaces.update({
        "moderation queue": desk.get(reverse("participation_moderation:index")),
        "reported queue": desk.get(reverse("participation_reported:index")),
        "moderation screen": desk.get(reverse("participation_moderation:edit",
                                              args=[first.pk])),
        "audit log": desk.get(reverse("wagtailadmin_reports:site_history")),
        "comment history": desk.get(reverse("participation_moderation:history",
                                            args=[first.pk])),
    })
    writer.force_login(author)
    surfaces["statement of reasons"] = writer.get(reverse("participation:decision",
                                                          args=[first.pk]))
    for where, response in surfaces.items():
        assert response.status_code == 200, where
        assert_inert(response.content.decode(), where)
    assert escape("<b>Name</b>") in surfaces["chapter (anonymous)"].content.decode()

    export = b"".join(desk.get(reverse("participation_moderation:index"),
                               {"export": "csv"}).streaming_content).decode()
    assert "<b>Name</b>" in export  # a spreadsheet shows text as text
    for message in mail.outbox:
        assert not getattr(message, "alternatives", None), "mails are plain text only"
        assert message.content_subtype == "plain"
    assert mail.outbox, "the reply notification went out"
