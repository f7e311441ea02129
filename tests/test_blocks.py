"""The shared StreamField blocks render accessibly and reject bad input."""

import pytest
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.images import get_image_model
from wagtail.images.forms import get_image_form

from home.blocks import CallToActionBlock
from tests.factories.home import ContentPageFactory, SiteImageFactory

pytestmark = pytest.mark.django_db


def test_image_block_renders_webp_and_jpeg_with_alt_text_and_credit(client, site_tree):
    image = SiteImageFactory(alt_text="Das Rathaus am Markt", credit="Foto: T. Peißker")
    ContentPageFactory(
        parent=site_tree.home_de,
        slug="bilder",
        body=[("image", {"image": image, "alt_text": "", "caption": "Der Markt", "credit": ""})],
    )
    html = client.get("/de/bilder/").content.decode()
    assert "<picture>" in html
    assert 'type="image/webp"' in html
    assert 'alt="Das Rathaus am Markt"' in html
    assert ".jpg" in html or ".jpeg" in html
    assert "Der Markt" in html
    assert "Foto: T. Peißker" in html


def test_image_block_alt_text_overrides_the_images_own(client, site_tree):
    image = SiteImageFactory(alt_text="Das Rathaus", credit="")
    ContentPageFactory(
        parent=site_tree.home_de,
        slug="bild",
        body=[("image", {"image": image, "alt_text": "Town hall", "caption": "", "credit": ""})],
    )
    html = client.get("/de/bild/").content.decode()
    assert 'alt="Town hall"' in html
    assert "<figcaption>" not in html


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
    form = form_class(data={"title": "Rathaus", "alt_text": "", "credit": ""})
    assert not form.is_valid()
    assert "alt_text" in form.errors
