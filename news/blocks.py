"""The news app's own StreamField blocks; the shared ones come from ``home.blocks``."""

from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from home import blocks as home_blocks
from home.blocks import BaseStreamBlock


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("quotation"))
    attribution = blocks.CharBlock(label=_("who said it"), max_length=200)
    role = blocks.CharBlock(label=_("role"), required=False, max_length=200)

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "news/blocks/quote_block.html"
        preview_value = {
            "text": "Die Ideen der Bürgerinnen und Bürger fließen in die Strategie ein.",
            "attribution": "Manuela Meyer",
            "role": "Chief Digital Officer",
        }


class LinkBlock(home_blocks.LinkBlock):
    class Meta:
        icon = "link"
        label = _("Link")


class LinkListValue(blocks.StructValue):
    @cached_property
    def reachable_links(self) -> list:
        """The links that lead somewhere (a link to a deleted page is left out)."""
        return [link for link in self["links"] if link.href]


class LinkListBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("heading"), required=False, max_length=200)
    links = blocks.ListBlock(LinkBlock(), label=_("links"), min_num=1)

    class Meta:
        icon = "list-ul"
        label = _("Link list")
        template = "news/blocks/link_list_block.html"
        value_class = LinkListValue
        preview_value = {
            "heading": "Mehr erfahren",
            "links": [{"text": "Smart City Jena", "url": "https://example.org/"}],
        }


class NewsStreamBlock(BaseStreamBlock):
    quote = QuoteBlock()
    link_list = LinkListBlock()
