"""What the suite may touch, and what CI must have before it may pass.

The suite runs under ``smartcity.settings.test`` only (``--ds`` in pyproject's ``addopts`` beats
an exported ``DJANGO_SETTINGS_MODULE``; ``settings_problems`` stops a run that got other settings
anyway). Its destructive steps go through the guarded helpers here: they remove the test
process's own media folder and the keys of the tests' own Redis database, nothing else.

With ``CI`` set, ``ci_problems`` lists everything that would let a run pass on the wrong stack:
SQLite instead of PostgreSQL, a Redis that does not answer, a missing browser, Java or npm tool,
or command-line options that select only part of the suite.
"""

import os
import shutil
import tempfile
from pathlib import Path

from django.conf import settings

TEST_SETTINGS = "smartcity.settings.test"
BASE_DIR = Path(__file__).resolve().parent.parent
CHROMIUM = Path(os.environ.get("SMARTCITY_CHROMIUM", "/usr/bin/chromium"))
NODE_MODULES = Path(os.environ.get("SMARTCITY_NODE_MODULES", BASE_DIR / "node_modules"))
AXE = NODE_MODULES / "axe-core" / "axe.min.js"
VNU = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"


def in_ci() -> bool:
    return bool(os.environ.get("CI"))


def settings_problems() -> list[str]:
    problems = []
    if settings.SETTINGS_MODULE != TEST_SETTINGS:
        problems.append(
            f"the tests run only under {TEST_SETTINGS}, not {settings.SETTINGS_MODULE}: "
            "they would touch that environment's media folder, cache and mail"
        )
    if not is_test_media(Path(settings.MEDIA_ROOT)):
        problems.append(f"MEDIA_ROOT {settings.MEDIA_ROOT} is not a temporary folder of the tests")
    if settings.CACHES["default"]["BACKEND"] != "django.core.cache.backends.locmem.LocMemCache":
        problems.append("the tests' default cache must be local memory")
    if settings.EMAIL_BACKEND != "django.core.mail.backends.locmem.EmailBackend":
        problems.append("the tests must send mail to the in-memory outbox")
    return problems


def is_test_media(path: Path) -> bool:
    path = path.resolve()
    return (
        path.parent == Path(tempfile.gettempdir()).resolve()
        and path.name.startswith(getattr(settings, "TEST_MEDIA_PREFIX", "\0"))
        and not (BASE_DIR in path.parents or path == BASE_DIR)
    )


def remove_test_media() -> None:
    """Delete the uploads of this test process; refuses any folder that is not the tests' own."""
    media = Path(settings.MEDIA_ROOT)
    if not is_test_media(media):
        raise RuntimeError(f"refusing to delete {media}: it is not the tests' media folder")
    shutil.rmtree(media, ignore_errors=True)


def redis_problem() -> str:
    """Why the tests' Redis database cannot be used, or "" when it answers."""
    import redis

    try:
        redis.Redis.from_url(settings.TEST_REDIS_URL, socket_connect_timeout=2).ping()
    except redis.RedisError as error:
        return f"Redis does not answer at {settings.TEST_REDIS_URL} ({error})"
    return ""


def delete_test_keys(prefix: str) -> None:
    """Delete this test's keys in the tests' Redis database (never FLUSHDB, never database 0)."""
    import redis

    client = redis.Redis.from_url(settings.TEST_REDIS_URL)
    if client.connection_pool.connection_kwargs.get("db", 0) == 0:
        raise RuntimeError("refusing to delete keys in Redis database 0")
    keys = list(client.scan_iter(match=f"*{prefix}*", count=1000))
    if keys:
        client.delete(*keys)


SELECTING_OPTIONS = {
    "keyword": "-k",
    "markexpr": "-m",
    "deselect": "--deselect",
    "ignore": "--ignore",
    "ignore_glob": "--ignore-glob",
    "lf": "--last-failed",
    "failedfirst": "--failed-first",
    "stepwise": "--stepwise",
    "collectonly": "--collect-only",
}


def ci_problems(config) -> list[str]:
    problems = []
    engine = settings.DATABASES["default"]["ENGINE"]
    if engine != "django.db.backends.postgresql":
        problems.append(f"CI must test PostgreSQL, but the database is {engine} (DATABASE_URL)")
    if problem := redis_problem():
        problems.append(problem)
    if not CHROMIUM.exists():
        problems.append(f"{CHROMIUM} is missing (make browser-deps)")
    if shutil.which("java") is None:
        problems.append("java is missing (make browser-deps)")
    for tool in (AXE, VNU):
        if not tool.exists():
            problems.append(f"{tool} is missing (make node_modules)")
    for option, flag in SELECTING_OPTIONS.items():
        if getattr(config.option, option, None):
            problems.append(f"{flag} selects part of the suite; CI runs all of it")
    # xdist's workers get their tests from the controller, which made this check already.
    if config.args_source == config.ArgsSource.ARGS and not hasattr(config, "workerinput"):
        problems.append(f"test paths given ({' '.join(config.args)}); CI runs the whole suite")
    return problems
