"""Wagtail's routing, remembered per process under the content version.

Wagtail finds a page by walking the tree from the site's root: two queries per level (the child,
then its specific row), six for a chapter. Which live page an address names changes only by a
publish, unpublish, move, deletion or a change of site, and each of those makes a new content
version; so the answer is remembered under that version, and a request whose route is known
loads its page with one query. Only plain pages are remembered: a routable page's sub-routes
(the news feeds, the calendar views) carry view functions and arguments and are routed afresh.
"""

import threading

from django.contrib.contenttypes.models import ContentType
from django.http import Http404
from django.utils.translation import get_language
from wagtail.models import Page
from wagtail.url_routing import RouteResult

from . import content_version

# (version, host, language, path) → (content type, page id); the language picks the tree
_known: dict[tuple, tuple[int, int]] = {}
_lock = threading.Lock()
LIMIT = 5000


def install() -> None:
    route_for_request = Page.route_for_request

    def remembered(request, path):
        if hasattr(request, "_wagtail_route_for_request"):
            return request._wagtail_route_for_request
        version = getattr(request, "_content_version", None) or content_version(request)
        key = (version, request.get_host(), get_language(), path)
        if (known := _known.get(key)) is not None:
            content_type, page_id = known
            model = ContentType.objects.get_for_id(content_type).model_class()
            page = model.objects.filter(pk=page_id, live=True).first()
            if page is not None:
                request._wagtail_route_for_request = RouteResult(page)
                return request._wagtail_route_for_request
        try:
            result = route_for_request(request, path)
        except Http404:
            result = None
        if result is not None and not result.args and not result.kwargs \
                and type(result.page).route is Page.route:
            with _lock:
                if len(_known) >= LIMIT:
                    _known.clear()
                _known[key] = (result.page.content_type_id, result.page.pk)
        return result

    Page.route_for_request = staticmethod(remembered)
