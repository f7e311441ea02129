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


def _legal_links(request):
    """The legal pages' links for this request's language, worked out once per request (the
    footer and the participation forms both ask)."""
    if not hasattr(request, "_legal_links"):
        try:
            legal_pages = LegalPages.for_request(request)
        except LegalPages.DoesNotExist:  # no site answers to this host
            request._legal_links = []
        else:
            request._legal_links = legal_pages.links_for(Locale.get_active())
    return request._legal_links


@register.simple_tag(takes_context=True)
def legal_links(context):
    return _legal_links(context["request"])


@register.simple_tag(takes_context=True)
def locale_home(context):
    return navigation.locale_home(context["request"])


@register.simple_tag(takes_context=True)
def legal_link(context, field_name):
    """One of the site's legal pages for the reader's language, e.g. "netiquette_page"."""
    return next((link for link in _legal_links(context["request"]) if link.field == field_name),
                None)
