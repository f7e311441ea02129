"""The discussion kept for readers who are not signed in (participation/fragment_cache.py):
shared by them, never by a signed-in reader, and new with every change that shows."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from participation.models import CitizenComment
from tests.participation.conftest import post_comment

pytestmark = pytest.mark.django_db


def comment_queries(client, path) -> tuple[int, str]:
    with CaptureQueriesContext(connection) as queries:
        html = client.get(path).content.decode()
    return sum("participation_citizencomment" in q["sql"] for q in queries), html


def test_anonymous_readers_share_the_discussion_signed_in_readers_never(client, pages, anna):
    client.force_login(anna)
    assert post_comment(client, pages.de, "Termine auch am Abend").status_code == 302
    client.logout()
    first, html = comment_queries(client, pages.de.url)
    again, cached = comment_queries(client, pages.de.url)
    # the threads (count, roots, replies) come from the cache; the host page's own counts
    # per point are its business (the chapter keeps them in a fragment of its own)
    assert first - again >= 3
    assert "Termine auch am Abend" in cached and "csrfmiddlewaretoken" not in cached
    client.force_login(anna)
    signed_in, html = comment_queries(client, pages.de.url)
    assert signed_in > 0 and "csrfmiddlewaretoken" in html  # her own form, rendered for her
    client.logout()
    assert "csrfmiddlewaretoken" not in client.get(pages.de.url).content.decode()


def test_a_comment_shows_at_once_in_both_languages(client, pages, anna):
    for page in (pages.de, pages.en):
        client.get(page.url)
    client.force_login(anna)
    post_comment(client, pages.en, "Please add evening appointments")
    client.logout()
    for page in (pages.de, pages.en):
        assert "Please add evening appointments" in client.get(page.url).content.decode()


def test_a_new_public_name_and_a_deleted_account_show_at_once(client, pages, anna):
    client.force_login(anna)
    post_comment(client, pages.de, "Annas Vorschlag")
    client.logout()
    assert "Anna" in client.get(pages.en.url).content.decode()
    client.force_login(anna)
    answer = client.post(reverse("participation:account"),
                         {"display_name": "Anna Jenaerin", "notify_replies": "on"})
    assert answer.status_code == 302
    client.logout()
    assert "Anna Jenaerin" in client.get(pages.en.url).content.decode()
    client.force_login(anna)
    client.post(reverse("participation:delete_account"),
                {"password": "a long and careful passphrase", "confirm": "on"})
    assert CitizenComment.objects.get().author is None
    html = client.get(pages.en.url).content.decode()
    assert "Anna Jenaerin" not in html and "deleted user" in html


def test_citizens_input_queues_no_reference_index_work(client, pages, anna):
    from wagtail.models import ReferenceIndex

    from participation.models import Report, Support, SurveyAnswer, SurveyResponse

    client.force_login(anna)
    post_comment(client, pages.de, "Kein Eintrag im Referenzindex")
    assert CitizenComment.objects.count() == 1
    for model in (CitizenComment, Support, Report, SurveyResponse, SurveyAnswer):
        assert not ReferenceIndex.is_indexed(model), model
    assert not ReferenceIndex.objects.filter(base_content_type__app_label="participation").exists()
