import time
import uuid
from dataclasses import dataclass

import pytest
from django.urls import reverse
from django.utils import translation

from participation.defences import form_started_token
from tests.factories.home import translate
from tests.factories.participation import citizen, debate


@dataclass
class Debate:
    de: object
    en: object


@pytest.fixture
def pages(site_tree) -> Debate:
    """A German debate with two points and its English translation (same block ids)."""
    german = debate(site_tree.home_de, title="Digitale Verwaltung", slug="verwaltung",
                    points=[("point", "Termine online"), ("point", "Chatbot")])
    english = translate(german, "en", title="Digital administration", slug="administration")
    return Debate(de=german, en=english)


@pytest.fixture
def anna(db):
    return citizen("Anna")


@pytest.fixture
def ben(db):
    return citizen("Ben")


def url(name, page, *args, language=None):
    with translation.override(language or page.locale.language_code):
        return reverse(f"participation:{name}", args=[page.pk, *args])


def form_data(text="Ein Kommentar.", **fields):
    """What the comment form sends when a person filled it in ten seconds ago."""
    return {
        "text": text,
        "target": "",
        "token": str(uuid.uuid4()),
        "started": form_started_token(time.time() - 10),
        "website": "",
        **fields,
    }


def post_comment(client, page, text="Ein Kommentar.", **fields):
    return client.post(url("post", page), form_data(text, **fields))


from tests.participation.survey_helpers import surveyed  # noqa: E402, F401 (a fixture)
