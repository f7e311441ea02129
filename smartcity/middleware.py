"""Refuse oversized request bodies before any view reads them."""

from django.conf import settings
from django.http import HttpResponse
from django.template.loader import render_to_string


class RequestBodyLimitMiddleware:
    """A public request with a body larger than ``DATA_UPLOAD_MAX_MEMORY_SIZE`` gets a 413 at
    once, whether or not its view would read the body. The admin is left to Wagtail: image and
    document uploads are larger and stream to disk."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
        if limit and length > limit and not request.path.startswith("/admin/"):
            body = render_to_string("413.html", request=request)
            return HttpResponse(body, status=413)
        return self.get_response(request)


RETRY_AFTER_SECONDS = 60


def _is_redis_error(error: BaseException) -> bool:
    from redis.exceptions import RedisError

    return isinstance(error, RedisError)


class CacheOutageMiddleware:
    """Forms count attempts (rate limits, log-in lockouts) in Redis. While Redis does not
    answer they cannot be counted, so a form is refused with a translated 503 and
    ``Retry-After`` (never a 500, never an uncounted write); pages that only read keep
    rendering from the database (``smartcity.cache.TolerantRedisCache``)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if self._counts_attempts(request) and not self._counter_answers():
            return self.unavailable(request)
        return self.get_response(request)

    def process_exception(self, request, exception):
        if _is_redis_error(exception):
            return self.unavailable(request)
        return None

    @staticmethod
    def _counts_attempts(request) -> bool:
        if request.method in ("GET", "HEAD", "OPTIONS", "TRACE"):
            return False
        return not request.path.startswith("/admin/") or request.path.startswith("/admin/login/")

    @staticmethod
    def _counter_answers() -> bool:
        from django.core.cache import caches

        try:
            caches[settings.RATELIMIT_CACHE].get("outage-probe")
        except Exception as error:
            if _is_redis_error(error):
                return False
            raise
        return True

    @staticmethod
    def unavailable(request):
        from django.utils import translation

        # Before LocaleMiddleware: the language comes from the path, as it will for the page.
        language = translation.get_language_from_request(request, check_path=True)
        with translation.override(language):
            body = render_to_string("503.html", request=request)
        response = HttpResponse(body, status=503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response
