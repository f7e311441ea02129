"""Threads: depth, sorting, pagination without JavaScript, deletion and editing."""

import datetime

import pytest
import time_machine
from django.utils import timezone

from participation.models import MAX_REPLY_DEPTH, CitizenComment, Support
from participation.threads import PER_PAGE
from tests.factories.participation import citizen, comment
from tests.participation.conftest import post_comment, url

pytestmark = pytest.mark.django_db


def comment_ids(html: str) -> list[int]:
    import re

    return [int(n) for n in re.findall(r'<li class="comment[^"]*" id="c-(\d+)"', html)]


def test_replies_nest_three_levels_and_no_deeper(client, pages, anna, ben):
    top = comment(pages.de, anna, "Oben")
    chain = [top]
    for level in range(1, MAX_REPLY_DEPTH + 1):
        chain.append(comment(pages.de, ben, f"Ebene {level}", parent=chain[-1]))
    assert chain[-1].depth == MAX_REPLY_DEPTH
    client.force_login(anna)
    response = post_comment(client, pages.de, "Zu tief", parent=chain[-1].pk)
    assert response.status_code == 400
    assert "bis zu drei Ebenen tief" in response.content.decode()
    assert not CitizenComment.objects.filter(text="Zu tief").exists()
    html = client.get(pages.de.url).content.decode()
    assert url("reply", pages.de, chain[-2].pk) in html
    assert url("reply", pages.de, chain[-1].pk) not in html


def test_sorting_by_newest_oldest_and_most_supported(client, pages, anna, ben):
    now = timezone.now()
    first = comment(pages.de, anna, "Erster", created_at=now - datetime.timedelta(days=2))
    second = comment(pages.de, anna, "Zweiter", created_at=now - datetime.timedelta(days=1))
    third = comment(pages.de, anna, "Dritter", created_at=now)
    for supporter in (ben, citizen("Cem")):
        Support.objects.create(comment=second, user=supporter)
    Support.objects.create(comment=first, user=ben)
    newest = comment_ids(client.get(pages.de.url).content.decode())
    oldest = comment_ids(client.get(pages.de.url + "?sort=oldest").content.decode())
    supported = comment_ids(client.get(pages.de.url + "?sort=supported").content.decode())
    assert newest == [third.pk, second.pk, first.pk]
    assert oldest == [first.pk, second.pk, third.pk]
    assert supported == [second.pk, first.pk, third.pk]
    assert comment_ids(client.get(pages.de.url + "?sort=%00;DROP").content.decode()) == newest


def test_the_first_twenty_threads_render_and_more_follow_without_javascript(client, pages, anna):
    now = timezone.now()
    threads = [comment(pages.de, anna, f"Beitrag {n}", created_at=now - datetime.timedelta(
        minutes=n)) for n in range(PER_PAGE + 5)]
    replies = [comment(pages.de, anna, "Antwort", parent=thread) for thread in threads]
    html = client.get(pages.de.url).content.decode()
    shown = comment_ids(html)
    assert shown[:2] == [threads[0].pk, replies[0].pk]
    assert len(shown) == 2 * PER_PAGE
    assert "Diskussion (50)" in html
    more = url("discussion", pages.de) + "?page=2"
    assert f'href="{more}"' in html
    second = client.get(more)
    assert second.status_code == 200
    assert comment_ids(second.content.decode()) == [
        pk for thread, reply in zip(threads[PER_PAGE:], replies[PER_PAGE:], strict=True)
        for pk in (thread.pk, reply.pk)
    ]
    fragment = client.get(url("more", pages.de) + "?page=2").content.decode()
    assert "<html" not in fragment and comment_ids(fragment) == comment_ids(
        second.content.decode())
    assert client.get(url("discussion", pages.de) + "?page=999999").status_code == 200
    assert client.get(url("discussion", pages.de) + "?page=-1").status_code == 200


def test_a_deleted_comment_with_replies_keeps_them_under_a_note(client, pages, anna, ben):
    top = comment(pages.de, anna, "Mein Text")
    comment(pages.de, ben, "Eine Antwort", parent=top)
    lonely = comment(pages.de, anna, "Ohne Antwort")
    client.force_login(anna)
    assert client.post(url("delete", pages.de, top.pk)).status_code == 302
    assert client.post(url("delete", pages.de, lonely.pk)).status_code == 302
    top.refresh_from_db()
    assert top.deleted_at and top.text == ""
    client.logout()
    html = client.get(pages.de.url).content.decode()
    assert "Mein Text" not in html and "Ohne Antwort" not in html
    assert "Eine Antwort" in html
    assert f'id="c-{top.pk}"' in html and f'id="c-{lonely.pk}"' not in html


def test_another_users_comment_cannot_be_edited_or_deleted(client, pages, anna, ben):
    theirs = comment(pages.de, anna, "Annas Text")
    client.force_login(ben)
    for name in ("edit", "delete"):
        assert client.get(url(name, pages.de, theirs.pk)).status_code == 403
        assert client.post(url(name, pages.de, theirs.pk), {"text": "Übernommen"}).status_code \
            == 403
    theirs.refresh_from_db()
    assert theirs.text == "Annas Text" and theirs.deleted_at is None


def test_the_author_edits_for_fifteen_minutes_then_it_shows_edited(client, pages, anna):
    client.force_login(anna)
    with time_machine.travel(timezone.now(), tick=False) as clock:
        post_comment(client, pages.de, "Erste Fassung")
        mine = CitizenComment.objects.get()
        clock.shift(datetime.timedelta(minutes=14))
        response = client.post(url("edit", pages.de, mine.pk), {"text": "Zweite Fassung"})
        assert response.status_code == 302
        mine.refresh_from_db()
        assert mine.text == "Zweite Fassung" and mine.edited_at
        html = client.get(pages.de.url).content.decode()
        assert "Zweite Fassung" in html and "comment__edited" in html
        clock.shift(datetime.timedelta(minutes=2))
        assert client.post(url("edit", pages.de, mine.pk), {"text": "Zu spät"}).status_code \
            == 403
        mine.refresh_from_db()
        assert mine.text == "Zweite Fassung"
        assert url("edit", pages.de, mine.pk) not in client.get(pages.de.url).content.decode()
