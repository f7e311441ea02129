"""Who may post when, and what a refused write leaves behind: nothing."""

import datetime

import pytest
from django.utils import timezone

from participation.models import CitizenComment, Participant
from tests.factories.participation import citizen, comment
from tests.participation.conftest import form_data, post_comment, url

pytestmark = pytest.mark.django_db


def set_phase(page, **fields):
    for name, value in fields.items():
        setattr(page, name, value)
    page.save_revision().publish()


@pytest.mark.parametrize("phase, message, note", [
    ({"participation_opens_at": timezone.now() + datetime.timedelta(days=3)},
     "Die Diskussion hat noch nicht begonnen.", "Die Diskussion beginnt am"),
    ({"participation_closes_at": timezone.now() - datetime.timedelta(days=1)},
     "Die Diskussion ist beendet. Sie bleibt lesbar.", "Die Diskussion endete am"),
])
def test_before_opening_and_after_closing_the_discussion_is_read_only(client, pages, anna,
                                                                      phase, message, note):
    earlier = comment(pages.de, anna, "Schon da")
    set_phase(pages.de, **phase)
    client.force_login(anna)
    for page in (pages.de, pages.en):  # the English copy reads the German settings
        html = client.get(page.url).content.decode()
        assert "Schon da" in html
        assert 'id="comment-form"' not in html
        assert url("reply", page, earlier.pk) not in html
        response = post_comment(client, page, "Zu früh oder zu spät")
        assert response.status_code == 403
        if page is pages.de:
            assert message in response.content.decode()
    assert note in client.get(pages.de.url).content.decode()
    assert CitizenComment.objects.count() == 1


def test_the_english_copy_follows_an_unsynced_german_change_at_once(client, pages, anna):
    pages.de.participation_closes_at = timezone.now() - datetime.timedelta(minutes=1)
    pages.de.save_revision().publish()
    pages.en.refresh_from_db()
    assert pages.en.participation_closes_at is None  # not synced yet
    client.force_login(anna)
    assert post_comment(client, pages.en, "Late").status_code == 403


def test_a_page_that_hosts_no_participation_refuses_and_shows_nothing(client, pages, anna):
    set_phase(pages.de, hosts_participation=False)
    client.force_login(anna)
    assert post_comment(client, pages.de).status_code == 404
    assert 'id="discussion"' not in client.get(pages.de.url).content.decode()
    assert not CitizenComment.objects.exists()


def test_a_page_type_without_the_mixin_has_no_discussion(client, site_tree, anna):
    client.force_login(anna)
    with_url = url("post", site_tree.home_de)
    assert client.post(with_url, form_data()).status_code == 404


@pytest.mark.parametrize("who", ["anonymous", "unverified", "no public name"])
def test_only_verified_citizens_with_a_public_name_post(client, pages, who):
    if who == "unverified":
        client.force_login(citizen("Uwe", verified=False))
    elif who == "no public name":
        user = citizen("Nina")
        Participant.objects.filter(user=user).delete()
        client.force_login(user)
    response = post_comment(client, pages.de)
    assert response.status_code == (302 if who == "anonymous" else 403)
    if who == "anonymous":
        assert "/login/" in response["Location"]
    assert not CitizenComment.objects.exists()


def test_anonymous_readers_get_no_form_no_csrf_token_and_no_cookie(client, pages, anna):
    comment(pages.de, anna, "Lesbar für alle")
    for page in (pages.de, pages.en):
        response = client.get(page.url)
        html = response.content.decode()
        assert "Lesbar für alle" in html
        assert "csrfmiddlewaretoken" not in html and "<form" not in html.split(
            'id="discussion"')[1]
        assert "/login/?next=" in html and "/signup/?next=" in html
        assert not response.cookies
    assert not client.get(url("discussion", pages.de)).cookies


def test_signed_in_citizens_get_the_form(client, pages, anna):
    client.force_login(anna)
    html = client.get(pages.de.url).content.decode()
    assert 'id="comment-form"' in html and "csrfmiddlewaretoken" in html
    assert '<label for="id_text">Ihr Beitrag</label>' in html
    assert 'aria-describedby="id_text-hint"' in html


def test_the_first_comment_asks_for_consent_and_stores_when(client, pages):
    newcomer = citizen("Neu", consented=False)
    client.force_login(newcomer)
    assert 'name="consent"' in client.get(pages.de.url).content.decode()
    refused = post_comment(client, pages.de, "Ohne Zustimmung")
    assert refused.status_code == 400
    assert "Bitte stimmen Sie der Datenschutzerklärung zu" in refused.content.decode()
    assert not CitizenComment.objects.exists()
    assert post_comment(client, pages.de, "Mit Zustimmung", consent="on").status_code == 302
    participant = Participant.objects.get(user=newcomer)
    assert participant.privacy_consent_at and participant.privacy_consent_version
    assert 'name="consent"' not in client.get(pages.de.url).content.decode()


def test_bad_input_is_refused_with_a_message_and_stores_nothing(client, pages, anna):
    client.force_login(anna)
    cases = {
        "": "Bitte schreiben Sie etwas.",
        "   \n  ": "Bitte schreiben Sie etwas.",
        "x" * 5001: "5000",
    }
    for text, message in cases.items():
        response = post_comment(client, pages.de, text)
        assert response.status_code == 400
        html = response.content.decode()
        assert 'class="error-summary"' in html
        assert message.replace(".", "") in html.replace(".", "")
    assert post_comment(client, pages.de, "ok", target="nicht-da").status_code == 400
    assert post_comment(client, pages.de, "ok", parent="abc").status_code == 404
    assert post_comment(client, pages.de, "ok", parent=999999).status_code == 404
    assert not CitizenComment.objects.exists()
    assert post_comment(client, pages.de, "x" * 5000).status_code == 302
