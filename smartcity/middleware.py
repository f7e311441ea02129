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
