from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403

DEBUG = False

if not SECRET_KEY:  # noqa: F405
    raise ImproperlyConfigured(
        "SECRET_KEY is not set. Production needs a long random SECRET_KEY in the environment, "
        "for example the output of: python -c 'import secrets; print(secrets.token_urlsafe(50))'"
    )

if not REDIS_URL:  # noqa: F405
    raise ImproperlyConfigured(
        "REDIS_URL is not set. Production needs a shared Redis cache (for example "
        "redis://127.0.0.1:6379/0): with several workers, a local-memory cache per process "
        "disagrees about renditions, site roots, sessions and rate limits."
    )

if env.str("TASKS_BACKEND", default="database") == "database":  # noqa: F405
    TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

PAGE_CACHE_ENABLED = env.bool("PAGE_CACHE_ENABLED", default=True)  # noqa: F405

STORAGES["staticfiles"]["BACKEND"] = (  # noqa: F405
    "whitenoise.storage.CompressedManifestStaticFilesStorage"
)

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)  # noqa: F405
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=60 * 60 * 24 * 365)  # noqa: F405
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=True)  # noqa: F405
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SESSION_COOKIE_SECURE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SECURE = True
LANGUAGE_COOKIE_SECURE = True
X_FRAME_OPTIONS = "DENY"

# The site serves its own static files (no CDN): WhiteNoise, right after SecurityMiddleware.
MIDDLEWARE.insert(MIDDLEWARE.index("django.middleware.security.SecurityMiddleware") + 1,  # noqa: F405
                  "whitenoise.middleware.WhiteNoiseMiddleware")
