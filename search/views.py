from django.template.response import TemplateResponse
from wagtail.models import Locale

from smartcity.pagecache import mark_cacheable

from .forms import SearchForm
from .site_search import SiteSearch


def search(request):
    """The same for every anonymous reader of one query: kept in the page cache (a cached
    answer is not counted again in the search statistics)."""
    mark_cacheable(request)
    form = SearchForm(request.GET if request.GET else None)
    context = {"form": form}
    status = 200
    if form.is_bound and not form.is_valid():
        status = 400
    elif form.is_bound and form.cleaned_data["q"]:
        site_search = SiteSearch(
            form.cleaned_data["q"], Locale.get_active(), form.cleaned_data["type"]
        )
        result_page = site_search.page(request.GET.get("page"))
        if "page" not in request.GET:  # a new search, not the next page of one
            site_search.record()
        if result_page.page_obj.number == 1:
            context["promotions"] = site_search.promotions
        context.update(
            search=site_search,
            result_page=result_page,
            page_obj=result_page.page_obj,
            pagination_query=form.query_string(),
        )
    return TemplateResponse(request, "search/search.html", context, status=status)
