from django.db import models
from django.utils.functional import SimpleLazyObject, cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.images import get_image_model_string
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from home.blocks import RICH_TEXT_FEATURES
from home.models import ImageAltTextMixin
from home.related import sections_for
from participation.mixins import ParticipationMixin, Target

from . import outline
from .blocks import GoalStreamBlock, SectionStreamBlock


class StrategyIndexPage(Page):
    """The Smart City strategy: an introduction and its chapters (fields of action)."""

    intro = RichTextField(_("introduction"), features=RICH_TEXT_FEATURES, blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["strategy.StrategyChapterPage"]
    max_count_per_parent = 1
    show_in_menus_default = True

    class Meta:
        verbose_name = _("strategy")

    def chapters(self):
        """The published chapters of this strategy (so in its language), by chapter number."""
        return (
            StrategyChapterPage.objects.child_of(self)
            .live()
            .public()
            .select_related("image")
            .prefetch_related("image__renditions")
            .order_by("chapter_number", "path")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["chapters"] = self.chapters()
        return context


class StrategyChapterPage(ImageAltTextMixin, ParticipationMixin, Page):
    """One field of action ("Handlungsfeld") of the strategy."""

    chapter_number = models.PositiveSmallIntegerField(_("chapter number"))
    summary = models.TextField(_("summary"), blank=True)
    image = models.ForeignKey(
        get_image_model_string(),
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    image_alt_text = models.CharField(
        _("alternative text"),
        max_length=255,
        blank=True,
        help_text=_(
            "Filled in with the image's alternative text, to adapt to this chapter and to "
            "translate. Choosing another image replaces it unless you change it as well."
        ),
    )
    sections = StreamField(SectionStreamBlock(), verbose_name=_("sections"), blank=True)
    goals = StreamField(GoalStreamBlock(), verbose_name=_("goals and measures"), blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("chapter_number"),
        FieldPanel("summary"),
        MultiFieldPanel([FieldPanel("image"), FieldPanel("image_alt_text")], heading=_("Image")),
        FieldPanel("sections"),
        FieldPanel("goals"),
        *ParticipationMixin.participation_panels,
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("sections"),
        index.SearchField("goals"),
    ]
    # Text, goals and measures are translated; the number, the image, the statuses inside the
    # goals (choice blocks) and the participation settings are the same in every language.
    override_translatable_fields = [
        SynchronizedField("chapter_number", overridable=False),
        *ParticipationMixin.participation_synchronized_fields,
    ]

    parent_page_types = ["strategy.StrategyIndexPage"]
    subpage_types = []
    image_alt_text_fields = {"image": "image_alt_text"}

    class Meta:
        verbose_name = _("strategy chapter")

    @property
    def key(self) -> str:
        """A short key shared by every language of this chapter that survives renaming and
        moving it (the first 8 hex digits of its translation key), e.g. for feed filters."""
        return self.translation_key.hex[:8]

    @property
    def image_alt(self) -> str:
        if self.image_alt_text:
            return self.image_alt_text
        return self.image.default_alt_text if self.image else ""

    @cached_property
    def section_list(self) -> list[outline.Section]:
        return outline.sections(self.sections)

    @cached_property
    def goal_list(self) -> list[outline.Goal]:
        return outline.goals(self.goals)

    def participation_targets(self) -> list[Target]:
        targets = []
        for goal in self.goal_list:
            label = _("Goal %(number)s: %(title)s") % {"number": goal.number, "title": goal.title}
            targets.append(Target(goal.key, "goal", label, goal.anchor, goal.description))
            for measure in goal.measures:
                label = _("Measure %(number)s: %(title)s") % {
                    "number": measure.number, "title": measure.title
                }
                targets.append(
                    Target(measure.key, "measure", label, measure.anchor, measure.description)
                )
        return targets

    def participation_removed_label(self, kind: str) -> str:
        if kind == "goal":
            return _("About a goal that was removed")
        if kind == "measure":
            return _("About a measure that was removed")
        return super().participation_removed_label(kind)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Read only when the fragments that show them are not in the cache.
        context["related_sections"] = SimpleLazyObject(lambda: sections_for(self, request))
        return context
