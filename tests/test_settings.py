"""Settings come from the environment; production refuses to start half-configured."""

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent

PRODUCTION_ENV = {
    "SECRET_KEY": "a-long-random-production-secret-key-with-more-than-fifty-characters-0123456789",
    "ALLOWED_HOSTS": "smartcity.jena.example",
    "DATABASE_URL": "postgres://smartcity@db.internal:5432/smartcity",
    "REDIS_URL": "redis://cache.internal:6379/0",
}

INSPECT = """
import json
from django.conf import settings
print(json.dumps({
    "engine": settings.DATABASES["default"]["ENGINE"],
    "db_name": str(settings.DATABASES["default"]["NAME"]),
    "cache": settings.CACHES["default"]["BACKEND"],
    "ratelimit_cache": settings.CACHES[settings.RATELIMIT_USE_CACHE]["BACKEND"],
    "page_cache": settings.PAGE_CACHE_ENABLED,
    "search": settings.WAGTAILSEARCH_BACKENDS["default"]["BACKEND"],
    "search_urls": settings.WAGTAILSEARCH_BACKENDS["default"].get("URLS"),
    "email": settings.EMAIL_BACKEND,
    "hosts": settings.ALLOWED_HOSTS,
    "debug": settings.DEBUG,
    "media": str(settings.MEDIA_ROOT),
    "tasks": getattr(settings, "TASKS", {}).get("default", {}).get("BACKEND"),
    "test_redis": getattr(settings, "TEST_REDIS_URL", None),
}))
"""


def run_django(settings_module: str, env: dict, *args: str) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if k not in {
        "DATABASE_URL", "REDIS_URL", "ELASTICSEARCH_URL", "EMAIL_URL", "SECRET_KEY",
        "ALLOWED_HOSTS", "DEBUG", "MEDIA_ROOT", "STATIC_ROOT", "CACHE_KEY_PREFIX",
    }}
    clean.update(env, DJANGO_SETTINGS_MODULE=settings_module)
    return subprocess.run(
        [sys.executable, *args], cwd=BASE_DIR, env=clean, capture_output=True, text=True,
        timeout=120,
    )


def inspect(settings_module: str, env: dict) -> dict:
    script = "import django; django.setup()\n" + INSPECT
    result = run_django(settings_module, env, "-c", script)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_defaults_need_no_services():
    found = inspect("smartcity.settings.dev", {})
    assert found["engine"] == "django.db.backends.sqlite3"
    assert found["db_name"].endswith("db.sqlite3")
    assert found["cache"] == "django.core.cache.backends.locmem.LocMemCache"
    assert found["search"] == "search.backends.database"
    assert found["email"] == "django.core.mail.backends.console.EmailBackend"
    assert found["debug"] is True


def test_services_are_switched_on_by_the_environment():
    found = inspect(
        "smartcity.settings.production",
        {
            **PRODUCTION_ENV,
            "REDIS_URL": "redis://127.0.0.1:6379/1",
            "ELASTICSEARCH_URL": "http://search.internal:9200",
            "EMAIL_URL": "smtp://mailer:secret@mail.internal:587",
        },
    )
    assert found["engine"] == "django.db.backends.postgresql"
    assert found["db_name"] == "smartcity"
    # pages read through a cache that tolerates an outage; rate limits through a strict one
    assert found["cache"] == "smartcity.cache.TolerantRedisCache"
    assert found["ratelimit_cache"] == "smartcity.cache.RedisCache"
    assert found["page_cache"] is True
    assert found["search"] == "search.backends.elasticsearch"
    assert found["search_urls"] == ["http://search.internal:9200"]
    assert found["email"] == "django.core.mail.backends.smtp.EmailBackend"
    assert found["hosts"] == ["smartcity.jena.example"]
    assert found["debug"] is False


def test_check_deploy_with_production_settings_is_clean():
    result = run_django(
        "smartcity.settings.production", PRODUCTION_ENV, "manage.py", "check", "--deploy"
    )
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout
    assert "WARNING" not in result.stderr + result.stdout


def test_production_without_secret_key_fails_with_a_clear_message():
    env = {k: v for k, v in PRODUCTION_ENV.items() if k != "SECRET_KEY"}
    result = run_django("smartcity.settings.production", env, "manage.py", "check")
    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr


def test_production_without_redis_fails_with_a_clear_message():
    env = {k: v for k, v in PRODUCTION_ENV.items() if k != "REDIS_URL"}
    result = run_django("smartcity.settings.production", env, "manage.py", "check")
    assert result.returncode != 0
    assert "REDIS_URL is not set" in result.stderr


def test_test_settings_ignore_the_services_of_the_shell():
    found = inspect("smartcity.settings.test", {
        "REDIS_URL": "redis://127.0.0.1:6379/0",
        "EMAIL_URL": "smtp://mailer:secret@mail.internal:587",
        "MEDIA_ROOT": str(BASE_DIR / "media"),
    })
    assert found["cache"] == "django.core.cache.backends.locmem.LocMemCache"
    assert found["email"] == "django.core.mail.backends.locmem.EmailBackend"
    assert found["media"].startswith(tempfile.gettempdir())
    assert found["tasks"] == "django_tasks.backends.immediate.ImmediateBackend"
    assert found["test_redis"] == "redis://127.0.0.1:6379/15"
