from wagtail import blocks
from wagtail.fields import StreamField
from wagtail.models import Page

from participation.mixins import ParticipationMixin, Target


class DebatePage(ParticipationMixin, Page):
    """A page with numbered points, each with a discussion of its own."""

    points = StreamField([("point", blocks.CharBlock())], blank=True)

    override_translatable_fields = ParticipationMixin.participation_synchronized_fields
    content_panels = [*Page.content_panels, "points", *ParticipationMixin.participation_panels]

    def participation_targets(self):
        return [
            Target(key=point.id, kind="point", label=f"Point {number}: {point.value}",
                   anchor=f"p-{point.id[:8]}")
            for number, point in enumerate(self.points, start=1)
        ]
