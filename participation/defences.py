"""Spam defences without any third-party service: a honeypot field, a signed minimum fill time
and rate limits per citizen and per address on the shared cache.

The rate-limit counters live in the default cache (Redis in production, so one counter serves
every app server and both languages). django-ratelimit stores only a hash of the address and
the window, and each counter expires with its window: no address is kept."""

import time
from dataclasses import dataclass

from django.conf import settings
from django.core import signing
from django.utils.translation import gettext_lazy as _
from django_ratelimit.core import is_ratelimited

FILL_TIME_SALT = "participation.form-started"
FILL_TIME_MAX_AGE = 60 * 60 * 24  # a form older than a day must be reloaded

DEFAULT_RATE_LIMITS = {
    # action: {"user": rate, "ip": rate}; rates in django-ratelimit's notation
    "comment": {"user": "5/m", "ip": "20/m"},
    "support": {"user": "60/m", "ip": "200/m"},
    "report": {"user": "10/h", "ip": "50/h"},
    "survey": {"user": "10/m", "ip": "60/h"},  # answering or changing a survey
}
PERIODS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def min_fill_seconds() -> int:
    return getattr(settings, "PARTICIPATION_MIN_FILL_SECONDS", 3)


def form_started_token(now: float | None = None) -> str:
    return signing.dumps(int(now if now is not None else time.time()), salt=FILL_TIME_SALT)


def fill_time_error(token: str, now: float | None = None) -> str:
    """Why the form's timing is not a person's, or ""."""
    try:
        started = signing.loads(token or "", salt=FILL_TIME_SALT, max_age=FILL_TIME_MAX_AGE)
    except signing.BadSignature:
        return str(_("The form has expired. Please reload the page and write your comment "
                     "again."))
    if (now if now is not None else time.time()) - started < min_fill_seconds():
        return str(_("That was very fast. Please check your text and send it again."))
    return ""


@dataclass
class RateLimited(Exception):
    retry_after: int


def rate_limits(action: str) -> dict[str, str]:
    configured = getattr(settings, "PARTICIPATION_RATE_LIMITS", None) or {}
    return configured.get(action) or DEFAULT_RATE_LIMITS[action]


def check_rate_limit(request, action: str) -> None:
    """Counts the request once per citizen and once per address; raises ``RateLimited``."""
    for key, rate in rate_limits(action).items():
        if key == "user" and not request.user.is_authenticated:
            continue  # anonymous visitors (anonymous survey answers) count by address only
        if is_ratelimited(request, group=f"participation.{action}", key=key, rate=rate,
                          increment=True):
            count, unit = rate.split("/")
            raise RateLimited(retry_after=PERIODS[unit[-1]] * int(unit[:-1] or 1))
