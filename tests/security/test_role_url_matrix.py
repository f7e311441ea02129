"""Who gets what: every kind of URL × every kind of user, against the table in
docs/role-url-matrix.md. On a difference the test prints the whole grid with the wrong cells."""

import re
from pathlib import Path

import pytest
from django.contrib.auth.models import Group, User
from django.test import Client
from django.urls import reverse
from django.utils import translation

from editorial import roles
from participation.models import CommentStatus
from tests.factories.events import EventIndexPageFactory
from tests.factories.home import ContentPageFactory, translate
from tests.factories.news import NewsIndexPageFactory, NewsPageFactory
from tests.factories.participation import attach, citizen, comment, debate, question, survey
from tests.participation.conftest import form_data

pytestmark = pytest.mark.django_db
MATRIX = Path(__file__).resolve().parents[2] / "docs" / "role-url-matrix.md"
USERS = ["anonymous", "unverified", "citizen", "blocked", "editor", "publisher", "strategy",
         "moderator", "translator", "superuser"]


def expected_table() -> dict[str, dict[str, str]]:
    rows = {}
    for line in MATRIX.read_text().splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) == len(USERS) + 1 and cells[0] and not set(cells[0]) <= {"-", " "}:
            key = re.sub(r"`", "", cells[0])
            if key != "URL kind":
                rows[key] = dict(zip(USERS, cells[1:], strict=True))
    return rows


def answer(response) -> str:
    if response.status_code in (301, 302):
        location = response["Location"]
        if "/login/" in location:
            return "login"
        return "denied" if location.rstrip("/").endswith("/admin") else "302"
    return str(response.status_code)


@pytest.fixture
def world(site_tree):
    de = site_tree.home_de
    page = ContentPageFactory(parent=de, title="Öffentlich", slug="oeffentlich")
    translate(page, "en", title="Public", slug="public")
    draft = ContentPageFactory(parent=de, title="Entwurf", slug="entwurf")
    draft.unpublish()
    news = NewsIndexPageFactory(parent=de)
    NewsPageFactory(parent=news, title="Meldung", slug="meldung")
    EventIndexPageFactory(parent=de)
    talk = debate(de, title="Debatte", slug="debatte")
    author = citizen("Autorin")
    hidden = comment(talk, author, "Versteckt", status=CommentStatus.HIDDEN)
    shown = comment(talk, author, "Sichtbar")
    asked = survey(None, question("short_text", "Ihr Stadtteil"))
    attach(talk, asked)
    return {"page": page, "draft": draft, "debate": talk, "hidden": hidden, "shown": shown,
            "survey": asked}


def user_for(kind):
    if kind == "anonymous":
        return None
    if kind in ("unverified", "citizen", "blocked"):
        user = citizen(kind.capitalize(), verified=kind != "unverified")
        if kind == "blocked":
            from django.utils import timezone

            user.participant.blocked_at = timezone.now()
            user.participant.save()
        return user
    if kind == "superuser":
        return User.objects.create_superuser("root", "root@jena.example", "x" * 12)
    group = {"editor": roles.EDITORS, "publisher": roles.PUBLISHERS, "strategy": roles.STRATEGY,
             "moderator": roles.MODERATORS, "translator": roles.TRANSLATORS}[kind]
    user = User.objects.create_user(kind, f"{kind}@jena.example", "x" * 12)
    user.groups.add(Group.objects.get(name=group))
    return user


def urls(world):
    with translation.override("de"):
        discussion = lambda name, *args: reverse(f"participation:{name}",  # noqa: E731
                                                 args=[world["debate"].pk, *args])
        return {
            "page (German)": ("get", "/de/oeffentlich/"),
            "page (English)": ("get", "/en/public/"),
            "draft page": ("get", "/de/entwurf/"),
            "draft preview": ("get", reverse("wagtailadmin_pages:view_draft",
                                             args=[world["draft"].pk])),
            "revisions": ("get", reverse("wagtailadmin_pages:history",
                                         args=[world["draft"].pk])),
            "admin dashboard": ("get", "/admin/"),
            "audit log": ("get", reverse("wagtailadmin_reports:site_history")),
            "moderation queue": ("get", reverse("participation_reported:index")),
            "hidden comment (moderation)": ("get", reverse("participation_moderation:edit",
                                                           args=[world["hidden"].pk])),
            "comment export": ("get", reverse("participation_moderation:index")
                               + "?export=csv"),
            "post a comment": ("post", discussion("post")),
            "support a comment": ("post", discussion("support", world["shown"].pk)),
            "report a comment": ("get", discussion("report", world["shown"].pk)),
            "survey results (not answered)": ("get", discussion(
                "survey_results_json", world["survey"].translation_key)),
            "answer a survey": ("post", discussion("survey", world["survey"].translation_key)),
            "survey export": ("get", reverse("participation_survey_export",
                                             args=[world["survey"].pk, "csv"])),
            "data download": ("post", reverse("participation:data")),
            "translations screen": ("get", reverse("editorial_translations")),
            "news feed": ("get", "/de/aktuelles/feed/rss/"),
            "iCal feed": ("get", "/de/veranstaltungen/ical/"),
            "sitemap": ("get", "/sitemap.xml"),
            "search": ("get", "/de/suche/?q=Entwurf"),
        }


def test_every_url_kind_answers_every_user_as_the_table_says(world, settings):
    settings.PARTICIPATION_MIN_FILL_SECONDS = 0
    table = expected_table()
    found, wrong = {}, []
    for kind in USERS:
        client = Client()
        if (user := user_for(kind)) is not None:
            client.force_login(user)
        for name, (method, url) in urls(world).items():
            data = form_data(f"Beitrag von {kind}") if "comment" in name else {}
            response = getattr(client, method)(url, data)
            found.setdefault(name, {})[kind] = answer(response)
            if table.get(name, {}).get(kind) != found[name][kind]:
                wrong.append((name, kind))
    if wrong or set(found) != set(table):
        width = max(map(len, found)) + 2
        lines = ["URL kind".ljust(width) + "".join(k[:10].ljust(11) for k in USERS)]
        for name, row in found.items():
            cells = [(f"*{row[k]}*" if (name, k) in wrong else row[k]).ljust(11) for k in USERS]
            lines.append(name.ljust(width) + "".join(cells))
        print("\n".join(lines))
    assert not wrong, f"{len(wrong)} cells differ from {MATRIX.name} (marked * above)"
    assert set(found) == set(table)
