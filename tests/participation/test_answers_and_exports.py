"""The city's answers ("You said, we did") and the exports for evaluation."""

import csv
import io

import openpyxl
import pytest
from django.urls import reverse

from participation.models import CommentStatus, OfficialAnswer, Support
from tests.factories.participation import comment, staff
from tests.participation.conftest import url

pytestmark = pytest.mark.django_db


@pytest.fixture
def city(db):
    """Staff who answer for the city, using the admin in English."""
    from wagtail.users.models import UserProfile

    user = staff("participation.moderate_citizencomment",
                 "participation.answer_citizencomment", name="Stadt")
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    return user


def answer(client, target, text, status="taken_up", led_to="", language="de"):
    return client.post(reverse("participation_moderation:edit", args=[target.pk]),
                       {"action": "answer", "text": text, "status": status,
                        "led_to": led_to, "language": language})


def test_an_official_answer_is_pinned_and_leads_to_a_point_in_both_languages(
        client, pages, anna, city):
    point = pages.de.participation_targets()[1]
    idea = comment(pages.de, anna, "Ein Chatbot für Fragen am Wochenende")
    client.force_login(city)
    assert answer(client, idea, "Das nehmen wir auf.", led_to=point.key).status_code == 302
    assert OfficialAnswer.objects.get().author == city
    client.logout()
    for page in (pages.de, pages.en):
        html = client.get(page.url).content.decode()
        pinned = html.split('id="c-', 1)[1].split("</article>", 1)[0]
        assert "official-answer" in pinned and "Das nehmen wir auf." in pinned
        assert 'lang="de">' in pinned
        summary = html.split('id="outcomes-heading"', 1)[1].split("</section>", 1)[0]
        assert "Ein Chatbot für Fragen am Wochenende" in summary
        point_html = html.split(f'id="{point.anchor}"', 1)[1].split("</li>", 1)[0]
        assert "Ein Chatbot für Fragen" in point_html
    assert "Aus der Diskussion: 1 Vorschlag" in client.get(pages.de.url).content.decode()
    assert "From the discussion: 1 suggestion" in client.get(pages.en.url).content.decode()


def test_only_staff_with_the_permission_answer(client, pages, anna):
    idea = comment(pages.de, anna, "Idee")
    client.force_login(staff("participation.moderate_citizencomment", name="Nur Moderation"))
    response = answer(client, idea, "Unbefugt")
    assert response.status_code == 403
    assert not OfficialAnswer.objects.exists()


def export(client, fmt, **filters):
    return client.get(reverse("participation_moderation:index"), {"export": fmt, **filters})


def test_exports_csv_and_xlsx_parse_back_neutralised_and_without_hidden_text(
        client, pages, anna, ben, city):
    point = pages.de.participation_targets()[0]
    formula = comment(pages.de, anna, "=HYPERLINK(\"http://evil.example\")", target=point.key,
                      target_kind="point")
    Support.objects.create(comment=formula, user=ben)
    comment(pages.en, ben, "Secret text", language="en", status=CommentStatus.HIDDEN)
    reply = comment(pages.de, ben, "+ eine Antwort", parent=formula)
    client.force_login(city)
    response = export(client, "csv")
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert len(rows) == 3
    by_text = {row["Text"]: row for row in rows}
    first = by_text["'=HYPERLINK(\"http://evil.example\")"]
    assert first["Goal or measure"] == point.label and first["Anchor"] == point.anchor
    assert first["Supports"] == "1" and first["Language"] == "de" and first["Public name"] == "Anna"
    assert by_text["'+ eine Antwort"]["In reply to"] == str(formula.pk)
    hidden = by_text[""]
    assert hidden["State"] == "Hidden by moderation"
    assert "Secret text" not in b"".join(export(client, "csv").streaming_content).decode()

    workbook = openpyxl.load_workbook(io.BytesIO(b"".join(export(client, "xlsx"))))
    values = [[cell.value for cell in row] for row in workbook.active.iter_rows()]
    texts = [row[6] for row in values[1:]]
    assert "'=HYPERLINK(\"http://evil.example\")" in texts and "Secret text" not in texts
    assert all(cell.data_type != "f" for row in workbook.active.iter_rows() for cell in row)
    filtered = export(client, "csv", language="en")
    assert len(list(csv.DictReader(io.StringIO(
        b"".join(filtered.streaming_content).decode())))) == 1
    assert reply.pk


def test_exports_are_for_moderators_only(client, pages, anna):
    comment(pages.de, anna, "Text")
    assert export(client, "csv").status_code == 302
    client.force_login(anna)
    assert export(client, "csv").status_code == 302
    assert url("discussion", pages.de)
