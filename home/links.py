"""Addresses of the site's own pages for code that has no request, e.g. background mails."""

from wagtail.models import Locale, Site

from .models import LegalPages


def netiquette_url(language: str) -> str:
    """The netiquette in ``language`` (or a live translation), as a full URL; "" if none."""
    site = Site.objects.filter(is_default_site=True).first()
    locale = Locale.objects.filter(language_code=language).first()
    if site is None or locale is None:
        return ""
    link = LegalPages.for_site(site).link_to("netiquette_page", locale)
    return link.page.get_full_url() if link else ""
