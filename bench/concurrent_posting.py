"""Concurrent posting: many citizens write at once through two app servers; nothing is lost or
duplicated, and no request ends in a 5xx.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench_posting .venv/bin/python \\
        bench/concurrent_posting.py

The database named in DATABASE_URL is a scratch database: dropped and re-created (its name must
contain "bench"), migrated and filled with the demo content; then BENCH_CLIENTS (default 40)
verified citizens with a public name and privacy consent, one moderator (who is told of each
report), and the demo survey on the chapter "Digitale Verwaltung" opened (it closed in 2022; its
times are emptied, so it follows the chapter, which is open).

Two gunicorns (gunicorn.conf.py, 2 sync workers each, production settings) share that
PostgreSQL and Redis database ``BENCH_REDIS_DB`` (default 15) under a key prefix of this run's
own, deleted afterwards; a task worker (``manage.py db_worker``, django-tasks-db, as deployed)
runs beside them and sends the reply and report e-mails (console backend, counted).

Each citizen is a client thread with its own cookie jar and its own loopback address
(127.0.0.x, as citizens have their own addresses; the per-address rate limits then count per
citizen, as in production). It signs in through the real log-in form and uses only the HTML
forms the site renders (CSRF token, honeypot left empty, the signed fill time respected: every
form is fetched first and sent at least ``MIN_FILL + 0.5`` seconds later). The rate limits are
the deployed ones (participation/defences.py): each citizen posts few enough to stay under
them (4 comments, 5 supports, at most 3 reports, 2 survey submits per minute).

Stages, each started by all clients at once (a barrier), requests alternating between the two
servers:
  1. log in (each client on server 1 or 2);
  2. two comments each (the second about a goal or measure); every fifth citizen double-clicks
     the second: the same form sent to both servers at the same moment;
  3. one reply each, 5 supports each (every fourth citizen sends one support to both servers at
     once), reports (3 citizens each report a few comments, so those are hidden by the report
     threshold; one comment gets 2 reports and stays; one reporter of each sends the report
     twice at once), and the survey (every third citizen submits it to both servers at once);
  4. changes: every fifth citizen withdraws a support, every sixth changes its survey answer.

Then it waits for the task queue to drain, stops the processes and counts the rows in the
database against what the clients were told succeeded (a redirect that is not to the log-in
page): comments, replies, supports, reports, hidden comments, survey responses and answer rows
(each response must hold exactly the answers last sent), the survey's running tallies against
a recount from the answers, the worker's tasks and e-mails. Prints expected vs actual per
kind, the statuses, requests/s and p50/p99 per kind and a verdict; exits 1 if anything was
lost or duplicated, any 5xx or time-out occurred, or a task failed.

Options (environment): BENCH_CLIENTS (40), BENCH_SUPPORTS (supports per citizen, 5),
BENCH_REDIS_DB (15), BENCH_REDIS_HOST (127.0.0.1:6379).
"""

import collections
import http.client
import http.cookies
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import uuid
from html.parser import HTMLParser
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE_DIR / "bench"))
os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/bench_posting")

CLIENTS = int(os.environ.get("BENCH_CLIENTS", 40))
SUPPORTS = int(os.environ.get("BENCH_SUPPORTS", 5))
REDIS_DB = int(os.environ.get("BENCH_REDIS_DB", 15))
REDIS_HOST = os.environ.get("BENCH_REDIS_HOST", "127.0.0.1:6379")
PORTS = (8261, 8262)
PASSWORD = "bench posting passphrase 2026"  # noqa: S105 (a scratch database's citizens)
MIN_FILL = 3  # participation.defences.min_fill_seconds() in production
FILL_WAIT = MIN_FILL + 0.5
HIDE_THRESHOLD = 3  # participation.moderation.hide_threshold()
TIMEOUT = 120
REFUSED_DATABASES = {"test", "wt_main"}


def check_database_name() -> str:
    url = urllib.parse.urlparse(os.environ["DATABASE_URL"])
    name = url.path.lstrip("/")
    if url.scheme.startswith("sqlite") or name in REFUSED_DATABASES or "bench" not in name:
        raise SystemExit(f"refusing to drop the database {name!r}: name a PostgreSQL scratch "
                         "database with 'bench' in its name (e.g. bench_posting)")
    return name


# --- preparing the scratch database ---------------------------------------------------------

SETUP = """
import json, sys
import django; django.setup()
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Permission
from django.urls import reverse
from django.utils import timezone, translation
from participation.models import Participant, Survey
from strategy.models import StrategyChapterPage

clients = int(sys.argv[1])
User = get_user_model()
password = make_password(sys.argv[2])  # hashed once: the same passphrase for every citizen
users = User.objects.bulk_create([
    User(username=f"bench-{i:03d}", email=f"bench-{i:03d}@jena.example", password=password)
    for i in range(clients)])
EmailAddress.objects.bulk_create([
    EmailAddress(user=u, email=u.email, verified=True, primary=True) for u in users])
Participant.objects.bulk_create([
    Participant(user=u, display_name=f"Bürgerin {i:03d}", privacy_consent_at=timezone.now())
    for i, u in enumerate(users)])
moderator = User.objects.create_user("bench-moderator", "moderation@jena.example",
                                     sys.argv[2])
moderator.user_permissions.add(Permission.objects.get(codename="moderate_citizencomment"))

chapter = StrategyChapterPage.objects.get(locale__language_code="de", slug="digitale-verwaltung")
english = chapter.get_translations().get(locale__language_code="en").specific
[survey_key] = chapter.participation_survey_keys
# The demo survey ran in 2022: without times of its own it follows the chapter, which is open.
Survey.objects.filter(translation_key=survey_key).update(opens_at=None, closes_at=None)
pages = {}
N = 987654321
for page in (chapter, english):
    language = page.locale.language_code
    with translation.override(language):
        pages[language] = {
            "id": page.pk, "url": page.url, "login": reverse("account_login"),
            "discussion": reverse("participation:discussion", args=[page.pk]),
            "reply": reverse("participation:reply", args=[page.pk, N]).replace(str(N), "{}"),
            "report": reverse("participation:report", args=[page.pk, N]).replace(str(N), "{}"),
            "survey": reverse("participation:survey", args=[page.pk, survey_key]),
        }
    assert page.participation_phase().value == "open", page.participation_phase()
print(json.dumps({"pages": pages, "survey_key": str(survey_key),
                  "citizens": [u.email for u in users]}))
"""

# Everything the database holds about the citizens of this run, as JSON.
VERIFY = """
import json
import django; django.setup()
from django.db.models import Count
from django_tasks_db.models import DBTaskResult
from participation.models import (CitizenComment, Report, SurveyAnswer, SurveyResponse,
                                  SurveyTally, Support)
from participation.models.surveys import NO_NUMBER

import sys, uuid
from wagtail.models import Page
bench = {"author__email__startswith": "bench-"}
key = uuid.UUID(sys.argv[1])
chapter = Page.objects.get(pk=int(sys.argv[2]))
visible = CitizenComment.objects.in_discussion_of(chapter).visible().count()
comments = [dict(id=c.pk, author=c.author.email, text=c.text, parent=c.parent_id,
                 thread=c.thread_id, depth=c.depth, status=c.status, language=c.language,
                 target=c.target)
            for c in CitizenComment.objects.filter(**bench).select_related("author")]
supports = list(Support.objects.filter(user__email__startswith="bench-")
                .values_list("user__email", "comment_id"))
reports = list(Report.objects.filter(reporter__email__startswith="bench-")
               .values_list("reporter__email", "comment_id", "reason"))
responses = {}
for response in (SurveyResponse.objects.filter(survey_key=key, user__email__startswith="bench-")
                 .select_related("user").prefetch_related("answers")):
    responses.setdefault(response.user.email, []).append(sorted(
        ([a.question_key, a.option_key, a.text, a.number, a.rank]
         for a in response.answers.all()), key=str))
stored = {(r["question_key"], r["option_key"], r["number"], r["language"]): [r["n"], r["rank_sum"]]
          for r in SurveyTally.objects.of_survey(key)}
recount = {}
for row in SurveyAnswer.objects.answered_by_question(key):
    recount[(row["question_key"], "", NO_NUMBER, row["language"])] = [row["n"], 0]
for row in SurveyAnswer.objects.tallies(key):
    if row["option_key"] or row["number"] is not None:
        recount[(row["question_key"], row["option_key"], row["number"] or NO_NUMBER,
                 row["language"])] = [row["n"], row["rank_sum"] or 0]
tally_differences = [
    [list(k), stored.get(k, [0, 0]), recount.get(k, [0, 0])]
    for k in sorted(set(stored) | set(recount), key=str)
    if stored.get(k, [0, 0]) != recount.get(k, [0, 0])]
import datetime
run_began = datetime.datetime.fromtimestamp(float(sys.argv[3]), tz=datetime.timezone.utc)
tasks = []  # [path, status, queued during the run, n]
for during, queued in ((False, DBTaskResult.objects.filter(enqueued_at__lt=run_began)),
                       (True, DBTaskResult.objects.filter(enqueued_at__gte=run_began))):
    tasks += [[path, status, during, n] for path, status, n in
              queued.values_list("task_path", "status").annotate(n=Count("id")).order_by()]
print(json.dumps({
    "comments": comments, "supports": supports, "reports": reports, "responses": responses,
    "answers": SurveyAnswer.objects.filter(response__user__email__startswith="bench-").count(),
    "tallies": len(stored), "tally_differences": tally_differences,
    "all_responses": SurveyResponse.objects.filter(survey_key=key).count(),
    "tasks": tasks, "visible": visible,
}, default=str))
"""


def site_env(prefix: str, scratch: Path) -> dict:
    """As bench/load.py's, but the tasks go to the database queue, as deployed."""
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "smartcity.settings.production",
           "SECRET_KEY": "bench-" + uuid.uuid4().hex * 2,
           "REDIS_URL": f"redis://{REDIS_HOST}/{REDIS_DB}", "CACHE_KEY_PREFIX": prefix,
           "SECURE_SSL_REDIRECT": "false", "STATIC_ROOT": str(scratch / "static"),
           "MEDIA_ROOT": str(scratch / "media"),
           "ALLOWED_HOSTS": "localhost,127.0.0.1", "CONN_MAX_AGE": "300",
           "EMAIL_URL": "consolemail://",
           "GUNICORN_WORKERS": "2", "GUNICORN_THREADS": "1", "GUNICORN_LOG_LEVEL": "warning",
           "GUNICORN_MAX_REQUESTS": "0"}
    env.pop("TASKS_BACKEND", None)  # production's default: the queue in PostgreSQL
    return env


def manage(env, *args):
    subprocess.run([sys.executable, "manage.py", *args], cwd=BASE_DIR, env=env, check=True,
                   stdout=subprocess.DEVNULL)


def django_snippet(env, code: str, *args) -> dict:
    done = subprocess.run([sys.executable, "-c", code, *args], cwd=BASE_DIR, env=env,
                          capture_output=True, text=True)
    if done.returncode:
        raise RuntimeError(f"a Django snippet failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def prepare(env) -> dict:
    from page_queries import reset_database

    reset_database()
    manage(env, "migrate", "--noinput")
    manage(env, "collectstatic", "--noinput")
    manage(env, "load_demo")
    return django_snippet(env, SETUP, str(CLIENTS), PASSWORD)


def start(command, env, log: Path):
    return subprocess.Popen(command, cwd=BASE_DIR, env=env, stdout=log.open("w"),
                            stderr=subprocess.STDOUT)


def gunicorn(env, port, log: Path):
    process = start([sys.executable, "-m", "gunicorn", "-c", str(BASE_DIR / "gunicorn.conf.py"),
                     "smartcity.wsgi"], {**env, "GUNICORN_BIND": f"127.0.0.1:{port}"}, log)
    deadline = time.monotonic() + 90
    while True:
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
            connection.request("GET", "/robots.txt", headers={"Host": "localhost"})
            if connection.getresponse().status == 200:
                return process
        except OSError:
            pass
        if process.poll() is not None or time.monotonic() > deadline:
            stop(process)
            raise RuntimeError(f"gunicorn on {port} did not start: {log.read_text()[-2000:]}")
        time.sleep(0.3)


def stop(process) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(5)


def delete_keys(prefix: str) -> int:
    import redis

    if REDIS_DB == 0:
        raise RuntimeError("refusing to delete keys in Redis database 0")
    host, port = REDIS_HOST.split(":")
    client = redis.Redis(host=host, port=int(port), db=REDIS_DB)
    keys = list(client.scan_iter(match=f"*{prefix}*", count=1000))
    if keys:
        client.delete(*keys)
    return len(keys)


# --- HTML forms ------------------------------------------------------------------------------

class FormParser(HTMLParser):
    """The forms of a page: action, attributes and their controls, as a browser sees them."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.forms, self.form, self.select, self.textarea = [], None, None, None

    def handle_starttag(self, tag, attrs):
        attrs = {k: (v if v is not None else "") for k, v in attrs}
        if tag == "form":
            self.form = {"attrs": attrs, "controls": []}
            self.forms.append(self.form)
        elif self.form is None:
            return
        elif tag == "input":
            self.form["controls"].append({"tag": "input", **attrs})
        elif tag == "select":
            self.select = {"tag": "select", "name": attrs.get("name", ""), "options": []}
            self.form["controls"].append(self.select)
        elif tag == "option" and self.select is not None:
            self.select["options"].append(attrs.get("value", ""))
        elif tag == "textarea":
            self.textarea = {"tag": "textarea", "name": attrs.get("name", ""), "value": ""}
            self.form["controls"].append(self.textarea)

    def handle_data(self, data):
        if self.textarea is not None:
            self.textarea["value"] += data

    def handle_endtag(self, tag):
        if tag == "form":
            self.form = None
        elif tag == "select":
            self.select = None
        elif tag == "textarea":
            self.textarea = None


class Form:
    def __init__(self, raw, page_path):
        self.attrs, self.controls = raw["attrs"], raw["controls"]
        self.action = self.attrs.get("action") or page_path

    def names(self) -> set:
        return {c.get("name") for c in self.controls}

    def defaults(self) -> list[tuple[str, str]]:
        """What the form sends untouched: hidden and text fields, checked boxes."""
        data = []
        for c in self.controls:
            kind = c.get("type", "text")
            if c["tag"] != "input" or not c.get("name") or kind in ("submit", "button"):
                continue
            if kind in ("checkbox", "radio") and "checked" not in c:
                continue
            data.append((c["name"], c.get("value", "")))
        return data


def forms_of(html: str, page_path: str) -> list[Form]:
    parser = FormParser()
    parser.feed(html)
    return [Form(raw, page_path) for raw in parser.forms]


def find_form(html, page_path, test) -> Form | None:
    return next((form for form in forms_of(html, page_path) if test(form)), None)


# --- clients ---------------------------------------------------------------------------------

# (kind, status or 0 for no answer, began, seconds); began on time.perf_counter()
RECORDS: list[tuple[str, int, float, float]] = []
RECORD_LOCK = threading.Lock()


class Answer:
    def __init__(self, status, location, text):
        self.status, self.location, self.text = status, location, text

    @property
    def succeeded(self) -> bool:
        """A POST/redirect/GET success: a redirect that is not to the log-in page."""
        return self.status == 302 and "/login/" not in self.location


class Client:
    def __init__(self, index: int, email: str, info: dict):
        self.index, self.email = index, email
        self.language = "de" if index % 2 == 0 else "en"
        self.urls = info["pages"][self.language]
        self.address = f"127.0.0.{10 + index}"  # its own address, as each citizen has
        self.cookies: dict[str, str] = {}
        self.lock = threading.Lock()
        self.turn = index  # alternates the server per request
        self.rng = random.Random(index)
        self.ready_at = 0.0

    def port(self, server=None) -> int:
        if server is None:
            with self.lock:
                self.turn += 1
                server = self.turn % 2
        return PORTS[server]

    def request(self, kind, method, path, data=None, server=None) -> Answer:
        port = self.port(server)
        host = f"localhost:{port}"
        headers = {"Host": host, "Referer": f"http://{host}{path}",
                   "User-Agent": "bench/concurrent_posting"}
        with self.lock:
            if self.cookies:
                headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if data is not None:
            body = urllib.parse.urlencode(data)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        began = time.perf_counter()
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=TIMEOUT,
                                                source_address=(self.address, 0))
        try:
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            text = response.read().decode("utf-8", "replace")
        except OSError:
            record(kind, 0, began)
            return Answer(0, "", "")
        finally:
            connection.close()
        record(kind, response.status, began)
        self.keep_cookies(response.headers.get_all("Set-Cookie") or [])
        return Answer(response.status, response.headers.get("Location", ""), text)

    def keep_cookies(self, headers) -> None:
        jar = http.cookies.SimpleCookie()
        for header in headers:
            jar.load(header)
        with self.lock:
            for name, morsel in jar.items():
                if morsel["max-age"] == "0" or not morsel.value or (
                        morsel["expires"] and "1970" in morsel["expires"]):
                    self.cookies.pop(name, None)
                else:
                    self.cookies[name] = morsel.value

    def get_form(self, path, test, kind) -> tuple[Form | None, Answer]:
        answer = self.request(kind, "GET", path)
        self.ready_at = time.monotonic() + FILL_WAIT
        form = find_form(answer.text, path, test) if answer.status == 200 else None
        return form, answer


def record(kind, status, began) -> None:
    with RECORD_LOCK:
        RECORDS.append((kind, status, began, time.perf_counter() - began))


def at_once(*calls):
    """Runs the calls in threads started together; returns their results in order."""
    results = [None] * len(calls)
    gate = threading.Barrier(len(calls))

    def run(i, call):
        gate.wait()
        results[i] = call()

    threads = [threading.Thread(target=run, args=(i, call)) for i, call in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


def both_servers(client, kind, action, data) -> list:
    """The same POST to both servers at the same moment (a double click, two tabs)."""
    return at_once(*(lambda server=server: client.request(kind, "POST", action, list_data(data),
                                                          server=server)
                     for server in (0, 1)))


def comment_id(location: str) -> int | None:
    match = re.search(r"#c-(\d+)$", location)
    return int(match.group(1)) if match else None


class Ledger:
    """What the clients were told succeeded."""

    def __init__(self):
        self.lock = threading.Lock()
        self.comments = []  # (email, text, comment id, target)
        self.replies = []  # (email, text, reply id, parent id)
        self.supports = set()  # (email, comment id)
        self.withdrawn = set()
        self.reports = set()  # (email, comment id, reason)
        self.sheets = {}  # email -> answer rows last sent successfully
        self.double_ids = []  # (kind, ids the two answers named)
        self.problems = []

    def add(self, name, item):
        with self.lock:
            target = getattr(self, name)
            target.add(item) if isinstance(target, set) else target.append(item)

    def problem(self, text):
        with self.lock:
            self.problems.append(text)


LEDGER = Ledger()


def login_form(client: Client) -> Form | None:
    form, page = client.get_form(client.urls["login"], lambda f: "password" in f.names(),
                                 "GET log-in form")
    if form is None:
        LEDGER.problem(f"{client.email}: no log-in form ({page.status})")
    return form


def log_in(client: Client, form: Form | None) -> None:
    if form is None:
        return
    data = dict(form.defaults()) | {"login": client.email, "password": PASSWORD}
    answer = client.request("log in", "POST", form.action, data, server=client.index % 2)
    if answer.status != 302 or "sessionid" not in client.cookies:
        LEDGER.problem(f"{client.email}: log-in answered {answer.status}")


def is_comment_form(form: Form) -> bool:
    return form.attrs.get("id") == "comment-form"


def comment_data(form: Form, text: str, target: str | None = None) -> dict:
    data = dict(form.defaults())
    data["text"] = text
    if target is not None:
        data["target"] = target
    return data


def targets_of(form: Form) -> list[str]:
    select = next((c for c in form.controls if c.get("name") == "target"), None)
    return [value for value in (select or {}).get("options", []) if value]


def prepare_comments(client: Client, run: str) -> list:
    forms = []
    for _n in range(2):
        form, answer = client.get_form(client.urls["url"], is_comment_form,
                                       "GET chapter (signed in)")
        if form is None:
            LEDGER.problem(f"{client.email}: no comment form on the page ({answer.status})")
            return []
        forms.append(form)
    first = comment_data(forms[0], f"{run} Beitrag 1 von {client.email}: Termine online buchen.")
    targets = targets_of(forms[1])
    target = targets[client.index % len(targets)] if targets else ""
    second = comment_data(forms[1], f"{run} Beitrag 2 von {client.email}: Formulare in "
                                    "Leichter Sprache.", target)
    return [(forms[0].action, first, ""), (forms[1].action, second, target)]


def post_comments(client: Client, prepared) -> dict:
    """Posts the two prepared comments; returns {1: id, 2: id}."""
    ids = {}
    for number, (action, data, target) in enumerate(prepared or [], start=1):
        if number == 2 and client.index % 5 == 0:  # a double click, one per server
            answers = both_servers(client, "comment (double)", action, data)
            named = {comment_id(a.location) for a in answers if a.succeeded}
            LEDGER.add("double_ids", ("comment", sorted(named, key=str)))
            answer = next((a for a in answers if a.succeeded), answers[0])
        else:
            answer = client.request("comment", "POST", action, data)
        if answer.succeeded and comment_id(answer.location):
            ids[number] = comment_id(answer.location)
            LEDGER.add("comments", (client.email, data["text"], ids[number], target))
        elif answer.succeeded:
            LEDGER.problem(f"{client.email}: comment redirect without an id: {answer.location}")
    return ids


def support_form(client: Client, comment: int) -> Form | None:
    path = f"{client.urls['discussion']}?thread={comment}"
    form, answer = client.get_form(path, lambda f: "support" in f.names()
                                   and f.action.rstrip("/").endswith(f"/{comment}"),
                                   "GET thread (support)")
    if form is None:
        LEDGER.problem(f"{client.email}: no support form for comment {comment} ({answer.status})")
    return form


REASONS = ["insult", "spam", "off_topic", "personal_data", "other"]


def report_form(client: Client, comment: int) -> Form | None:
    path = client.urls["report"].format(comment)
    form, answer = client.get_form(path, lambda f: "reason" in f.names(), "GET report form")
    if form is None:
        LEDGER.problem(f"{client.email}: no report form for comment {comment} ({answer.status})")
    return form


def survey_sheet(form: Form, rng: random.Random) -> tuple[list, list]:
    """Fills the survey as a person might; returns the POST data and the answer rows it must
    become (question, option, text, number, rank)."""
    data = [(k, v) for k, v in form.defaults() if not k.startswith("q-")]
    rows = []
    radios, boxes, selects = {}, {}, {}
    for c in form.controls:
        name = c.get("name", "")
        if not name.startswith("q-"):
            continue
        if c["tag"] == "input" and c.get("type") == "radio":
            radios.setdefault(name, []).append(c["value"])
        elif c["tag"] == "input" and c.get("type") == "checkbox":
            boxes.setdefault(name, []).append(c["value"])
        elif c["tag"] == "select":
            question = name[2:38]  # q-<block id>-<option id>
            selects.setdefault(question, []).append((name, name[39:]))
        elif c["tag"] == "textarea" and rng.random() < 0.5:
            text = f"Bitte alles auch barrierefrei ({rng.randint(1, 999)})."
            data.append((name, text))
            rows.append([name[2:], "", text, None, None])
    for name, values in radios.items():
        value = rng.choice(values)
        data.append((name, value))
        if value.isdigit():  # a point on a scale
            rows.append([name[2:], "", "", int(value), None])
        elif value == "other":
            text = f"Wohngeld ({rng.randint(1, 999)})"
            data.append((f"{name}-other", text))
            rows.append([name[2:], value, text, None, None])
        else:
            rows.append([name[2:], value, "", None, None])
    for name, values in boxes.items():
        chosen = sorted(rng.sample([v for v in values if v != "other"], 2))
        data += [(name, value) for value in chosen]
        rows += [[name[2:], value, "", None, None] for value in chosen]
    for question, fields in selects.items():
        if rng.random() < 0.2:
            continue  # the ranking is optional
        positions = list(range(1, len(fields) + 1))
        rng.shuffle(positions)
        for (name, option), position in zip(fields, positions, strict=True):
            data.append((name, str(position)))
            rows.append([question, option, "", None, position])
    return data, sorted(rows, key=lambda r: [str(x) for x in r])


def is_survey_form(form: Form) -> bool:
    return "survey-form" in form.attrs.get("class", "")


# --- the run ---------------------------------------------------------------------------------

class Plan:
    """Who does what to whom, fixed before the run."""

    def __init__(self, n: int):
        self.n = n
        # the second comments of these authors get HIDE_THRESHOLD reports: hidden
        self.hidden_authors = list(range(max(2, n // 10)))
        self.kept_author = len(self.hidden_authors)  # 2 reports: stays
        self.reports = collections.defaultdict(list)  # reporter -> [author of comment 2]
        for author in self.hidden_authors:
            for step in range(1, HIDE_THRESHOLD + 1):
                self.reports[(author + step) % n].append(author)
        for step in (1, 2):
            self.reports[(self.kept_author + step) % n].append(self.kept_author)

    def supported(self, i) -> list[int]:
        """Authors whose first comment citizen i supports."""
        return [(i + step) % self.n for step in range(1, SUPPORTS + 1)]

    def reply_to(self, i) -> int:
        return (i + 7) % self.n

    @staticmethod
    def double_support(i) -> bool:
        return i % 4 == 0

    def double_report(self, reporter, author) -> bool:
        return reporter == (author + 1) % self.n

    @staticmethod
    def double_survey(i) -> bool:
        return i % 3 == 0

    @staticmethod
    def withdraws(i) -> bool:
        return i % 5 == 2

    @staticmethod
    def changes_survey(i) -> bool:
        return i % 6 == 1


def run_stage(name, clients, prepare_one, act_one, timings):
    """Each client prepares (fetches its forms); when all have, and the fill time of the last
    form fetched has passed, all act at the same moment."""
    prepared = [None] * len(clients)
    go = threading.Barrier(len(clients) + 1)
    done = [None] * len(clients)

    def body(i, client):
        try:
            prepared[i] = prepare_one(client) if prepare_one else None
        except Exception as error:  # noqa: BLE001 (reported, never hides a stage)
            LEDGER.problem(f"{client.email}: {name} prepare: {error!r}")
        go.wait()
        time.sleep(max(0.0, max(c.ready_at for c in clients) - time.monotonic()))
        try:
            done[i] = act_one(client, prepared[i])
        except Exception as error:  # noqa: BLE001
            LEDGER.problem(f"{client.email}: {name}: {error!r}")

    threads = [threading.Thread(target=body, args=(i, c)) for i, c in enumerate(clients)]
    for thread in threads:
        thread.start()
    go.wait()
    count_before = len(RECORDS)
    time.sleep(max(0.0, max(c.ready_at for c in clients) - time.monotonic()))
    began = time.perf_counter()
    for thread in threads:
        thread.join()
    timings.append((name, time.perf_counter() - began, len(RECORDS) - count_before))
    return done


def reactions(plan: Plan, clients, ids, survey_key):
    """Stage 3: prepare and send replies, supports, reports and survey answers."""

    def prepare(client):
        i = client.index
        jobs = []
        parent = ids[plan.reply_to(i)].get(1)
        if parent:
            form, _ = client.get_form(client.urls["reply"].format(parent), is_comment_form,
                                      "GET reply form")
            if form:
                text = f"{RUN} Antwort von {client.email} auf {parent}."
                jobs.append(("reply", form, comment_data(form, text), parent))
        for author in plan.supported(i):
            comment = ids[author].get(1)
            if comment and (form := support_form(client, comment)):
                jobs.append(("support", form, dict(form.defaults()), comment))
        for author in plan.reports[i]:
            comment = ids[author].get(2)
            if comment and (form := report_form(client, comment)):
                reason = REASONS[(i + author) % len(REASONS)]
                data = dict(form.defaults()) | {"reason": reason}
                if reason == "other":
                    data["text"] = "Das gehört nicht hierher."
                jobs.append(("report", form, data, (comment, reason, author)))
        form, answer = client.get_form(client.urls["survey"], is_survey_form,
                                       "GET survey form")
        if form:
            jobs.append(("survey", form, *survey_sheet(form, client.rng)))
        else:
            LEDGER.problem(f"{client.email}: no survey form ({answer.status})")
        client.rng.shuffle(jobs)
        return jobs

    def act(client, jobs):
        i = client.index
        for kind, form, data, extra in jobs or []:
            double = ((kind == "support" and plan.double_support(i)
                       and extra == ids[plan.supported(i)[0]].get(1))
                      or (kind == "report" and plan.double_report(i, extra[2]))
                      or (kind == "survey" and plan.double_survey(i)))
            label = f"{kind} (double)" if double else kind
            if double:
                answers = both_servers(client, label, form.action, data)
                answer = next((a for a in answers if a.succeeded), answers[0])
            else:
                answer = client.request(label, "POST", form.action, list_data(data))
            if not answer.succeeded:
                continue
            if kind == "reply":
                LEDGER.add("replies", (client.email, data["text"], comment_id(answer.location),
                                       extra))
            elif kind == "support":
                LEDGER.add("supports", (client.email, extra))
            elif kind == "report":
                LEDGER.add("reports", (client.email, extra[0], extra[1]))
            else:
                with LEDGER.lock:
                    LEDGER.sheets[client.email] = extra
        return jobs

    return prepare, act


def list_data(data):
    return list(data.items()) if isinstance(data, dict) else list(data)


def changes(plan: Plan, ids):
    """Stage 4: withdraw a support, change a survey answer."""

    def prepare(client):
        i, jobs = client.index, []
        if plan.withdraws(i):
            comment = ids[plan.supported(i)[-1]].get(1)
            if comment and (form := support_form(client, comment)):
                jobs.append(("withdraw", form, dict(form.defaults()), comment))
        if plan.changes_survey(i):
            form, _ = client.get_form(client.urls["survey"], is_survey_form,
                                      "GET survey form")
            if form:
                jobs.append(("survey (change)", form, *survey_sheet(form, client.rng)))
        return jobs

    def act(client, jobs):
        for kind, form, data, extra in jobs or []:
            if kind == "withdraw" and data.get("support") != "0":
                LEDGER.problem(f"{client.email}: the support form of {extra} offers no withdrawal")
                continue
            answer = client.request(kind, "POST", form.action, list_data(data))
            if answer.succeeded and kind == "withdraw":
                LEDGER.add("withdrawn", (client.email, extra))
            elif answer.succeeded:
                with LEDGER.lock:
                    LEDGER.sheets[client.email] = extra

    return prepare, act


RUN = f"[{uuid.uuid4().hex[:8]}]"


def drain_queue(env, deadline_seconds=180) -> None:
    """Waits until the worker has taken every task (none READY or RUNNING)."""
    code = ("import django; django.setup()\n"
            "from django_tasks_db.models import DBTaskResult\n"
            "print(DBTaskResult.objects.filter(status__in=['READY', 'RUNNING']).count())")
    deadline = time.monotonic() + deadline_seconds
    while time.monotonic() < deadline:
        out = subprocess.run([sys.executable, "-c", code], cwd=BASE_DIR, env=env, check=True,
                             capture_output=True, text=True).stdout
        if out.strip().splitlines()[-1] == "0":
            return
        time.sleep(1)


def anonymous_pages(info) -> list[tuple[str, int, str, int | None]]:
    """The discussion count the chapter shows an anonymous reader (page cache on), per language
    and server: (language, port, X-Page-Cache, count)."""
    shown = []
    for language, urls in info["pages"].items():
        for port in PORTS:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=TIMEOUT)
            try:
                connection.request("GET", urls["url"], headers={"Host": f"localhost:{port}"})
                response = connection.getresponse()
                html = response.read().decode()
            finally:
                connection.close()
            match = re.search(r'id="discussion-heading">[^<(]*\((\d+)\)', html)
            shown.append((language, port, response.headers.get("X-Page-Cache", "-"),
                          int(match.group(1)) if match else None))
    return shown


def percentile(values, pct):
    values = sorted(values)
    if not values:
        return float("nan")
    return values[min(len(values) - 1, int(round(pct / 100 * (len(values) - 1))))]


def compare(plan, actual, clients, ids, mails) -> list[tuple[str, int, int, str]]:
    """(kind, expected, actual, what differs) per kind."""
    rows = []
    comments = [c for c in actual["comments"] if c["parent"] is None]
    replies = [c for c in actual["comments"] if c["parent"] is not None]

    def diff(kind, expected: collections.Counter, got: collections.Counter):
        lost = expected - got
        extra = got - expected
        notes = []
        if lost:
            notes.append(f"lost {sum(lost.values())}: {list(lost)[:3]}")
        if extra:
            notes.append(f"duplicated/unexpected {sum(extra.values())}: {list(extra)[:3]}")
        rows.append((kind, sum(expected.values()), sum(got.values()), "; ".join(notes)))

    diff("comments", collections.Counter((e, t, i) for e, t, i, _ in LEDGER.comments),
         collections.Counter((c["author"], c["text"], c["id"]) for c in comments))
    diff("replies", collections.Counter((e, t, i, p) for e, t, i, p in LEDGER.replies),
         collections.Counter((c["author"], c["text"], c["id"], c["parent"]) for c in replies))
    diff("supports", collections.Counter(LEDGER.supports - LEDGER.withdrawn),
         collections.Counter(tuple(s) for s in actual["supports"]))
    diff("reports", collections.Counter(LEDGER.reports),
         collections.Counter(tuple(r) for r in actual["reports"]))
    reporters = collections.Counter(comment for _e, comment, _r in LEDGER.reports)
    diff("hidden by reports",
         collections.Counter(c for c, n in reporters.items() if n >= HIDE_THRESHOLD),
         collections.Counter(c["id"] for c in actual["comments"] if c["status"] == "hidden"))
    diff("survey responses", collections.Counter(list(LEDGER.sheets)),
         collections.Counter(e for e, found in actual["responses"].items() for _r in found))
    expected_rows = collections.Counter()
    for email, sheet in LEDGER.sheets.items():
        expected_rows.update((email, json.dumps(row)) for row in sheet)
    got_rows = collections.Counter()
    for email, found in actual["responses"].items():
        for response in found:
            got_rows.update((email, json.dumps(row)) for row in response)
    diff("survey answers", expected_rows, got_rows)
    rows.append(("survey tallies vs recount", 0, len(actual["tally_differences"]),
                 "; ".join(f"{k}: stored {s}, recount {r}"
                           for k, s, r in actual["tally_differences"][:3])))
    # the worker: one e-mail per reply (to the parent's author) and per report (the moderator)
    tasks = collections.Counter()
    for path, status, _during, n in actual["tasks"]:
        tasks[(path.rsplit(".", 1)[-1], status)] += n
    unfinished = {k: n for k, n in tasks.items() if k[1] != "SUCCESSFUL"}
    rows.append(("tasks not successful", 0, sum(unfinished.values()),
                 ", ".join(f"{k[0]} {k[1]}: {n}" for k, n in unfinished.items())))
    expected_mails = len(LEDGER.replies) + len(LEDGER.reports)
    rows.append(("e-mails sent by the worker", expected_mails, mails, ""
                 if mails == expected_mails else "differs"))
    # what an anonymous reader sees through the page cache of each server, in each language
    before = {count for *_rest, count in actual["shown_before"]}
    counts = {count for *_rest, count in actual["shown"]}
    hidden = sum(1 for n in reporters.values() if n >= HIDE_THRESHOLD)
    expected = (min(before, key=str) or 0) + len(LEDGER.comments) + len(LEDGER.replies) - hidden
    consistent = len(before) == 1 and len(counts) == 1 and None not in counts
    notes = [] if consistent else [f"shown: {actual['shown']}"]
    if actual["visible"] != expected:
        notes.append(f"visible in the database: {actual['visible']}")
    rows.append(("count on the anonymous page", expected, min(counts, key=str) or 0,
                 "; ".join(notes)))
    double = [ids_ for kind, ids_ in LEDGER.double_ids if len(ids_) != 1]
    rows.append(("double clicks naming two comments", 0, len(double), str(double[:3]) if double
                 else ""))
    return rows


def main() -> int:
    database = check_database_name()
    prefix = f"bench-posting-{uuid.uuid4().hex}"
    scratch = Path(tempfile.mkdtemp(prefix="smartcity-bench-posting-"))
    env = site_env(prefix, scratch)
    processes = []
    timings = []
    started = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    try:
        print(f"preparing {database}: migrate, collectstatic, load_demo, {CLIENTS} citizens",
              flush=True)
        info = prepare(env)
        servers = [gunicorn(env, port, scratch / f"server-{port}.log") for port in PORTS]
        processes += servers
        worker = start([sys.executable, "manage.py", "db_worker", "--interval", "0.5"], env,
                       scratch / "worker.log")
        processes.append(worker)
        clients = [Client(i, email, info) for i, email in enumerate(info["citizens"])]
        plan = Plan(len(clients))
        print(f"servers on {PORTS}, worker pid {worker.pid}; {len(clients)} clients", flush=True)

        shown_before = anonymous_pages(info)  # now in the page cache of both servers
        run_began = time.time()
        run_stage("log in", clients, login_form, log_in, timings)
        done = run_stage("comments", clients, lambda c: prepare_comments(c, RUN),
                         post_comments, timings)
        ids = [d or {} for d in done]
        prepare_r, act_r = reactions(plan, clients, ids, info["survey_key"])
        run_stage("replies, supports, reports, survey", clients, prepare_r, act_r, timings)
        prepare_c, act_c = changes(plan, ids)
        run_stage("withdrawals, survey changes", clients, prepare_c, act_c, timings)

        shown = anonymous_pages(info)
        drain_queue(env)
        worker_alive = worker.poll() is None  # it ran the whole time, beside the servers
        for process in processes:
            stop(process)
        actual = django_snippet(env, VERIFY, info["survey_key"], str(info["pages"]["de"]["id"]),
                                str(run_began))
        mails = sum(1 for line in (scratch / "worker.log").read_text().splitlines()
                    if line.startswith("Subject: "))
        server_errors = "".join((scratch / f"server-{p}.log").read_text() for p in PORTS)
    finally:
        for process in processes:
            stop(process)
        removed = delete_keys(prefix)
        keep = os.environ.get("BENCH_KEEP_LOGS")
        if not keep:
            shutil.rmtree(scratch, ignore_errors=True)

    actual["shown"], actual["shown_before"] = shown, shown_before
    return report(started, plan, actual, clients, ids, mails, timings, server_errors,
                  worker_alive, removed, scratch if keep else None)


def report(started, plan, actual, clients, ids, mails, timings, server_errors, worker_alive,
           removed, logs) -> int:
    load = os.getloadavg()
    print()
    print(f"{started}  {os.cpu_count()} cores, load average {load[0]:.2f} {load[1]:.2f} "
          f"{load[2]:.2f}; 2 gunicorns x 2 sync workers (production settings) + 1 db_worker, "
          f"PostgreSQL, Redis db {REDIS_DB}; {len(clients)} clients, fill time waited "
          f"{FILL_WAIT} s")
    print()
    rows = compare(plan, actual, clients, ids, mails)
    print(f"{'kind':<36} {'expected':>8} {'actual':>8}  differs")
    failed = False
    for kind, expected, got, notes in rows:
        ok = expected == got and not notes
        failed |= not ok
        print(f"{kind:<36} {expected:>8} {got:>8}  {'' if ok else notes or 'DIFFERS'}")
    print(f"(all responses to the survey, demo included: {actual['all_responses']}; "
          f"{actual['tallies']} tally rows; the anonymous chapter (de/en x 2 servers) showed "
          f"{[s[3] for s in actual['shown_before']]} before the run, "
          f"{[s[3] for s in actual['shown']]} after, X-Page-Cache "
          f"{[s[2] for s in actual['shown']]})")
    print()
    by_kind = collections.defaultdict(list)
    statuses = collections.defaultdict(collections.Counter)
    for kind, status, began, seconds in RECORDS:
        by_kind[kind].append((began, seconds))
        statuses[kind][status] += 1
    print("requests (req/s: this kind's requests over the time from its first request's start "
          "to its last one's end, while the other kinds of its stage ran too)")
    print(f"{'kind':<24} {'n':>5} {'req/s':>7} {'p50':>8} {'p99':>8}  statuses")
    for kind in sorted(by_kind):
        timed = by_kind[kind]
        seconds = [s for _b, s in timed]
        window = max(b + s for b, s in timed) - min(b for b, _s in timed)
        counts = ", ".join(f"{s or 'no answer'}: {n}" for s, n in sorted(statuses[kind].items()))
        print(f"{kind:<24} {len(seconds):>5} {len(seconds) / window:>7.1f} "
              f"{1000 * percentile(seconds, 50):>6.0f}ms {1000 * percentile(seconds, 99):>6.0f}ms"
              f"  {counts}")
    print()
    for name, seconds, n in timings:
        print(f"stage {name!r}: {n} requests in {seconds:.1f} s = {n / seconds:.1f} req/s "
              "(the form GETs before it not counted)")
    all_statuses = collections.Counter()
    for counter in statuses.values():
        all_statuses.update(counter)
    errors_5xx = sum(n for s, n in all_statuses.items() if s >= 500)
    no_answer = all_statuses.get(0, 0)
    print(f"statuses over all requests: {dict(sorted(all_statuses.items()))}; 5xx: {errors_5xx}; "
          f"no answer: {no_answer}")
    if LEDGER.problems:
        failed = True
        print(f"client problems ({len(LEDGER.problems)}):")
        for problem in LEDGER.problems[:10]:
            print(f"  {problem}")
    if "Traceback" in server_errors or errors_5xx:
        print("server log (last lines):")
        print(server_errors[-3000:])
    for during, label in ((False, "queued by the setup (load_demo)"),
                          (True, "queued by the servers during the run")):
        tasks = collections.Counter()
        for path, _status, when, n in actual["tasks"]:
            if when == during:
                tasks[path.rsplit(".", 1)[-1]] += n
        print(f"worker: {sum(tasks.values())} tasks {label}: "
              f"{', '.join(f'{k} {n}' for k, n in tasks.items()) or 'none'}")
    print(f"worker still running when the queue had drained: {worker_alive}; Redis keys of the run "
          f"deleted: {removed}" + (f"; logs kept in {logs}" if logs else ""))
    lost = [k for k, e, a, n in rows if a < e]
    extra = [k for k, e, a, n in rows if a > e]
    failed |= bool(errors_5xx or no_answer)
    if not failed:
        print("verdict: loses nothing, duplicates nothing; no 5xx")
    else:
        print(f"verdict: FAILED: lost in {lost or 'none'}; more than expected in "
              f"{extra or 'none'}; {errors_5xx} 5xx; {no_answer} without answer")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
