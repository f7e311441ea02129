"""The blocks of a strategy chapter: its sections, and its goals with their measures."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from home.blocks import CallToActionBlock, CaptionedImageBlock, ParagraphBlock


class MeasureStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    IN_PROGRESS = "in_progress", _("In progress")
    DONE = "done", _("Done")


class SectionContentBlock(blocks.StreamBlock):
    paragraph = ParagraphBlock()
    image = CaptionedImageBlock()
    call_to_action = CallToActionBlock()


class SectionBlock(blocks.StructBlock):
    """A titled part of the chapter text; the table of contents links each one."""

    heading = blocks.CharBlock(label=_("heading"), max_length=200)
    content = SectionContentBlock(label=_("content"))

    class Meta:
        icon = "doc-full"
        label = _("Section")
        preview_value = {
            "heading": "Welchen Nutzen haben die Bürgerinnen und Bürger?",
            "content": [("paragraph", "<p>Behördengänge lassen sich online erledigen.</p>")],
        }


class MeasureBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("title"), max_length=200)
    description = blocks.TextBlock(label=_("description"), required=False)
    status = blocks.ChoiceBlock(
        label=_("status"), choices=MeasureStatus.choices, default=MeasureStatus.PLANNED
    )
    responsible_unit = blocks.CharBlock(
        label=_("responsible unit"),
        max_length=200,
        help_text=_("The office or team that carries the measure out."),
    )
    timeframe = blocks.CharBlock(
        label=_("timeframe"),
        max_length=100,
        required=False,
        help_text=_("For example “2023–2025” or “from 2024”."),
    )

    class Meta:
        icon = "tick"
        label = _("Measure")


class GoalBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("title"), max_length=200)
    description = blocks.TextBlock(label=_("description"), required=False)
    measures = blocks.ListBlock(MeasureBlock(), label=_("measures"))

    class Meta:
        icon = "pick"
        label = _("Goal")
        preview_value = {
            "title": "Online-Dienste rund um die Uhr",
            "description": "Behördengänge sollen zu jeder Tageszeit online möglich sein.",
            "measures": [
                {
                    "title": "Terminbuchung für alle Bürgerservice-Leistungen",
                    "status": "in_progress",
                    "responsible_unit": "Fachdienst Bürgerservice",
                    "timeframe": "2023–2024",
                }
            ],
        }


class SectionStreamBlock(blocks.StreamBlock):
    section = SectionBlock()


class GoalStreamBlock(blocks.StreamBlock):
    goal = GoalBlock()
