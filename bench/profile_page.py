"""Profile one page as deployed: the production WSGI application called in this process.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench_load \\
        .venv/bin/python bench/profile_page.py /de/smart-city-strategie/digitale-verwaltung/ \\
        [hit|bypassed] [requests]

Uses the database bench/load.py prepared (demo content plus 1,000 comments on the chapter),
production settings and Redis database 15 under a key prefix of its own (deleted at the end).
"hit" asks as an anonymous reader (served from the page cache after the first request),
"bypassed" with a session cookie (rendered every time; fragments warm). Prints the mean time
per request and the queries of the last one, then pyinstrument's profile of all of them.
"""

import os
import sys
import time
import uuid
from io import BytesIO
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE_DIR))
PREFIX = f"bench-profile-{uuid.uuid4().hex}"
os.environ.update({
    "DJANGO_SETTINGS_MODULE": "smartcity.settings.production",
    "SECRET_KEY": "bench-" + uuid.uuid4().hex * 2,
    "REDIS_URL": os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/15"),
    "CACHE_KEY_PREFIX": PREFIX, "SECURE_SSL_REDIRECT": "false",
    "ALLOWED_HOSTS": "localhost", "CONN_MAX_AGE": "300", "TASKS_BACKEND": "immediate",
    "EMAIL_URL": "consolemail://",
    "STATIC_ROOT": os.environ.get("BENCH_STATIC_ROOT", "/tmp/smartcity-bench-static"),
})
os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/bench_load")


def environ(path: str, cookie: str | None) -> dict:
    path, _, query = path.partition("?")
    env = {"REQUEST_METHOD": "GET", "PATH_INFO": path, "QUERY_STRING": query,
           "SERVER_NAME": "localhost", "SERVER_PORT": "80", "HTTP_HOST": "localhost",
           "SERVER_PROTOCOL": "HTTP/1.1", "wsgi.url_scheme": "http", "wsgi.input": BytesIO(),
           "wsgi.errors": sys.stderr, "wsgi.multithread": False, "wsgi.multiprocess": True,
           "wsgi.run_once": False, "wsgi.version": (1, 0), "REMOTE_ADDR": "127.0.0.1"}
    if cookie:
        env["HTTP_COOKIE"] = cookie
    return env


def main() -> int:
    path = sys.argv[1] if len(sys.argv) > 1 else "/de/"
    mode = sys.argv[2] if len(sys.argv) > 2 else "bypassed"
    count = int(sys.argv[3]) if len(sys.argv) > 3 else 200
    cookie = "sessionid=bench-expired-session" if mode == "bypassed" else None

    from django.core.management import call_command
    from pyinstrument import Profiler

    from smartcity.wsgi import application

    call_command("collectstatic", interactive=False, verbosity=0)

    statuses = {}

    def start_response(status, headers, exc_info=None):
        statuses[status] = statuses.get(status, 0) + 1
        statuses["cache"] = dict(headers).get("X-Page-Cache", "-")

    def one():
        result = application(environ(path, cookie), start_response)
        body = b"".join(result)
        if hasattr(result, "close"):
            result.close()
        return body

    try:
        for _ in range(3):
            one()  # warm: the entry, the fragments, the connections
        from django.db import connection

        queries = []

        def record(execute, sql, params, many, context):
            started = time.perf_counter()
            try:
                return execute(sql, params, many, context)
            finally:
                queries.append({"sql": sql, "ms": (time.perf_counter() - started) * 1000})

        with connection.execute_wrapper(record):  # Django resets connection.queries per request
            size = len(one())
        started = time.perf_counter()
        for _ in range(count):
            one()
        plain = (time.perf_counter() - started) / count * 1000
        print(f"{path} {mode}: {plain:.2f} ms per request without a profiler, "
              f"load average {os.getloadavg()[0]:.2f}")
        if os.environ.get("BENCH_CPROFILE"):  # a flat list by cumulative time instead
            import cProfile
            import pstats

            started = time.perf_counter()
            with cProfile.Profile() as flat:
                for _ in range(count):
                    one()
            elapsed = time.perf_counter() - started
            print(f"{path} {mode}: {elapsed / count * 1000:.2f} ms per request (cProfile)")
            stats = pstats.Stats(flat).sort_stats("cumulative")
            stats.print_stats(os.environ["BENCH_CPROFILE"], 40)
            return 0
        profiler = Profiler(interval=0.001, use_timing_thread=True)
        started = time.perf_counter()
        profiler.start()
        for _ in range(count):
            one()
        profiler.stop()
        elapsed = time.perf_counter() - started
        print(f"{path} {mode}: {elapsed / count * 1000:.2f} ms per request over {count}, "
              f"{len(queries)} queries, {size} bytes, {statuses}")
        for query in queries:
            print(f"   {query['ms']:6.2f} ms  {query['sql'][:150]}")
        print(profiler.output_text(unicode=True, color=False, show_all=False))
    finally:
        import redis

        client = redis.Redis.from_url(os.environ["REDIS_URL"])
        keys = list(client.scan_iter(match=f"*{PREFIX}*", count=1000))
        if keys:
            client.delete(*keys)
    return 0


if __name__ == "__main__":
    sys.exit(main())
