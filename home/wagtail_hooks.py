from django.urls import reverse
from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.models import Site

from home.models import LegalPages
from home.rich_text import LocalizedPageLinkHandler


# After Wagtail's own registration (order 0), so this handler replaces its "page" link type.
@hooks.register("register_rich_text_features", order=10)
def register_localized_page_links(features):
    features.register_link_type(LocalizedPageLinkHandler)


class LegalPagesPanel(Component):
    """On the admin dashboard while an imprint, privacy notice or accessibility statement is
    missing from the footer in some language."""

    name = "legal_pages"
    order = 50
    template_name = "home/admin/legal_pages_panel.html"

    def __init__(self, site: Site, problems):
        self.site, self.problems = site, problems

    def get_context_data(self, parent_context):
        settings_url = ""
        if parent_context["request"].user.has_perm("home.change_legalpages"):
            settings_url = reverse(
                "wagtailsettings:edit", args=["home", "legalpages", self.site.pk]
            )
        return {"problems": self.problems, "settings_url": settings_url}


@hooks.register("construct_homepage_panels")
def warn_about_missing_legal_pages(request, panels):
    site = Site.find_for_request(request)
    if site is None:
        return
    problems = LegalPages.for_site(site).problems()
    if problems:
        panels.append(LegalPagesPanel(site, problems))
