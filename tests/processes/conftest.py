"""Tests that start real processes (a task worker, app servers) against the test database.

Those processes see only committed rows, so these tests run without the usual transaction:
``django_db(transaction=True)`` has the test database created and orders them after the
ordinary tests; the fixture here empties the database afterwards and puts back what
Wagtail's migrations created (as tests/browser/ does)."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection, connections

from tests.conftest import wagtail_base

BASE_DIR = Path(__file__).resolve().parent.parent.parent


@pytest.fixture(autouse=True)
def _django_db_marker():
    """No transaction around the test: the worker must see its rows."""


@pytest.fixture(autouse=True)
def live_db(django_db_setup, django_db_blocker):
    if connection.vendor != "postgresql":
        pytest.skip("these tests run processes against PostgreSQL")
    with django_db_blocker.unblock():
        wagtail_base()
        try:
            yield
        finally:
            call_command("flush", interactive=False, verbosity=0)
            wagtail_base()
            connections.close_all()


def database_url() -> str:
    s = connection.settings_dict
    return (f"postgres://{s['USER']}@{s['HOST'] or '127.0.0.1'}:{s['PORT'] or 5432}"
            f"/{s['NAME']}")


def manage(*args, mail_dir, timeout=60, wait=True, **extra_env):
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "smartcity.settings.test",
           "DATABASE_URL": database_url(), "SMARTCITY_TEST_WORKER_MAIL_DIR": str(mail_dir),
           **extra_env}
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    command = [sys.executable, str(BASE_DIR / "manage.py"), *args]
    if not wait:
        return subprocess.Popen(command, cwd=BASE_DIR, env=env, stdout=subprocess.PIPE,
                                stderr=subprocess.STDOUT, text=True)
    return subprocess.run(command, cwd=BASE_DIR, env=env, capture_output=True, text=True,
                          timeout=timeout)
