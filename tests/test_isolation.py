"""The suite touches only its own things, and in CI refuses to pass on the wrong stack."""

import os
import subprocess
import sys
import uuid

import pytest
import redis
from django.conf import settings

from tests import isolation

BASE_DIR = isolation.BASE_DIR
PROBE = "tests/probe_destructive_fixtures.py"


def child_pytest(env: dict, *args: str) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if k not in {
        "CI", "DJANGO_SETTINGS_MODULE", "DATABASE_URL", "REDIS_URL", "MEDIA_ROOT",
        "REQUIRE_BROWSER", "PYTEST_ADDOPTS",
    }}
    clean.update(env)
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-q", *args],
        cwd=BASE_DIR, env=clean, capture_output=True, text=True, timeout=300,
    )


@pytest.fixture
def redis_database_zero():
    """A client for Redis database 0, where a developer's data lives."""
    client = redis.Redis(host="127.0.0.1", port=6379, db=0, socket_connect_timeout=2)
    try:
        client.ping()
    except redis.RedisError as error:
        if isolation.in_ci():
            pytest.fail(f"Redis does not answer on 127.0.0.1:6379 ({error})")
        pytest.skip(f"Redis does not answer on 127.0.0.1:6379 ({error})")
    return client


def test_destructive_fixtures_spare_the_developers_media_and_redis(tmp_path,
                                                                   redis_database_zero):
    media = BASE_DIR / "media"
    media_existed = media.exists()
    media.mkdir(exist_ok=True)
    sentinel = media / f"sentinel-{uuid.uuid4().hex}.txt"
    sentinel.write_text("an editor's upload")
    key = f"sentinel-{uuid.uuid4().hex}"
    redis_database_zero.set(key, "a developer's session")
    # The probe's FLUSHDB goes to a spare reserved database (14), never to 15, where the other
    # test process may be using the shared cache at this moment.
    neighbour = redis.Redis.from_url(settings.TEST_REDIS_URL, socket_connect_timeout=2)
    neighbour.set(key, "the other test process's key")
    try:
        result = child_pytest(
            {
                "DJANGO_SETTINGS_MODULE": "smartcity.settings.dev",
                "DATABASE_URL": f"sqlite:///{tmp_path / 'dev.sqlite3'}",
                "REDIS_URL": "redis://127.0.0.1:6379/0",
                "MEDIA_ROOT": str(media),
                "TEST_REDIS_DB": "14",
            },
            PROBE,
        )
        assert result.returncode == 0, result.stdout + result.stderr
        assert "4 passed" in result.stdout, result.stdout
        assert sentinel.read_text() == "an editor's upload"
        assert redis_database_zero.get(key) == b"a developer's session"
        assert neighbour.get(key) == b"the other test process's key"
    finally:
        sentinel.unlink(missing_ok=True)
        redis_database_zero.delete(key)
        neighbour.delete(key)
        if not media_existed:
            media.rmdir()


def test_other_settings_are_refused_at_once():
    result = child_pytest({}, "--ds=smartcity.settings.dev", PROBE)
    assert result.returncode == 4
    assert "the tests run only under smartcity.settings.test" in result.stdout + result.stderr
    assert "passed" not in result.stdout


def test_ci_refuses_the_wrong_stack(tmp_path):
    result = child_pytest(
        {
            "CI": "true",
            "DATABASE_URL": f"sqlite:///{tmp_path / 'ci.sqlite3'}",
            "REDIS_URL": "redis://127.0.0.1:1/0",
            "SMARTCITY_CHROMIUM": str(tmp_path / "no-chromium"),
            "SMARTCITY_NODE_MODULES": str(tmp_path / "no-node-modules"),
            "PATH": str(tmp_path),  # no java
        },
        "-k", "refused", PROBE,
    )
    output = result.stdout + result.stderr
    assert result.returncode == 4, output
    for reason in (
        "CI must test PostgreSQL, but the database is django.db.backends.sqlite3",
        "Redis does not answer at redis://127.0.0.1:1/15",
        "no-chromium is missing",
        "java is missing",
        "axe.min.js is missing",
        "vnu.jar is missing",
        "-k selects part of the suite",
        f"test paths given ({PROBE})",
    ):
        assert reason in output, reason
    assert "passed" not in result.stdout


def test_test_redis_ignores_the_database_number_of_redis_url():
    assert settings.TEST_REDIS_URL.endswith("/15")
    assert not settings.TEST_REDIS_URL.endswith("/0")


def test_the_shared_cache_is_one_cache_for_several_processes(redis_cache):
    """What a second app server sees: the production cache settings on the same Redis."""
    redis_cache.set("greeting", "from the test process")
    script = (
        "import django; django.setup()\n"
        "from django.core.cache import cache\n"
        "print(cache.get('greeting'))\n"
        "cache.set('answer', 'from the other process')\n"
    )
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
    env.update(
        DJANGO_SETTINGS_MODULE="smartcity.settings.dev",
        REDIS_URL=settings.TEST_REDIS_URL,
        CACHE_KEY_PREFIX=redis_cache.key_prefix,
        # The production cache answers "nothing" after half a second without Redis (that is
        # its job); on a CI machine busy with Chromium the child's first connect can take longer.
        REDIS_CONNECT_TIMEOUT="10",
        REDIS_TIMEOUT="10",
    )
    result = subprocess.run([sys.executable, "-c", script], cwd=BASE_DIR, env=env,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "from the test process", result.stderr
    assert redis_cache.get("answer") == "from the other process"
