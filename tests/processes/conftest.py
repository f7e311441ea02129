"""Tests that start real processes (a task worker, app servers) against the test database.

Those processes see only committed rows, so these tests run without the usual transaction:
``django_db(transaction=True)`` has the test database created and orders them after the
ordinary tests; the fixture here empties the database afterwards and puts back what
Wagtail's migrations created (as tests/browser/ does)."""

import http.client
import http.cookies
import os
import socket
import subprocess
import sys
import time
import urllib.parse
from dataclasses import dataclass
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


def manage(*args, mail_dir, timeout=60, wait=True, log=None, **extra_env):
    """``manage.py`` against the test database, the queue in it and mail into ``mail_dir``;
    ``wait=False`` returns the running process, its output piped (or written to ``log``)."""
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "smartcity.settings.test",
           "DATABASE_URL": database_url(), "SMARTCITY_TEST_WORKER_MAIL_DIR": str(mail_dir),
           **extra_env}
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    command = [sys.executable, str(BASE_DIR / "manage.py"), *args]
    if not wait:
        output = log.open("w") if log else subprocess.PIPE
        return subprocess.Popen(command, cwd=BASE_DIR, env=env, stdout=output,
                                stderr=subprocess.STDOUT, text=True)
    return subprocess.run(command, cwd=BASE_DIR, env=env, capture_output=True, text=True,
                          timeout=timeout)


@dataclass
class Answer:
    status: int
    headers: object
    text: str
    cookies: dict


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Server:
    """gunicorn (gunicorn.conf.py, one sync worker) on a free local port against the test
    database; ``cache_prefix`` puts its cache and rate limits on the tests' Redis database
    under that prefix, with the page cache on. Persistent database connections (CONN_MAX_AGE)
    with health checks, as deployed."""

    def __init__(self, cache_prefix: str = "", **extra_env):
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        env = {**os.environ, "DJANGO_SETTINGS_MODULE": "smartcity.settings.test",
               "DATABASE_URL": database_url(), "CONN_MAX_AGE": "300",
               "GUNICORN_BIND": f"127.0.0.1:{self.port}", "GUNICORN_WORKERS": "1",
               "GUNICORN_THREADS": "1", "GUNICORN_LOG_LEVEL": "warning", **extra_env}
        env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        env.pop("SMARTCITY_TEST_SERVER_CACHE_PREFIX", None)
        if cache_prefix:
            env["SMARTCITY_TEST_SERVER_CACHE_PREFIX"] = cache_prefix
        self.process = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "-c", str(BASE_DIR / "gunicorn.conf.py"),
             "smartcity.wsgi"], cwd=BASE_DIR, env=env, stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT, text=True)

    def wait_ready(self, timeout=30) -> "Server":
        deadline = time.monotonic() + timeout
        while True:
            assert self.process.poll() is None, self.process.stdout.read()
            try:
                if self.get("/robots.txt").status == 200:
                    return self
            except OSError:
                pass
            assert time.monotonic() < deadline, "the server did not answer"
            time.sleep(0.2)

    def get(self, path: str, cookies=None) -> "Answer":
        return self.request("GET", path, cookies=cookies)

    def post(self, path: str, data: dict, cookies=None) -> "Answer":
        return self.request("POST", path, cookies=cookies, data=data)

    def request(self, method, path, cookies=None, data=None) -> "Answer":
        """One request, redirects not followed; the Referer is this server (CSRF checks it)."""
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=15)
        headers = {"Host": f"127.0.0.1:{self.port}", "Referer": self.base + path}
        if cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in cookies.items())
        body = None
        if data is not None:
            body = urllib.parse.urlencode(data)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        try:
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            jar = http.cookies.SimpleCookie()
            for header in response.headers.get_all("Set-Cookie") or []:
                jar.load(header)
            return Answer(response.status, response.headers,
                          response.read().decode(), {k: m.value for k, m in jar.items()})
        finally:
            connection.close()

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(5)


@pytest.fixture
def start_server():
    """Starts servers (all at once, then waits for each) and stops them after the test."""
    started: list[Server] = []

    def start(count=1, **kwargs) -> list[Server]:
        servers = [Server(**kwargs) for _ in range(count)]
        started.extend(servers)
        return [server.wait_ready() for server in servers]

    try:
        yield start
    finally:
        for server in started:
            server.stop()


@pytest.fixture
def start_worker(tmp_path):
    """Starts a task worker (``manage.py db_worker``, as deployed) that runs until the test
    ends; its mail goes to ``mail_dir``, its output to a log in the test's folder."""
    started: list[subprocess.Popen] = []

    def start(mail_dir) -> subprocess.Popen:
        log = tmp_path / f"worker-{len(started)}.out"
        worker = manage("db_worker", "--no-startup-delay", "--interval", "0.2",
                        mail_dir=mail_dir, wait=False, log=log)
        worker.log = log
        started.append(worker)
        return worker

    try:
        yield start
    finally:
        for worker in started:
            worker.terminate()
            try:
                worker.wait(10)
            except subprocess.TimeoutExpired:
                worker.kill()
                worker.wait(5)
