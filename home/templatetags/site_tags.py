from django import template
from wagtail.models import Locale

from home import navigation
from home.models import LegalPages

register = template.Library()


@register.inclusion_tag("includes/main_menu.html", takes_context=True)
def main_menu(context):
    request = context["request"]
    return {
        "home": navigation.locale_home(request),
        "items": navigation.menu_items(request, context.get("page")),
    }


@register.simple_tag(takes_context=True)
def language_versions(context):
    """Cached on the request: the switcher and the hreflang links both need it."""
    request = context["request"]
    if not hasattr(request, "_language_versions"):
        request._language_versions = navigation.language_versions(request, context.get("page"))
    return request._language_versions


@register.inclusion_tag("includes/breadcrumb.html", takes_context=True)
def breadcrumb(context):
    page = context.get("page")
    return {"page": page, "ancestors": navigation.breadcrumb(page) if page else []}


@register.simple_tag(takes_context=True)
def legal_links(context):
    try:
        legal_pages = LegalPages.for_request(context["request"])
    except LegalPages.DoesNotExist:  # no site answers to this host
        return []
    return legal_pages.links_for(Locale.get_active())


@register.simple_tag(takes_context=True)
def locale_home(context):
    return navigation.locale_home(context["request"])


@register.simple_tag(takes_context=True)
def legal_link(context, field_name):
    """One of the site's legal pages for the reader's language, e.g. "netiquette_page"."""
    try:
        legal_pages = LegalPages.for_request(context["request"])
    except LegalPages.DoesNotExist:
        return None
    return legal_pages.link_to(field_name, Locale.get_active())
