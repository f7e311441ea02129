"""Answers that cannot change during one request, worked out once per request.

Wagtail's ``PageQuerySet.public()`` reads every page view restriction each time it is called
(a page costs several calls: routing, navigation, listings, the footer), and
``Locale.get_active()`` reads the active locale each time. Inside a request both are read once;
outside a request (commands, the worker, the shell) nothing changes."""

import contextvars

from django.db.models import Q

_memo: contextvars.ContextVar[dict | None] = contextvars.ContextVar("request_memo", default=None)


def memoized(key, compute):
    memo = _memo.get()
    if memo is None:
        return compute()
    if key not in memo:
        memo[key] = compute()
    return memo[key]


class RequestMemoMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _memo.set({})
        try:
            return self.get_response(request)
        finally:
            _memo.reset(token)


def install() -> None:
    from django.utils.translation import get_language
    from wagtail.models import Locale, PageViewRestriction
    from wagtail.query import PageQuerySet

    def restricted_pages():
        return [r.page for r in PageViewRestriction.objects.select_related("page")]

    def private_q(self):
        q = Q()
        for page in memoized("restricted_pages", restricted_pages):
            q |= self.descendant_of_q(page, inclusive=True)
        return q if q else Q(pk__in=[])

    PageQuerySet.private_q = private_q

    get_active = Locale.get_active.__func__

    def memoized_get_active(cls):
        return memoized(("locale", get_language()), lambda: get_active(cls))

    Locale.get_active = classmethod(memoized_get_active)
