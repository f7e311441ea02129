from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import Locale, Page


@register_setting(icon="doc-full")
class LegalPages(BaseSiteSetting):
    """The pages a German city's site must link from every page.

    Editors pick the German pages; visitors get the translation in their language.
    """

    imprint_page = models.ForeignKey(
        Page, verbose_name=_("imprint"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    privacy_page = models.ForeignKey(
        Page, verbose_name=_("privacy notice"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    accessibility_page = models.ForeignKey(
        Page, verbose_name=_("accessibility statement"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )

    panels = [
        FieldPanel("imprint_page"),
        FieldPanel("privacy_page"),
        FieldPanel("accessibility_page"),
    ]

    class Meta:
        verbose_name = _("legal pages")

    def links_for(self, locale: Locale) -> list[Page]:
        """The chosen pages in the given locale, else the chosen page itself; one query."""
        chosen_ids = [
            pk
            for pk in (self.imprint_page_id, self.privacy_page_id, self.accessibility_page_id)
            if pk
        ]
        if not chosen_ids:
            return []
        keys = Page.objects.filter(pk__in=chosen_ids).values("translation_key")
        pages = list(Page.objects.live().public().filter(translation_key__in=keys))
        chosen = {p.pk: p for p in pages if p.pk in chosen_ids}
        in_locale = {p.translation_key: p for p in pages if p.locale_id == locale.pk}
        return [
            in_locale.get(chosen[pk].translation_key, chosen[pk])
            for pk in chosen_ids
            if pk in chosen
        ]
