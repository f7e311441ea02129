from wagtail.admin.auth import permission_denied
from wagtail.admin.views.reports import ReportView
from wagtail.contrib.search_promotions.views.reports import SearchTermsReportView

PROMOTION_PERMISSIONS = [
    "wagtailsearchpromotions.add_searchpromotion",
    "wagtailsearchpromotions.change_searchpromotion",
    "wagtailsearchpromotions.delete_searchpromotion",
]


def can_manage_promotions(user) -> bool:
    return any(user.has_perm(permission) for permission in PROMOTION_PERMISSIONS)


class PopularSearchTermsView(SearchTermsReportView):
    """Wagtail's "Search terms" report, for everyone who manages promoted results (the
    communications team) rather than for superusers only."""

    index_url_name = "site_search_admin:popular_terms"
    index_results_url_name = "site_search_admin:popular_terms_results"

    def dispatch(self, request, *args, **kwargs):
        if not can_manage_promotions(request.user):
            return permission_denied(request)
        return ReportView.dispatch(self, request, *args, **kwargs)
