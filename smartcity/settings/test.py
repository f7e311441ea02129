"""The test suite's settings: fast, and touching nothing that belongs to a developer.

Whatever the shell exports (REDIS_URL, MEDIA_ROOT, EMAIL_URL), the suite gets a local-memory
cache, a media folder of its own in the system's temporary directory, the in-memory mail box and
tasks that run at once. Tests that need a real Redis ask for the ``redis_cache`` fixture, which
talks to ``TEST_REDIS_URL``: the host of REDIS_URL with a database number reserved for tests.
"""

import os
import tempfile
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-insecure-key"  # noqa: S105
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

# A page type of the tests' own hosts the participation add-on without any project app.
INSTALLED_APPS = [*INSTALLED_APPS, "tests.participation_host"]  # noqa: F405

# Machine translation is never called by the tests, whatever the shell exports.
DEEPL_API_KEY = ""
vars().pop("WAGTAILLOCALIZE_MACHINE_TRANSLATOR", None)

CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
RATELIMIT_CACHE = RATELIMIT_USE_CACHE = AXES_CACHE = "default"
# Off, so tests that assert fresh content see it; tests/test_page_cache.py turns it on.
PAGE_CACHE_ENABLED = False
SILENCED_SYSTEM_CHECKS = ["axes.W001"]  # the local cache is enough for one test process
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

# A worker process that a test starts (tests/test_worker.py): the queue in the test database,
# mail into files of the test's own folder (an in-memory outbox cannot cross processes).
if os.environ.get("SMARTCITY_TEST_WORKER_MAIL_DIR"):
    TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
    EMAIL_FILE_PATH = os.environ["SMARTCITY_TEST_WORKER_MAIL_DIR"]

# One folder per test process, created on first upload and removed when the session ends
# (tests/isolation.py); never the checkout's media/.
TEST_MEDIA_PREFIX = "smartcity-test-media-"
MEDIA_ROOT = Path(tempfile.gettempdir()) / f"{TEST_MEDIA_PREFIX}{os.getpid()}"
STATIC_ROOT = Path(tempfile.gettempdir()) / f"smartcity-test-static-{os.getpid()}"


def _reserved_redis_url(url: str, database: int) -> str:
    parts = urlsplit(url or "redis://127.0.0.1:6379")
    return urlunsplit((parts.scheme, parts.netloc, f"/{database}", "", ""))


# Redis database 15 (TEST_REDIS_DB) is the tests' own; the database number of REDIS_URL is
# ignored, so a developer's REDIS_URL=redis://localhost:6379/0 is never written to.
TEST_REDIS_DB = env.int("TEST_REDIS_DB", default=15)  # noqa: F405
if TEST_REDIS_DB == 0:
    raise ImproperlyConfigured("TEST_REDIS_DB must not be 0: that is where development data lives")
TEST_REDIS_URL = _reserved_redis_url(REDIS_URL, TEST_REDIS_DB)  # noqa: F405

# An app server that a test starts (tests/processes/test_servers.py): the shared cache and the
# rate limits on the tests' Redis database under that test's own key prefix, the page cache on.
if _server_prefix := os.environ.get("SMARTCITY_TEST_SERVER_CACHE_PREFIX"):
    CACHES = {
        alias: {"BACKEND": backend, "LOCATION": TEST_REDIS_URL, "KEY_PREFIX": _server_prefix,
                "OPTIONS": REDIS_OPTIONS}  # noqa: F405
        for alias, backend in (("default", "smartcity.cache.TolerantRedisCache"),
                               ("ratelimit", "smartcity.cache.RedisCache"))
    }
    RATELIMIT_CACHE = RATELIMIT_USE_CACHE = AXES_CACHE = "ratelimit"
    PAGE_CACHE_ENABLED = True
