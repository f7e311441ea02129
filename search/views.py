from django.template.response import TemplateResponse
from django.utils.functional import SimpleLazyObject
from wagtail.models import Locale

from smartcity.pagecache import mark_cacheable

from .forms import SearchForm
from .site_search import SiteSearch


def search(request):
    """The same for every anonymous reader of one query: kept in the page cache (a cached
    answer is not counted again in the search statistics). The results are read lazily: the
    template keeps them in a fragment per query, page and content version, so a reader the page
    cache does not serve (one with a session) is answered without running the search again."""
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
        requested = request.GET.get("page")
        result_page = SimpleLazyObject(lambda: site_search.page(requested))
        if requested is None:  # a new search, not the next page of one
            site_search.record()
        context.update(
            search=site_search,
            result_page=result_page,
            page_obj=SimpleLazyObject(lambda: result_page.page_obj),
            promotions=SimpleLazyObject(
                lambda: site_search.promotions if result_page.page_obj.number == 1 else []
            ),
            pagination_query=form.query_string(),
            results_key=results_key(form, requested),
        )
    return TemplateResponse(request, "search/search.html", context, status=status)


def results_key(form, requested) -> str:
    """What the results section depends on besides the language and the content version: the
    page parameter as given (the same value always gives the same page of results)."""
    kind = form.cleaned_data["type"]
    return f"{form.cleaned_data['q']}|{kind.key if kind else ''}|{requested or ''}"
