"""The shared StreamField blocks render accessibly and reject bad input."""

import json
import uuid

import pytest
from django.contrib.auth.models import User
from django.utils import translation
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.images import get_image_model
from wagtail.images.forms import get_image_form

from home.blocks import BaseStreamBlock, CallToActionBlock
from tests.factories.events import localize
from tests.factories.home import ContentPageFactory, SiteImageFactory

pytestmark = pytest.mark.django_db


def image_block(image, alt_text="", decorative=False, caption="", credit=""):
    """Stored data of one ``image`` block (CaptionedImageBlock around Wagtail's ImageBlock)."""
    return {
        "type": "image",
        "id": str(uuid.uuid4()),
        "value": {
            "image": {"image": image.pk if image else None, "alt_text": alt_text,
                      "decorative": decorative},
            "caption": caption,
            "credit": credit,
        },
    }


def test_image_block_renders_webp_and_jpeg_with_its_alt_text_and_credit(client, site_tree):
    image = SiteImageFactory(description="Das Rathaus", credit="Foto: T. Peißker")
    ContentPageFactory(
        parent=site_tree.home_de,
        slug="bilder",
        body=json.dumps([image_block(image, alt_text="Das Rathaus am Markt", caption="Der Markt")]),
    )
    html = client.get("/de/bilder/").content.decode()
    assert "<picture>" in html
    assert 'type="image/webp"' in html
    assert 'alt="Das Rathaus am Markt"' in html
    assert ".jpg" in html or ".jpeg" in html
    assert "Der Markt" in html
    assert "Foto: T. Peißker" in html


def test_a_decorative_image_has_an_empty_alt_and_a_missing_image_renders_nothing(
    client, site_tree
):
    image = SiteImageFactory(description="Das Rathaus", credit="")
    gone = SiteImageFactory(description="Weg")
    blocks = [image_block(image, decorative=True), image_block(gone, alt_text="Weg")]
    gone.delete()
    ContentPageFactory(parent=site_tree.home_de, slug="bild", body=json.dumps(blocks))
    html = client.get("/de/bild/").content.decode()
    assert 'alt=""' in html
    assert "Das Rathaus" not in html and "Weg" not in html
    assert "<figcaption>" not in html
    assert html.count('<figure class="figure">') == 1


def test_the_image_block_asks_for_alt_text_or_the_decorative_flag(site_tree):
    image = SiteImageFactory(description="Das Rathaus")
    block = BaseStreamBlock().child_blocks["image"]
    value = block.to_python(image_block(image)["value"])
    with pytest.raises(StructBlockValidationError):
        block.clean(value)
    block.clean(block.to_python(image_block(image, decorative=True)["value"]))
    block.clean(block.to_python(image_block(image, alt_text="Das Rathaus")["value"]))


def test_the_block_alt_text_is_translated_with_the_page(
    client, site_tree, django_capture_on_commit_callbacks
):
    image = SiteImageFactory(description="Das Rathaus")
    page = ContentPageFactory(
        parent=site_tree.home_de, slug="bild",
        body=json.dumps([image_block(image, alt_text="Das Rathaus am Markt", caption="Markt")]),
    )
    with django_capture_on_commit_callbacks(execute=True):
        english = localize(page)
    html = client.get(english.url).content.decode()
    assert 'alt="EN: Das Rathaus am Markt"' in html
    assert "EN: Markt" in html

    client.force_login(User.objects.create_superuser("admin", "admin@jena.example", "x" * 12))
    editor = client.get(f"/admin/pages/{english.pk}/edit/")
    assert editor.status_code == 200
    assert "Das Rathaus am Markt" in editor.content.decode()  # a segment to translate


def test_call_to_action_needs_exactly_one_target(site_tree):
    block = CallToActionBlock()
    with pytest.raises(StructBlockValidationError):
        block.clean(block.to_python({"text": "Mitmachen", "page": None, "url": ""}))
    with pytest.raises(StructBlockValidationError):
        block.clean(
            block.to_python({"text": "Mitmachen", "page": site_tree.home_de.pk,
                             "url": "https://example.org/"})
        )
    value = block.clean(block.to_python({"text": "Mitmachen", "page": None,
                                         "url": "https://example.org/"}))
    assert value["url"] == "https://example.org/"


def test_image_upload_form_requires_alternative_text():
    form_class = get_image_form(get_image_model())
    form = form_class(data={"title": "Rathaus", "description": "", "credit": ""})
    assert not form.is_valid()
    assert "description" in form.errors
    assert "alt_text" not in form.fields
    with translation.override("de"):
        assert str(form.fields["description"].label) == "Alternativtext"
