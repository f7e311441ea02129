"""What the add-on renders the same for every reader, kept in the shared cache.

Each translation group's discussion has a version (one cache key, shared by both languages);
it changes with any comment, support, report, decision, official answer or survey answer: at
once, and again when the transaction commits (a reader who rendered in between, from the rows
before the commit, stored under a version that is then already gone). Host pages
key their own fragments on it with ``{% participation_version page as version %}`` (counts per
goal and measure), and the discussion itself is kept for readers who are not signed in: they
all see the same threads and no form (nothing with a CSRF token is ever stored).
"""

import hashlib
import uuid

from django.core.cache import cache
from django.db import transaction
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

TIMEOUT = 600


def _version_key(translation_key) -> str:
    return f"participation:v:{translation_key}"


def version_of(page) -> str:
    """``version`` of the page's group, read once per page object (that is, per request)."""
    if not hasattr(page, "_participation_version"):
        page._participation_version = version(page.translation_key)
    return page._participation_version


def version(translation_key) -> str:
    """The current version of this group's discussion (a fresh one when the cache is down,
    so nothing is reused then)."""
    key = _version_key(translation_key)
    found = cache.get(key)
    if found is None:
        cache.add(key, uuid.uuid4().hex, None)
        found = cache.get(key)
    return found or uuid.uuid4().hex


def changed(translation_key) -> None:
    def bump():
        cache.set(_version_key(translation_key), uuid.uuid4().hex, None)

    bump()
    if transaction.get_connection().in_atomic_block:
        transaction.on_commit(bump)


def discussion_for_anonymous(request, page, render) -> str:
    """``render()`` for signed-in readers; for the others, what it rendered for the same page,
    language, phase, settings and address while the discussion's version is current."""
    if getattr(request, "user", None) is None or request.user.is_authenticated \
            or request.method != "GET":
        return render()
    parts = [version_of(page), page.pk, page.live_revision_id, get_language(),
             page.participation_phase(), repr(page.participation_settings),
             request.get_full_path()]
    key = "participation:discussion:" + hashlib.sha256(
        "|".join(map(str, parts)).encode()).hexdigest()
    html = cache.get(key)
    if html is None:
        html = render()
        if "csrfmiddlewaretoken" not in html:
            cache.set(key, str(html), TIMEOUT)
    return mark_safe(html)  # noqa: S308 (rendered by our own template above)
