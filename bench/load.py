"""Load run: the site as deployed beside a bare Django view, with wrk on loopback.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench_load .venv/bin/python bench/load.py

The database named in DATABASE_URL is a scratch database (dropped and re-created), migrated and
filled with the demo content plus 1,000 comments on the chapter "Digitale Verwaltung". Then two
gunicorns start with gunicorn.conf.py (2 sync workers each, run one after the other's wrk):
the site with production settings, PostgreSQL and Redis (database ``BENCH_REDIS_DB``, default 15,
under a key prefix of this run's own, deleted afterwards), and ``bench/bare_wsgi.py``. wrk asks
each page through the page cache, and with it bypassed: a ``sessionid`` cookie (a visitor with an
expired session), which the page cache never serves, so every request is rendered. Prints req/s,
p50/p99 and each figure as a percentage of the bare view's req/s against the issue's targets.

Every request says ``Accept-Encoding: gzip, deflate, br``, as browsers do (the page cache then
sends its stored gzip body; a rendered page is sent uncompressed).

Options (environment): BENCH_DURATION (seconds per run, default 5), BENCH_CONNECTIONS (8),
BENCH_THREADS (2), BENCH_MAX_REQUESTS (gunicorn's worker recycling, default 0 = off),
BENCH_ACCEPT_ENCODING (default as above; empty for clients without gzip).
"""

import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
import uuid
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE_DIR))
sys.path.insert(0, str(BASE_DIR / "bench"))
os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/bench_load")

from page_queries import reset_database  # noqa: E402
from query_counts import PAGES  # noqa: E402

DURATION = int(os.environ.get("BENCH_DURATION", 5))
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", 8))
THREADS = int(os.environ.get("BENCH_THREADS", 2))
REDIS_DB = int(os.environ.get("BENCH_REDIS_DB", 15))
SITE_PORT, BARE_PORT = 8251, 8252
# gunicorn.conf.py replaces a worker after 2,000 requests; at several hundred cached requests a
# second that is a restart (Django and Wagtail imported again) every few seconds per worker, which
# would dominate a 5 s run. 0 = never (gunicorn's default); set 2000 to measure the deployed value.
MAX_REQUESTS = os.environ.get("BENCH_MAX_REQUESTS", "0")
# Percent of the bare view's req/s (the targets): cached >= 60 on every page.
BYPASSED_TARGET = {"home": 1.2, "news index": 1.5, "news page": 2.3, "chapter": 2.3,
                   "event index": 1.2, "search": 1.2}
CACHED_TARGET = 60.0
BYPASS_COOKIE = "sessionid=bench-expired-session"
# What browsers send: the page cache answers such a client with its stored gzip body.
# BENCH_ACCEPT_ENCODING= (empty) measures clients that take only uncompressed bodies.
ACCEPT_ENCODING = os.environ.get("BENCH_ACCEPT_ENCODING", "gzip, deflate, br")


def site_env(prefix: str, scratch: Path) -> dict:
    redis = os.environ.get("BENCH_REDIS_HOST", "127.0.0.1:6379")
    return {**os.environ, "DJANGO_SETTINGS_MODULE": "smartcity.settings.production",
            "SECRET_KEY": "bench-" + uuid.uuid4().hex * 2,
            "REDIS_URL": f"redis://{redis}/{REDIS_DB}", "CACHE_KEY_PREFIX": prefix,
            "SECURE_SSL_REDIRECT": "false", "STATIC_ROOT": str(scratch / "static"),
            "MEDIA_ROOT": str(scratch / "media"),
            "ALLOWED_HOSTS": "localhost,127.0.0.1", "CONN_MAX_AGE": "300",
            "TASKS_BACKEND": "immediate", "EMAIL_URL": "consolemail://",
            "GUNICORN_WORKERS": "2", "GUNICORN_THREADS": "1", "GUNICORN_LOG_LEVEL": "warning",
            "GUNICORN_MAX_REQUESTS": MAX_REQUESTS}


def manage(env, *args):
    subprocess.run([sys.executable, "manage.py", *args], cwd=BASE_DIR, env=env, check=True,
                   stdout=subprocess.DEVNULL)


def prepare(env) -> None:
    reset_database()
    manage(env, "migrate", "--noinput")
    manage(env, "collectstatic", "--noinput")
    manage(env, "load_demo")
    subprocess.run([sys.executable, "-c", COMMENTS], cwd=BASE_DIR, check=True, env=env)


# 1,000 top-level comments by one citizen on the German chapter (both languages show them).
COMMENTS = """
import django; django.setup()
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.utils import timezone
from participation.models import CitizenComment, Discussion, Participant
from strategy.models import StrategyChapterPage
user = get_user_model().objects.create_user("bench", "bench@jena.example", "bench " * 4)
EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
Participant.objects.create(user=user, display_name="Bench", privacy_consent_at=timezone.now())
chapter = StrategyChapterPage.objects.get(locale__language_code="de", slug="digitale-verwaltung")
discussion = Discussion.for_page(chapter)
new = CitizenComment.objects.bulk_create([CitizenComment(
    discussion=discussion, author=user, text=f"Beitrag {n}", language="de", depth=0)
    for n in range(1000)])
for comment in new:
    comment.thread = comment
CitizenComment.objects.bulk_update(new, ["thread"])
"""


def gunicorn(env, port, app, cwd=BASE_DIR):
    env = {**env, "GUNICORN_BIND": f"127.0.0.1:{port}"}
    process = subprocess.Popen([sys.executable, "-m", "gunicorn", "-c",
                                str(BASE_DIR / "gunicorn.conf.py"), app], cwd=cwd, env=env)
    deadline = time.monotonic() + 60
    while True:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=10)  # noqa: S310
            return process
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"gunicorn on {port} did not start") from None
            time.sleep(0.3)


def stop(process) -> None:
    process.terminate()
    try:
        process.wait(15)
    except subprocess.TimeoutExpired:
        process.kill()


UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def wrk(url, cookie=None) -> dict:
    command = ["wrk", f"-t{THREADS}", f"-c{CONNECTIONS}", f"-d{DURATION}s", "--timeout", "10s",
               "--latency", url]
    if cookie:
        command += ["-H", f"Cookie: {cookie}"]
    if ACCEPT_ENCODING:
        command += ["-H", f"Accept-Encoding: {ACCEPT_ENCODING}"]
    out = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    latency = {}
    for pct in ("50", "99"):
        match = re.search(rf"^\s+{pct}%\s+([\d.]+)(us|ms|s)\s*$", out, re.MULTILINE)
        latency[pct] = float(match.group(1)) * UNITS[match.group(2)] if match else float("nan")
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    timeouts = re.search(r"Socket errors:.*timeout (\d+)", out)
    return {"rate": rate, "p50": latency["50"], "p99": latency["99"],
            "errors": int(errors.group(1)) if errors else 0,
            "timeouts": int(timeouts.group(1)) if timeouts else 0}


def warm(url, cookie=None) -> str:
    request = urllib.request.Request(url, headers={"Cookie": cookie} if cookie else {})
    for _ in range(2):
        with urllib.request.urlopen(request, timeout=30) as answer:  # noqa: S310
            state = answer.headers.get("X-Page-Cache", "-")
    return state


def delete_keys(prefix: str) -> None:
    import redis

    host, port = os.environ.get("BENCH_REDIS_HOST", "127.0.0.1:6379").split(":")
    client = redis.Redis(host=host, port=int(port), db=REDIS_DB)
    if REDIS_DB == 0:
        raise RuntimeError("refusing to delete keys in Redis database 0")
    keys = list(client.scan_iter(match=f"*{prefix}*", count=1000))
    if keys:
        client.delete(*keys)


def main() -> int:
    prefix = f"bench-load-{uuid.uuid4().hex}"
    scratch = Path(tempfile.mkdtemp(prefix="smartcity-bench-load-"))
    env = site_env(prefix, scratch)
    try:
        prepare(env)
        bare = gunicorn({**os.environ, "GUNICORN_WORKERS": "2", "GUNICORN_THREADS": "1",
                         "GUNICORN_LOG_LEVEL": "warning", "GUNICORN_MAX_REQUESTS": MAX_REQUESTS},
                        BARE_PORT, "bare_wsgi:application", cwd=BASE_DIR / "bench")
        try:
            ceiling = wrk(f"http://127.0.0.1:{BARE_PORT}/")
        finally:
            stop(bare)
        site = gunicorn(env, SITE_PORT, "smartcity.wsgi")
        rows = []
        try:
            for name, path in PAGES.items():
                url = f"http://localhost:{SITE_PORT}{path}"
                state = warm(url)
                cached = wrk(url)
                warm(url, BYPASS_COOKIE)
                bypassed = wrk(url, BYPASS_COOKIE)
                rows.append((name, state, cached, bypassed))
        finally:
            stop(site)
    finally:
        delete_keys(prefix)
        shutil.rmtree(scratch, ignore_errors=True)
    load = os.getloadavg()
    print(f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}  {os.cpu_count()} cores, load "
          f"average {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}; wrk -t{THREADS} -c{CONNECTIONS} "
          f"-d{DURATION}s; gunicorn 2 sync workers (max_requests {MAX_REQUESTS}), production "
          f"settings, PostgreSQL, Redis; Accept-Encoding: {ACCEPT_ENCODING or '(none)'}")
    print(f"bare view: {ceiling['rate']:.0f} req/s, p50 {ceiling['p50']:.1f} ms, "
          f"p99 {ceiling['p99']:.1f} ms")
    print(f"{'page':<12} {'cache':<5} {'cached req/s':>12} {'p50':>8} {'p99':>8} {'% bare':>7}"
          f"   {'bypassed req/s':>14} {'p50':>8} {'p99':>8} {'% bare':>7} {'target':>6}  verdict")
    failed = False
    for name, state, cached, bypassed in rows:
        share_c = 100 * cached["rate"] / ceiling["rate"]
        share_b = 100 * bypassed["rate"] / ceiling["rate"]
        ok = (share_c >= CACHED_TARGET and share_b >= BYPASSED_TARGET[name]
              and not (cached["errors"] or bypassed["errors"]))
        failed |= not ok
        notes = []
        if share_c < CACHED_TARGET:
            notes.append("cached below target")
        if share_b < BYPASSED_TARGET[name]:
            notes.append("bypassed below target")
        for label, run in (("cached", cached), ("bypassed", bypassed)):
            if run["errors"] or run["timeouts"]:
                notes.append(f"{label}: {run['errors']} non-2xx, {run['timeouts']} timeouts")
        print(f"{name:<12} {state:<5} {cached['rate']:>12.1f} {cached['p50']:>6.1f}ms "
              f"{cached['p99']:>6.1f}ms {share_c:>6.1f}%   {bypassed['rate']:>14.1f} "
              f"{bypassed['p50']:>6.0f}ms {bypassed['p99']:>6.0f}ms {share_b:>6.2f}% "
              f"{BYPASSED_TARGET[name]:>5}%  {'ok' if ok else '; '.join(notes)}")
    print(f"targets: cached >= {CACHED_TARGET:.0f} % of bare on every page; bypassed as listed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
