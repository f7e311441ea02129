"""StreamField blocks shared by every page type. An app's own blocks stay in that app."""

from django.core.exceptions import ValidationError
from django.forms.utils import ErrorList
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.images.blocks import ImageBlock
from wagtail.models import Locale, Page

RICH_TEXT_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul", "h3", "h4"]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("heading"), max_length=200)
    level = blocks.ChoiceBlock(
        label=_("level"),
        choices=[("h2", _("Heading 2")), ("h3", _("Heading 3"))],
        default="h2",
        search_index=False,
    )

    class Meta:
        icon = "title"
        label = _("Heading")
        template = "home/blocks/heading_block.html"
        preview_value = {"text": "Digitale Verwaltung", "level": "h2"}


class ParagraphBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        kwargs.setdefault("features", RICH_TEXT_FEATURES)
        super().__init__(**kwargs)

    class Meta:
        icon = "pilcrow"
        label = _("Text")
        template = "home/blocks/paragraph_block.html"
        preview_value = "<p>Die Stadt Jena macht ihre Dienstleistungen digital verfügbar.</p>"


class CaptionedImageBlock(blocks.StructBlock):
    """An image with Wagtail's contextual alternative text (filled in from the image's
    description when it is chosen, translated with the page) or marked as decorative, and an
    optional caption and credit."""

    image = ImageBlock(label=_("image"))
    caption = blocks.CharBlock(label=_("caption"), required=False, max_length=300)
    credit = blocks.CharBlock(
        label=_("credit"),
        required=False,
        max_length=255,
        help_text=_("Leave empty to use the credit stored with the image."),
    )

    class Meta:
        icon = "image"
        label = _("Image")
        template = "home/blocks/image_block.html"


def reader_target(page: Page | None) -> Page | None:
    """Where a chosen page leads the reader: its live translation in the active language, else
    the page itself while it is live; None for a page that was deleted or unpublished."""
    if page is None:
        return None
    target = page.localized
    return target if target.live else None


def other_language(page: Page) -> str:
    """The page's language code when it is not the reader's (for ``hreflang``), else ``""``."""
    active = Locale.get_active()
    return "" if page.locale_id == active.pk else page.locale.language_code


class LinkValue(blocks.StructValue):
    """The reader's view of a link: ``href`` is empty when the chosen page is gone."""

    @cached_property
    def target_page(self) -> Page | None:
        return reader_target(self.get("page"))

    @cached_property
    def href(self) -> str:
        if self.target_page is not None:
            return self.target_page.url or ""
        return self.get("url") or ""

    @cached_property
    def hreflang(self) -> str:
        return other_language(self.target_page) if self.target_page is not None else ""


class LinkBlock(blocks.StructBlock):
    """A link to a page of the site or to an external address (exactly one of them).

    A page link leads to the page's translation in the reader's language where there is one;
    render it with ``home/includes/link.html``.
    """

    text = blocks.CharBlock(label=_("link text"), max_length=120)
    page = blocks.PageChooserBlock(label=_("page"), required=False)
    url = blocks.URLBlock(label=_("external address"), required=False)

    class Meta:
        icon = "link"
        label = _("Link")
        value_class = LinkValue

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("page")) == bool(value.get("url")):
            message = _("Choose either a page or an external address.")
            raise StructBlockValidationError(
                block_errors={
                    "page": ErrorList([ValidationError(message)]),
                    "url": ErrorList([ValidationError(message)]),
                }
            )
        return value


class CallToActionBlock(LinkBlock):
    class Meta:
        icon = "link"
        label = _("Call to action")
        template = "home/blocks/call_to_action_block.html"
        preview_value = {"text": "Mitmachen", "url": "https://example.org/"}


class BaseStreamBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    image = CaptionedImageBlock()
    call_to_action = CallToActionBlock()
