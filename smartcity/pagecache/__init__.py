"""The anonymous page cache: whole responses of public pages on the shared cache.

Served only to readers without a session (so never to a signed-in user), only for GET, never
under /admin/ (previews), never a response that set a cookie, used a CSRF token or asked not to
be cached. An entry is valid while the content version it was rendered under is current:

- ``pagecache:v:content`` changes after any publish, unpublish, move or deletion of a page, and
  any change to a snippet, setting, site, image, document or view restriction (``signals``);
- ``pagecache:v:group:<translation_key>`` changes when the page's discussion changes
  (``participation.signals.discussion_changed``) or a survey on it is answered
  (``survey_changed``): both language copies share the key.

A purge is one write, whatever the number of pages. Versions are read before the page is
rendered, so a page rendered while a purge commits is stored under the old version and never
served. Entries expire after ``PAGE_CACHE_TIMEOUT`` seconds in any case.

An entry's body is stored gzip-compressed (a third to a sixth of the bytes to read and send)
and sent so to clients that accept gzip, as every browser does; others get it decompressed.
A cached page holds no secret (no CSRF token, nothing of a signed-in reader), so compressing
it gives a BREACH-style attack nothing to guess.
"""

import gzip
import hashlib
import re
import uuid
from dataclasses import dataclass, field

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.http import HttpResponse
from django.utils.cache import patch_vary_headers

CONTENT = "pagecache:v:content"
HEADER = "X-Page-Cache"
SKIPPED_HEADERS = {"set-cookie", "content-length", HEADER.lower()}
ACCEPTS_GZIP = re.compile(r"\bgzip\b")  # as Django's GZipMiddleware reads Accept-Encoding


def group_key(translation_key) -> str:
    return f"pagecache:v:group:{translation_key}"


def enabled() -> bool:
    return getattr(settings, "PAGE_CACHE_ENABLED", False)


def timeout() -> int:
    return getattr(settings, "PAGE_CACHE_TIMEOUT", 600)


def current_version(key: str) -> str | None:
    """The version stored under ``key``, created if missing; None when the cache is down."""
    version = cache.get(key)
    if version is None:
        cache.add(key, uuid.uuid4().hex, None)
        version = cache.get(key)
    return version


def bump(*keys: str) -> None:
    """Invalidate every entry rendered under ``keys``: at once, and again when the current
    transaction commits (a page rendered in between from the old rows is never served)."""
    def write():
        cache.set_many({key: uuid.uuid4().hex for key in keys}, None)

    write()
    if transaction.get_connection().in_atomic_block:
        transaction.on_commit(write)


def purge_content() -> None:
    bump(CONTENT)


def purge_group(translation_key) -> None:
    bump(group_key(translation_key))


def content_version(request) -> str:
    """The content version this request renders under (read once per request); templates use
    it as a fragment-cache key, so a publish shows in every fragment at once."""
    if not hasattr(request, "_content_version"):
        request._content_version = current_version(CONTENT) or uuid.uuid4().hex
    return request._content_version


@dataclass
class Pending:
    """A miss that may be stored: the versions it depends on, read before rendering."""

    key: str
    versions: dict[str, str] = field(default_factory=dict)
    cacheable: bool = False

    def depend_on(self, key: str) -> None:
        version = current_version(key)
        if version is None:
            self.key = ""  # the cache is down: nothing will be stored
        else:
            self.versions[key] = version


def mark_cacheable(request, translation_key=None) -> None:
    """Called for a response that is the same for every anonymous reader (a Wagtail page, the
    search); ``translation_key`` ties it to that translation group's discussion."""
    pending = getattr(request, "_page_cache", None)
    if pending is None:
        return
    pending.cacheable = True
    if translation_key:
        pending.depend_on(group_key(translation_key))


def request_is_cacheable(request) -> bool:
    if request.method != "GET" or request.path.startswith(uncached_paths()):
        return False
    cookies = request.COOKIES
    if settings.SESSION_COOKIE_NAME in cookies or "messages" in cookies:
        return False
    return "HTTP_AUTHORIZATION" not in request.META


def uncached_paths() -> tuple[str, ...]:
    """Previews and the admin; static and media files, which WhiteNoise or the web server
    answer without the page cache's round trip to Redis."""
    return ("/admin/", settings.STATIC_URL or "/static/", settings.MEDIA_URL or "/media/")


def entry_key(request) -> str:
    # The host as Django would use it (X-Forwarded-Host only if USE_X_FORWARDED_HOST), not
    # validated again: an entry exists only for a host that Django accepted when it stored it.
    url = f"{request.scheme}://{request._get_raw_host()}{request.get_full_path()}"
    return "pagecache:page:" + hashlib.sha256(url.encode()).hexdigest()


def response_is_storable(request, response) -> bool:
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    if response.has_header("Content-Encoding"):  # entries hold the body as rendered, gzipped
        return False
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE") or getattr(request, "is_preview", False):
        return False
    cache_control = response.get("Cache-Control", "")
    if any(word in cache_control for word in ("private", "no-cache", "no-store")):
        return False
    if b"csrfmiddlewaretoken" in response.content:
        return False
    user = getattr(request, "user", None)
    return not (user is not None and user.is_authenticated)


# Which group versions an entry depends on, learnt per process, so that a hit asks Redis once
# for the content version, the entry and its group versions together. Only a hint: whatever an
# entry names and was not fetched is fetched before the entry is trusted.
_dependencies: dict[str, tuple[str, ...]] = {}


@dataclass
class Lookup:
    key: str
    values: dict  # what Redis answered: the content version, the entry, group versions
    entry: dict | None = None


def lookup(request) -> Lookup:
    """Read the entry for this request and the versions it depends on; ``entry`` is set only
    when it is still valid."""
    key = entry_key(request)
    hinted = _dependencies.get(key, ())
    found = cache.get_many([CONTENT, key, *hinted])
    result = Lookup(key=key, values=found)
    entry = found.get(key)
    if entry is None or "gzip" not in entry:  # none, or stored by an older release
        return result
    versions = entry.get("versions", {})
    depends = tuple(k for k in versions if k != CONTENT)
    if depends != hinted:
        if len(_dependencies) > 10_000:
            _dependencies.clear()
        _dependencies[key] = depends
    missing = [k for k in versions if k not in found]
    if missing:
        found.update(cache.get_many(missing))
    if versions and all(found.get(k) == v for k, v in versions.items()):
        result.entry = entry
    return result


LOOKUP = "smartcity.pagecache.lookup"


class PageCacheMiddleware:
    """The outermost middleware: an entry holds the response as it finally left (security
    headers, CSP), and a hit costs one round trip to Redis and no database query. A miss is
    rendered as usual and stored if it qualifies. ``serve_hits`` answers hits even before
    Django's request handling; its lookup is reused here."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not enabled() or not request_is_cacheable(request):
            return self.get_response(request)
        found = request.META.pop(LOOKUP, None) or lookup(request)
        if found.entry is not None:
            return replay(found.entry, request)
        content = found.values.get(CONTENT) or current_version(CONTENT)
        pending = Pending(key=found.key if content else "")
        if content:
            pending.versions[CONTENT] = content
            request._content_version = content
        request._page_cache = pending
        response = self.get_response(request)
        if pending.cacheable and pending.key and response_is_storable(request, response):
            patch_vary_headers(response, ["Accept-Encoding"])
            cache.set(pending.key, {
                "versions": pending.versions,
                "status": response.status_code,
                "headers": [(k, v) for k, v in response.items()
                            if k.lower() not in SKIPPED_HEADERS],
                "gzip": gzip.compress(response.content, compresslevel=6, mtime=0),
            }, timeout())
            response[HEADER] = "miss"
        elif pending.cacheable:
            response[HEADER] = "uncacheable"
        return response


def answer(entry, accept_encoding: str) -> tuple[list[tuple[str, str]], bytes]:
    """The headers and the body of a hit, compressed when the client accepts gzip."""
    body = entry["gzip"]
    headers = [*entry["headers"], (HEADER, "hit")]
    if ACCEPTS_GZIP.search(accept_encoding):
        headers.append(("Content-Encoding", "gzip"))
    else:
        body = gzip.decompress(body)
    headers.append(("Content-Length", str(len(body))))
    return headers, body


def replay(entry, request) -> HttpResponse:
    headers, body = answer(entry, request.META.get("HTTP_ACCEPT_ENCODING", ""))
    response = HttpResponse(body, status=entry["status"])
    for name, value in headers:
        response[name] = value
    return response


def serve_hits(application):
    """Wrap the WSGI application: a valid entry is sent before Django handles the request
    (no request signals, no middleware, no URL resolving); anything else goes on to Django with
    the lookup already done."""
    from http import HTTPStatus

    from django.core.exceptions import DisallowedHost
    from django.core.handlers.wsgi import WSGIRequest

    def serve(environ, start_response):
        if enabled():
            request = WSGIRequest(environ)
            try:
                cacheable = request_is_cacheable(request)
                found = lookup(request) if cacheable else None
            except DisallowedHost:
                found = None  # Django answers it
            if found is not None and found.entry is not None:
                entry = found.entry
                status = HTTPStatus(entry["status"])
                headers, body = answer(entry, environ.get("HTTP_ACCEPT_ENCODING", ""))
                start_response(f"{status.value} {status.phrase}", headers)
                return [body]
            if found is not None:
                environ[LOOKUP] = found
        return application(environ, start_response)

    return serve


def context_processor(request):
    """``content_version`` for ``{% cache %}`` keys; read from the cache only when used."""
    from django.utils.functional import SimpleLazyObject

    return {"content_version": SimpleLazyObject(lambda: content_version(request))}
