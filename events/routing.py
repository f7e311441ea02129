"""The URLs of the events pages' routes: words per language, pagination."""

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.http import Http404

# The route words of the events index, per language; the other language's word is a 404.
ROUTE_WORDS = {
    "archive": {"de": "archiv", "en": "archive"},
    "calendar": {"de": "kalender", "en": "calendar"},
}
WORD_OF_ROUTE = {"archive": "archive", "calendar": "calendar", "month": "calendar"}
RESERVED_SLUGS = {word for words in ROUTE_WORDS.values() for word in words.values()} | {"ical"}
PER_PAGE = 12


def route_url(page, request, name: str, **kwargs) -> str:
    """The URL of one of ``page``'s routes, with the route word of the page's language."""
    if name in WORD_OF_ROUTE:
        kwargs["word"] = route_word(page, WORD_OF_ROUTE[name])
    return page.get_url(request) + page.reverse_subpage(name, kwargs=kwargs or None)


def route_word(page, key: str) -> str:
    words = ROUTE_WORDS[key]
    return words.get(page.locale.language_code, words["en"])


def check_route_word(page, key: str, word: str) -> None:
    if word != route_word(page, key):
        raise Http404


def paginate(request, items, per_page: int = PER_PAGE):
    """One page of ``items``; a page number that is no number or out of range is a 404."""
    try:
        return Paginator(items, per_page).page(request.GET.get("page", 1))
    except (EmptyPage, PageNotAnInteger) as error:
        raise Http404 from error
