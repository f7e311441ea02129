from dataclasses import dataclass

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import Locale, Page


@dataclass(frozen=True)
class LegalLink:
    page: Page
    hreflang: str  # the page's language where it is not the reader's, else ""
    field: str = ""  # which setting chose it, e.g. "privacy_page"


@dataclass(frozen=True)
class LegalPageProblem:
    label: str
    missing_languages: list[str]  # language names; every site language when nothing is live

    @property
    def missing_everywhere(self) -> bool:
        return len(self.missing_languages) == len(settings.LANGUAGES)


@register_setting(icon="doc-full")
class LegalPages(BaseSiteSetting):
    """The pages a German city's site must link from every page.

    Editors pick the pages (usually the German ones); visitors get the live translation in
    their language, else a live one in another language, whatever state the chosen page is in.
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
    netiquette_page = models.ForeignKey(
        Page, verbose_name=_("netiquette"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
        help_text=_("The rules for discussions, linked from every comment form and decision."),
    )

    panels = [
        FieldPanel("imprint_page"),
        FieldPanel("privacy_page"),
        FieldPanel("accessibility_page"),
        FieldPanel("netiquette_page"),
    ]
    page_fields = ("imprint_page", "privacy_page", "accessibility_page", "netiquette_page")

    class Meta:
        verbose_name = _("legal pages")

    def _live_versions(self) -> dict[str, list[Page]]:
        """Field name → the live, public pages of the chosen page's translation group (two
        queries); a field left empty (or whose page was deleted) is left out."""
        chosen = {name: getattr(self, f"{name}_id") for name in self.page_fields}
        key_of = dict(
            Page.objects.filter(pk__in=[pk for pk in chosen.values() if pk]).values_list(
                "pk", "translation_key"
            )
        )
        if not key_of:
            return {}
        pages = list(
            Page.objects.live()
            .public()
            .filter(translation_key__in=key_of.values())
            .select_related("locale")
        )
        return {
            name: [page for page in pages if page.translation_key == key_of[pk]]
            for name, pk in chosen.items()
            if pk in key_of
        }

    def links_for(self, locale: Locale) -> list[LegalLink]:
        """One link per chosen page: to its version in ``locale``, else to a live version in
        another language (the site's default language first)."""
        order = [code for code, _name in settings.LANGUAGES]  # the default language first

        def preference(page):
            code = page.locale.language_code
            rank = order.index(code) if code in order else len(order)
            return (page.locale_id != locale.pk, rank, page.pk)

        links = []
        for name, versions in self._live_versions().items():
            if not versions:
                continue
            page = min(versions, key=preference)
            hreflang = "" if page.locale_id == locale.pk else page.locale.language_code
            links.append(LegalLink(page, hreflang, name))
        return links

    def link_to(self, field_name: str, locale: Locale) -> LegalLink | None:
        """The link to one chosen page (e.g. ``"netiquette_page"``) for readers of ``locale``."""
        return next((link for link in self.links_for(locale) if link.field == field_name), None)

    def problems(self) -> list[LegalPageProblem]:
        """What editors must fix: legal pages that are not chosen, or not live in a language."""
        names = dict(settings.LANGUAGES)
        versions = self._live_versions()
        found = []
        for name in self.page_fields:
            languages = {page.locale.language_code for page in versions.get(name, [])}
            missing = [str(names[code]) for code in names if code not in languages]
            if missing:
                found.append(LegalPageProblem(str(self._meta.get_field(name).verbose_name),
                                              missing))
        return found
