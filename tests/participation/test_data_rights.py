"""Citizens' data rights: everything about them as JSON, and deleting the account."""

import json

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.db import models
from django.urls import reverse
from wagtail.models import ModelLogEntry

from participation.models import CitizenComment, Participant, Report, Support
from tests.factories.participation import citizen, comment, staff

pytestmark = pytest.mark.django_db


@pytest.fixture
def active(pages, anna, ben):
    mine = comment(pages.de, anna, "Annas Idee", target=pages.de.participation_targets()[0].key)
    theirs = comment(pages.en, ben, "Ben's reply", parent=mine, language="en")
    Support.objects.create(comment=theirs, user=anna)
    Support.objects.create(comment=mine, user=ben)
    Report.objects.create(comment=theirs, reporter=anna, reason="other", text="Unklar")
    return mine, theirs


def test_the_data_download_holds_everything_and_is_not_kept(client, anna, active):
    mine, theirs = active
    client.force_login(anna)
    assert client.get(reverse("participation:data")).status_code == 200
    response = client.post(reverse("participation:data"))
    assert "no-store" in response["Cache-Control"].split(", ")
    assert response["Content-Disposition"].startswith("attachment;")
    data = json.loads(response.content)
    assert data["account"]["email"] == anna.email
    assert data["account"]["email_addresses"] == [
        {"email": anna.email, "verified": True, "primary": True}]
    assert data["participant"]["public_name"] == "Anna"
    assert data["consents"][0]["what"] == "privacy notice"
    assert [c["text"] for c in data["comments"]] == ["Annas Idee"]
    assert data["supports"] == [{"comment": theirs.pk, "given": data["supports"][0]["given"]}]
    assert data["reports"][0]["details"] == "Unklar"
    assert "Ben's reply" not in response.content.decode()


def test_the_data_download_needs_the_owner_signed_in(client):
    response = client.post(reverse("participation:data"))
    assert response.status_code == 302 and "/login/" in response["Location"]


def text_columns():
    for model in apps.get_models():
        if model._meta.managed and not model._meta.proxy:
            fields = [f.name for f in model._meta.concrete_fields
                      if isinstance(f, (models.CharField, models.TextField, models.JSONField))]
            if fields:
                yield model, fields


def test_deleting_the_account_leaves_no_name_or_address_anywhere(client, pages, anna, ben,
                                                                 active):
    mine, theirs = active
    moderator = staff("participation.moderate_citizencomment")
    client.force_login(moderator)
    client.post(reverse("participation_moderation:edit", args=[mine.pk]),
                {"action": "block", "reason": "Test"})
    client.force_login(anna)
    refused = client.post(reverse("participation:delete_account"),
                          {"password": "falsch", "confirm": "on"})
    assert refused.status_code == 400
    assert get_user_model().objects.filter(pk=anna.pk).exists()
    response = client.post(reverse("participation:delete_account"),
                           {"password": "a long and careful passphrase", "confirm": "on"})
    assert response.status_code == 302
    assert not get_user_model().objects.filter(pk=anna.pk).exists()
    assert client.get(reverse("participation:account")).status_code == 302  # session ended

    mine.refresh_from_db()
    assert mine.author is None and mine.text == "Annas Idee"
    assert not Support.objects.filter(comment=theirs).exists()  # her support is gone
    assert Report.objects.get().reporter is None
    assert not Participant.objects.filter(display_name="Anna").exists()
    assert ModelLogEntry.objects.filter(action="participation.citizen.block").exists()
    html = client.get(pages.de.url).content.decode()
    assert "gelöschtes Konto" in html and "Annas Idee" in html

    leftovers = []
    for model, fields in text_columns():
        for field in fields:
            for needle in (anna.email, "Anna"):
                lookup = {f"{field}__icontains": needle}
                if model is CitizenComment and field == "text":
                    continue  # the comment text itself stays readable (it says "Annas Idee")
                if model.objects.filter(**lookup).exists():
                    leftovers.append(f"{model._meta.label}.{field} contains {needle!r}")
    assert not leftovers
    assert citizen("Anna 2")  # the address and name may be used again
