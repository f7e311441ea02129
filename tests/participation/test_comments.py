"""Posting, replying and reading one discussion in two languages."""

import pytest

from participation.models import CitizenComment, Discussion
from tests.participation.conftest import post_comment

pytestmark = pytest.mark.django_db


def main(response) -> str:
    return response.content.decode().split('<main id="main"', 1)[1].split("</main>", 1)[0]


def test_german_and_english_pages_share_one_discussion(client, pages, anna, ben):
    client.force_login(anna)
    response = post_comment(client, pages.de, "Bitte mehr Online-Termine.")
    comment = CitizenComment.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/de/verwaltung/#c-{comment.pk}"
    assert comment.language == "de"

    client.force_login(ben)
    response = post_comment(client, pages.en, "I agree, and in English.", parent=comment.pk)
    reply = CitizenComment.objects.get(parent=comment)
    assert reply.language == "en" and reply.depth == 1 and reply.thread_id == comment.pk
    assert Discussion.objects.count() == 1

    client.logout()
    for page in (pages.de, pages.en):
        html = main(client.get(page.url))
        assert 'lang="de">' in html and "Bitte mehr Online-Termine." in html
        assert 'lang="en">' in html and "I agree, and in English." in html
    assert "Diskussion (2)" in main(client.get(pages.de.url))
    assert "Discussion (2)" in main(client.get(pages.en.url))
