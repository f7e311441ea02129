"""Spam and abuse: honeypot, fill time, rate limits, double submits, CSRF, hostile text."""

import time
import uuid

import pytest
from django.test import Client
from django.utils.html import escape

from participation.defences import form_started_token
from participation.models import CitizenComment
from tests.factories.participation import citizen
from tests.participation.conftest import form_data, post_comment, url

pytestmark = pytest.mark.django_db

XSS = [
    "<script>alert(1)</script>",
    '"><svg onload=alert(1)>',
    "<img src=x onerror=alert(1)>",
    "javascript:alert(1)",
    "<a href=\"javascript:alert(1)\">klick</a>",
]


def test_a_filled_honeypot_stores_nothing(client, pages, anna):
    client.force_login(anna)
    response = post_comment(client, pages.de, "Werbung", website="http://spam.example")
    assert response.status_code == 400
    assert "Ihr Beitrag konnte nicht gesendet werden." in response.content.decode()
    assert not CitizenComment.objects.exists()


def test_a_form_sent_too_fast_or_with_a_forged_time_stores_nothing(client, pages, anna):
    client.force_login(anna)
    fast = post_comment(client, pages.de, "Bot", started=form_started_token(time.time()))
    assert fast.status_code == 400 and "Das ging sehr schnell." in fast.content.decode()
    forged = post_comment(client, pages.de, "Bot", started="1700000000")
    assert forged.status_code == 400 and "Das Formular ist abgelaufen." in forged.content.decode()
    assert not CitizenComment.objects.exists()


def test_a_double_clicked_submit_stores_one_comment(client, pages, anna):
    client.force_login(anna)
    data = form_data("Einmal bitte")
    first = client.post(url("post", pages.de), data)
    second = client.post(url("post", pages.de), data)
    assert first.status_code == second.status_code == 302
    assert first["Location"] == second["Location"]
    assert CitizenComment.objects.filter(text="Einmal bitte").count() == 1


def test_someone_elses_token_cannot_be_reused(client, pages, anna, ben):
    data = form_data("Annas Beitrag")
    client.force_login(anna)
    client.post(url("post", pages.de), data)
    client.force_login(ben)
    assert client.post(url("post", pages.de), {**data, "text": "Bens"}).status_code == 400
    assert list(CitizenComment.objects.values_list("text", flat=True)) == ["Annas Beitrag"]


def check_rate_limit(client, pages, anna, settings):
    settings.PARTICIPATION_RATE_LIMITS = {"comment": {"user": "3/m", "ip": "100/m"},
                                          "support": {"user": "3/m", "ip": "100/m"}}
    client.force_login(anna)
    for number, page in enumerate([pages.de, pages.en, pages.de]):
        assert post_comment(client, page, f"Beitrag {number}").status_code == 302
    limited = post_comment(client, pages.en, "Einer zu viel")
    assert limited.status_code == 429
    assert limited["Retry-After"] == "60"
    assert "You are writing faster than we can read." in limited.content.decode()
    assert CitizenComment.objects.count() == 3


def test_rate_limit_per_citizen_counts_both_languages(client, pages, anna, settings):
    check_rate_limit(client, pages, anna, settings)


def test_rate_limit_on_the_shared_redis_cache(client, pages, anna, settings, redis_cache):
    check_rate_limit(client, pages, anna, settings)
    assert any(key for key in redis_cache._cache.get_client().scan_iter(
        match=f"{redis_cache.key_prefix}*"))


def test_rate_limit_per_address_holds_across_accounts(client, pages, settings):
    settings.PARTICIPATION_RATE_LIMITS = {"comment": {"user": "100/m", "ip": "2/m"}}
    for number in range(2):
        client.force_login(citizen(f"Konto {number}"))
        assert post_comment(client, pages.de, f"Beitrag {number}").status_code == 302
    client.force_login(citizen("Noch eins"))
    spoofed = client.post(url("post", pages.de), form_data("Dritter"),
                          HTTP_X_FORWARDED_FOR="203.0.113.9")
    assert spoofed.status_code == 429
    assert CitizenComment.objects.count() == 2


def test_state_changing_requests_need_a_csrf_token(pages, anna):
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(anna)
    assert strict.post(url("post", pages.de), form_data()).status_code == 403
    assert not CitizenComment.objects.exists()


def test_extra_fields_in_the_post_change_nothing(client, pages, anna, ben):
    client.force_login(anna)
    post_comment(client, pages.de, "Ehrlich", author=ben.pk, status="hidden",
                 language="en", depth="3", support_count="99", submission_token=str(uuid.uuid4()))
    stored = CitizenComment.objects.get()
    assert (stored.author, stored.status, stored.language, stored.depth) == (
        anna, "published", "de", 0)


def test_hostile_text_and_names_are_shown_as_text(client, pages, settings):
    settings.PARTICIPATION_RATE_LIMITS = {"comment": {"user": "100/m", "ip": "100/m"}}
    author = citizen("<script>alert('name')</script>")
    client.force_login(author)
    for payload in XSS:
        assert post_comment(client, pages.de, payload).status_code == 302
    post_comment(client, pages.de, "Mehr unter https://www.jena.de/smart?a=1&b=2. Danke!\n"
                 "Zweite Zeile\n\nNeuer Absatz")
    for reader in (Client(), client):
        html = reader.get(pages.de.url).content.decode()
        discussion = html.split('id="discussion"', 1)[1]
        for payload in XSS:
            assert escape(payload) in discussion  # shown as the text it is
        assert "<script>alert" not in discussion and "<svg" not in discussion
        assert "<img src=x" not in discussion
        assert "&lt;script&gt;alert(&#x27;name&#x27;)&lt;/script&gt;" in discussion
        assert 'href="javascript' not in discussion
        assert ('<a href="https://www.jena.de/smart?a=1&amp;b=2" rel="nofollow ugc noopener">'
                "https://www.jena.de/smart?a=1&amp;b=2</a>. Danke!<br>Zweite Zeile</p>"
                "<p>Neuer Absatz</p>") in discussion
