"""`pip install .` gives a complete site: the wheel, installed into a fresh virtualenv outside the
checkout, migrates, loads the demo and serves pages, static files and both languages."""

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
import uuid
import zipfile
from pathlib import Path

import pytest
from django.conf import settings

from tests import isolation

BASE_DIR = isolation.BASE_DIR
UV = Path(sys.executable).parent / "uv"
APPS = ["smartcity", "home", "news", "events", "strategy", "search"]


def run(*args, **kwargs) -> subprocess.CompletedProcess:
    result = subprocess.run(args, capture_output=True, text=True, timeout=600, **kwargs)
    assert result.returncode == 0, f"{' '.join(map(str, args))}\n{result.stdout}\n{result.stderr}"
    return result


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def get(url: str) -> tuple[int, str]:
    with urllib.request.urlopen(url, timeout=30) as response:  # noqa: S310 (our own server)
        return response.status, response.read().decode()


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    """Built from a copy of the files git knows (tracked or new, not ignored), so the checkout
    gets no build/ or egg-info."""
    source = tmp_path_factory.mktemp("source")
    listing = run("git", "ls-files", "-z", "--cached", "--others", "--exclude-standard",
                  cwd=BASE_DIR)
    tracked = listing.stdout.split("\0")
    for name in filter(None, tracked):
        if (BASE_DIR / name).is_file():
            (source / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(BASE_DIR / name, source / name)
    out = tmp_path_factory.mktemp("dist")
    run(str(UV), "build", "--wheel", "--out-dir", str(out), str(source))
    return next(out.glob("smartcity-*.whl"))


def test_the_wheel_contains_every_app_its_templates_static_files_and_catalogues(wheel):
    names = zipfile.ZipFile(wheel).namelist()
    for app in APPS:
        assert f"{app}/__init__.py" in names, app
        assert any(n.startswith(f"{app}/templates/") for n in names), app
    for language in ("de", "en"):
        assert f"smartcity/locale/{language}/LC_MESSAGES/django.mo" in names
    assert "smartcity/static/css/site.css" in names
    assert "strategy/static/strategy/strategy.css" in names
    assert "search/backends/postgres.py" in names
    assert not any(n.startswith("tests/") for n in names)


def test_the_installed_wheel_serves_the_site(wheel, tmp_path):
    if problem := isolation.redis_problem():  # production settings need their shared cache
        if isolation.in_ci():
            pytest.fail(problem)
        pytest.skip(problem)
    venv = tmp_path / "venv"
    run(str(UV), "venv", "--quiet", "--python", sys.executable, str(venv))
    python = venv / "bin" / "python"
    locked = run(str(UV), "export", "--frozen", "--no-dev", "--no-emit-project", "--quiet",
                 cwd=BASE_DIR).stdout
    (tmp_path / "requirements.txt").write_text(locked)
    run(str(UV), "pip", "install", "--quiet", "--python", str(python), "--require-hashes",
        "-r", str(tmp_path / "requirements.txt"))
    run(str(UV), "pip", "install", "--quiet", "--python", str(python), "--no-deps", str(wheel))

    workdir = tmp_path / "run"
    workdir.mkdir()
    prefix = f"smartcity-test-{uuid.uuid4().hex}"
    env = {
        "PATH": f"{venv / 'bin'}:/usr/bin:/bin",
        "HOME": str(tmp_path),
        "DJANGO_SETTINGS_MODULE": "smartcity.settings.production",
        "SECRET_KEY": uuid.uuid4().hex * 2,
        "ALLOWED_HOSTS": "127.0.0.1",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'site.sqlite3'}",
        "REDIS_URL": settings.TEST_REDIS_URL,
        "CACHE_KEY_PREFIX": prefix,
        "STATIC_ROOT": str(tmp_path / "static"),
        "MEDIA_ROOT": str(tmp_path / "media"),
        "SECURE_SSL_REDIRECT": "False",
        "EMAIL_URL": "consolemail://",
    }
    located = run(str(python), "-c", "import smartcity, search; print(smartcity.__file__)",
                  cwd=workdir, env=env).stdout
    assert str(venv) in located and str(BASE_DIR) not in located
    admin = str(venv / "bin" / "django-admin")
    run(admin, "migrate", "--noinput", cwd=workdir, env=env)
    run(admin, "load_demo", cwd=workdir, env=env)
    run(admin, "collectstatic", "--noinput", cwd=workdir, env=env)

    port = free_port()
    server = subprocess.Popen(  # noqa: S603
        [str(venv / "bin" / "gunicorn"), "smartcity.wsgi", "--bind", f"127.0.0.1:{port}",
         "--workers", "1"],
        cwd=workdir, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )
    try:
        base = f"http://127.0.0.1:{port}"
        for _ in range(100):
            try:
                status, german = get(f"{base}/de/")
                break
            except OSError:
                time.sleep(0.2)
        else:
            raise AssertionError(f"gunicorn did not answer: {server.stderr.read()}")
        assert status == 200
        assert '<html lang="de"' in german
        assert "Zum Hauptinhalt springen" in german  # the interface catalogue is installed
        status, english = get(f"{base}/en/")
        assert status == 200 and "Skip to main content" in english
        stylesheet = german.split('rel="stylesheet" href="', 1)[1].split('"', 1)[0]
        assert stylesheet.startswith("/static/css/site.") and stylesheet != "/static/css/site.css"
        assert get(base + stylesheet)[0] == 200  # WhiteNoise serves the hashed file
    finally:
        server.terminate()
        server.wait(timeout=30)
        isolation.delete_test_keys(prefix)
    assert os.listdir(tmp_path / "media")  # uploads went where MEDIA_ROOT said
