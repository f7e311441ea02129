"""What the site-wide templates need to know about the page tree of the current language."""

from dataclasses import dataclass

from django.conf import settings
from django.urls import Resolver404, resolve, translate_url
from django.utils.translation import get_language, get_language_info
from wagtail.models import Locale, Page, Site


@dataclass(frozen=True)
class LanguageVersion:
    code: str
    name: str
    url: str
    is_current: bool
    is_translation: bool  # False: no translation exists, the link leads to that language's home


def locale_home(request) -> Page | None:
    """The home page in the active language (the site root's translation), cached per request."""
    if not hasattr(request, "_locale_home"):
        site = Site.find_for_request(request)
        request._locale_home = None
        if site is not None:
            root = site.root_page
            request._locale_home = (
                root.get_translation_or_none(Locale.get_active())
                if root.locale_id != Locale.get_active().pk
                else root
            )
    return request._locale_home


def _homes_by_language(request) -> dict[str, Page]:
    site = Site.find_for_request(request)
    if site is None:
        return {}
    return {
        p.locale.language_code: p
        for p in site.root_page.get_translations(inclusive=True)
        .live()
        .select_related("locale")
    }


def _same_view_in(request, code: str) -> str | None:
    """For a Django view under i18n_patterns (not a Wagtail page), its URL in another language."""
    try:
        match = resolve(request.path_info)
    except Resolver404:
        return None
    if match.url_name == "wagtail_serve":
        return None
    return translate_url(request.path, code)


def language_versions(request, page: Page | None) -> list[LanguageVersion]:
    """One entry per site language, leading to the same content where it is translated and
    to that language's home page where it is not."""
    translations = {}
    if isinstance(page, Page) and page.pk:
        translations = {
            p.locale.language_code: p
            for p in page.get_translations(inclusive=True)
            .live()
            .public()
            .select_related("locale")
        }
    homes = None
    versions = []
    for code, _name in settings.LANGUAGES:
        if translations:
            url = translations[code].get_url(request) if code in translations else None
        else:
            url = _same_view_in(request, code)
        is_translation = url is not None
        if url is None:
            if homes is None:
                homes = _homes_by_language(request)
            url = homes[code].get_url(request) if code in homes else f"/{code}/"
        versions.append(
            LanguageVersion(
                code=code,
                name=get_language_info(code)["name_local"],
                url=url,
                is_current=code == get_language(),
                is_translation=is_translation,
            )
        )
    return versions


def menu_items(request, page: Page | None) -> list[dict]:
    home = locale_home(request)
    if home is None:
        return []
    current_path = page.path if isinstance(page, Page) else ""
    return [
        {
            "title": child.title,
            "url": child.get_url(request),
            "is_current": bool(current_path) and current_path == child.path,
            "is_ancestor": bool(current_path) and current_path.startswith(child.path)
            and current_path != child.path,
        }
        for child in home.get_children().live().public().in_menu()
    ]


def breadcrumb(page: Page) -> list[Page]:
    """The ancestors from the language's home page down to the parent of ``page``."""
    return list(page.get_ancestors().filter(depth__gte=2))
