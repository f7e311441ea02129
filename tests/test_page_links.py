"""Every page link in a block leads to the reader's language where a translation exists, to
the source page (marked with ``hreflang``) where none does, and nowhere when the page is gone.

The block types are found by walking the StreamFields of every page model: a new block that
holds a page chooser (or rich text with links) is tested without touching this file.
"""

import json
import uuid
from dataclasses import dataclass

import pytest
from django.test import RequestFactory
from django.utils import translation
from wagtail import blocks
from wagtail.fields import StreamField
from wagtail.models import get_page_models

from tests.factories.home import ContentPageFactory, translate

pytestmark = pytest.mark.django_db

LINK_TEXT = "Linktext"


@dataclass(frozen=True)
class Carrier:
    """A block that renders a page link, found at ``where``."""

    where: str
    block: blocks.Block
    is_rich_text: bool

    def __str__(self):
        return self.where


def holds_links(block) -> bool:
    if isinstance(block, blocks.PageChooserBlock):
        return True
    if isinstance(block, blocks.RichTextBlock):
        return "link" in (block.features or [])
    children = getattr(block, "child_blocks", None)
    if isinstance(block, blocks.ListBlock):
        children = {"item": block.child_block}
    return bool(children) and any(holds_links(child) for child in children.values())


def walk(block, where: str, rendering=None):
    """Yield a Carrier for each page chooser / linking rich text below ``block``, with the
    nearest block (itself or an ancestor) that has a template: that is what readers see."""
    if getattr(block.meta, "template", None):
        rendering = block
    if isinstance(block, blocks.PageChooserBlock) or (
        isinstance(block, blocks.RichTextBlock) and holds_links(block)
    ):
        yield Carrier(where, rendering or block, isinstance(block, blocks.RichTextBlock))
        return
    if isinstance(block, blocks.ListBlock):
        yield from walk(block.child_block, f"{where}.item", rendering)
    elif isinstance(block, blocks.StructBlock | blocks.StreamBlock):
        for name, child in block.child_blocks.items():
            yield from walk(child, f"{where}.{name}", rendering)


def carriers() -> list[Carrier]:
    found = {}
    for model in get_page_models():
        for field in model._meta.get_fields():
            if isinstance(field, StreamField):
                label = f"{model._meta.label}.{field.name}"
                for carrier in walk(field.stream_block, label):
                    key = (type(carrier.block), carrier.where.split(".", 2)[-1])
                    found.setdefault(key, carrier)
    return list(found.values())


CARRIERS = carriers()


def raw_value(block, page_id: int):
    """Stored (JSON) data for ``block`` with every page link pointing at ``page_id``."""
    if isinstance(block, blocks.PageChooserBlock):
        return page_id
    if isinstance(block, blocks.RichTextBlock):
        if holds_links(block):
            return f'<p><a linktype="page" id="{page_id}">{LINK_TEXT}</a></p>'
        return "<p>Text</p>"
    if isinstance(block, blocks.URLBlock):
        return ""
    if isinstance(block, blocks.CharBlock | blocks.TextBlock):
        return LINK_TEXT
    if isinstance(block, blocks.ChoiceBlock):
        return block.get_default() or next(iter(block.field.choices))[0]
    if isinstance(block, blocks.ListBlock):
        return [{"type": "item", "value": raw_value(block.child_block, page_id),
                 "id": str(uuid.uuid4())}]
    if isinstance(block, blocks.StreamBlock):
        return [
            {"type": name, "value": raw_value(child, page_id), "id": str(uuid.uuid4())}
            for name, child in block.child_blocks.items()
            if holds_links(child)
        ]
    if isinstance(block, blocks.StructBlock):
        return {name: raw_value(child, page_id) for name, child in block.child_blocks.items()}
    if isinstance(block, blocks.ChooserBlock):
        return None
    return block.get_default()


def render(carrier: Carrier, page_id: int, language: str) -> str:
    request = RequestFactory().get(f"/{language}/")
    request.META["HTTP_HOST"] = "localhost"
    block = carrier.block
    with translation.override(language):
        value = block.to_python(raw_value(block, page_id))
        return str(block.render(value, context={"request": request}))


@pytest.fixture
def targets(site_tree):
    translated = ContentPageFactory(parent=site_tree.home_de, title="Ziel", slug="ziel")
    translate(translated, "en", title="Target", slug="target")
    german_only = ContentPageFactory(parent=site_tree.home_de, title="Nur", slug="nur-deutsch")
    unpublished = ContentPageFactory(parent=site_tree.home_de, title="Offline", slug="offline")
    unpublished.unpublish()
    deleted = ContentPageFactory(parent=site_tree.home_de, title="Weg", slug="weg")
    deleted_id = deleted.pk
    deleted.delete()
    return {"translated": translated.pk, "german_only": german_only.pk,
            "unpublished": unpublished.pk, "deleted": deleted_id}


def test_the_walk_finds_the_known_link_blocks():
    names = {type(carrier.block).__name__ for carrier in CARRIERS}
    assert {"CallToActionBlock", "LinkListBlock", "ParagraphBlock"} <= names
    assert any(carrier.where.startswith("strategy.StrategyChapterPage.sections")
               for carrier in CARRIERS)


@pytest.mark.parametrize("carrier", CARRIERS, ids=str)
def test_a_link_leads_to_the_readers_language(carrier, targets):
    english = render(carrier, targets["translated"], "en")
    assert 'href="/en/target/"' in english
    assert "hreflang" not in english
    german = render(carrier, targets["translated"], "de")
    assert 'href="/de/ziel/"' in german
    assert "hreflang" not in german


@pytest.mark.parametrize("carrier", CARRIERS, ids=str)
def test_an_untranslated_page_is_linked_in_its_own_language_and_marked(carrier, targets):
    english = render(carrier, targets["german_only"], "en")
    assert 'href="/de/nur-deutsch/" hreflang="de"' in english


@pytest.mark.parametrize("carrier", CARRIERS, ids=str)
@pytest.mark.parametrize("gone", ["deleted", "unpublished"])
def test_a_link_to_a_page_that_is_gone_renders_no_link(carrier, targets, gone):
    html = render(carrier, targets[gone], "en")
    assert "href" not in html
    if carrier.is_rich_text:
        assert f"<a>{LINK_TEXT}</a>" in html  # the text stays, it just leads nowhere
    else:
        assert LINK_TEXT not in html


def test_an_english_page_links_the_english_translation(client, site_tree, targets):
    ContentPageFactory(
        parent=site_tree.home_en, title="Links", slug="links", locale=site_tree.en,
        body=json.dumps([
            {"type": "call_to_action", "id": str(uuid.uuid4()),
             "value": {"text": "Go", "page": targets["translated"], "url": ""}},
            {"type": "call_to_action", "id": str(uuid.uuid4()),
             "value": {"text": "Gone", "page": targets["deleted"], "url": ""}},
        ]),
    )
    html = client.get("/en/links/").content.decode()
    assert '<a class="button" href="/en/target/">Go</a>' in html
    assert "Gone" not in html
    assert 'href=""' not in html
