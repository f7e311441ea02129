from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .admin_views import PopularSearchTermsView, can_manage_promotions

admin_urlpatterns = (
    [
        path("", PopularSearchTermsView.as_view(), name="popular_terms"),
        path(
            "results/",
            PopularSearchTermsView.as_view(results_only=True),
            name="popular_terms_results",
        ),
    ],
    "site_search_admin",
)


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("reports/popular-search-terms/", include(admin_urlpatterns))]


class PopularSearchTermsMenuItem(MenuItem):
    def is_shown(self, request):
        return can_manage_promotions(request.user)


@hooks.register("register_reports_menu_item")
def register_popular_search_terms_menu_item():
    return PopularSearchTermsMenuItem(
        _("Popular search terms"),
        reverse("site_search_admin:popular_terms"),
        name="popular-search-terms",
        icon_name="search",
        order=1300,
    )


@hooks.register("construct_reports_menu")
def hide_superuser_only_search_terms(request, menu_items):
    menu_items[:] = [item for item in menu_items if item.name != "search-terms"]
