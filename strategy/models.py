from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page


class StrategyIndexPage(Page):
    """The Smart City strategy: an introduction and its chapters (fields of action)."""

    parent_page_types = ["home.HomePage"]
    subpage_types = ["strategy.StrategyChapterPage"]

    class Meta:
        verbose_name = _("strategy")


class StrategyChapterPage(Page):
    """One field of action ("Handlungsfeld") of the strategy."""

    chapter_number = models.PositiveSmallIntegerField(_("chapter number"))
    summary = models.TextField(_("summary"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("chapter_number"), FieldPanel("summary")]

    parent_page_types = ["strategy.StrategyIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("strategy chapter")
