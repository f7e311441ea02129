"""Random and hostile input to every public form of the participation add-on and the
accounts: never a 5xx, never a partial write. The count of runs is in tests/security/REPORT.md.
"""

import uuid

import pytest
from django.db import connection
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from participation.models import CitizenComment, Participant, Report
from tests.factories.participation import comment
from tests.participation.conftest import form_data, url

pytestmark = pytest.mark.django_db

HOSTILE = [
    "\x00", "a\x00b", "\ud800", "\u202e\u202dRTL", "\ufeff", "-1", "9" * 5000, str(10**400),
    "x" * 50_000, "<script>alert(1)</script>", '"><svg onload=alert(1)>',
    "=HYPERLINK(\"http://evil.example\")", "+cmd|' /C calc'!A0", "@SUM(1+1)", "\t=1", "\r=1",
    "javascript:alert(1)", "' OR '1'='1", "{{ 7*7 }}", "{% debug %}", "%s%s%s", " ",
]
VALUES = st.one_of(
    st.sampled_from(HOSTILE),
    st.text(max_size=200),
    st.text(alphabet=st.characters(categories=["Cs", "Cc", "Cf", "Zl", "Zp"]), max_size=20),
    st.integers().map(str),
)
FIELDS = st.dictionaries(
    st.sampled_from(["text", "target", "parent", "token", "started", "website", "consent",
                     "reason", "support", "author", "status"]),
    VALUES, max_size=6,
)
HYPOTHESIS = settings(max_examples=40, deadline=None, derandomize=True,
                      suppress_health_check=[HealthCheck.function_scoped_fixture,
                                             HealthCheck.too_slow])


def refuse_nul_bytes(execute, sql, params, many, context):
    rows = params if many else [params]
    for row in rows or []:
        values = row.values() if isinstance(row, dict) else row
        assert not any(isinstance(v, str) and "\x00" in v for v in values or []), sql
    return execute(sql, params, many, context)


def safe(value: str) -> str:
    """What a client can put into a form body at all (lone surrogates cannot be encoded)."""
    return value.encode("utf-8", "surrogatepass").decode("utf-8", "replace")


@pytest.fixture
def target(pages, anna, ben, settings):
    settings.PARTICIPATION_RATE_LIMITS = {key: {"user": "100000/m", "ip": "100000/m"}
                                          for key in ("comment", "support", "report")}
    return comment(pages.de, ben, "Ziel der Tests")


@HYPOTHESIS
@given(fields=FIELDS)
@example(fields={"text": "x" * 50_000})
@example(fields={"text": "\x00", "parent": "\x00"})
@example(fields={"parent": str(10**400)})
def test_the_comment_form_never_fails_and_never_half_writes(client, pages, anna, target,
                                                            fields):
    client.force_login(anna)
    before = CitizenComment.objects.count()
    data = {**form_data("Ein Beitrag", parent=str(target.pk)), **{
        k: safe(v) for k, v in fields.items()}}
    with connection.execute_wrapper(refuse_nul_bytes):
        response = client.post(url("post", pages.de), data)
    assert response.status_code < 500, fields
    after = CitizenComment.objects.count()
    assert after - before in (0, 1)
    if after > before:
        stored = CitizenComment.objects.latest("pk")
        assert stored.author == anna and stored.status == "published" and "\x00" not in \
            stored.text


@HYPOTHESIS
@given(fields=FIELDS)
def test_support_and_report_never_fail(client, pages, anna, target, fields):
    client.force_login(anna)
    data = {k: safe(v) for k, v in fields.items()}
    with connection.execute_wrapper(refuse_nul_bytes):
        for name in ("support", "report"):
            response = client.post(url(name, pages.de, target.pk),
                                   {**form_data(), **data})
            assert response.status_code < 500, (name, fields)
    assert Report.objects.filter(reporter=anna).count() <= 1


@HYPOTHESIS
@given(email=VALUES, name=VALUES, password=VALUES)
@example(email="a@b.de\x00", name="<script>", password="x" * 50_000)
def test_sign_up_never_fails_and_never_half_writes(client, site_tree, email, name, password):
    participants = Participant.objects.count()
    with connection.execute_wrapper(refuse_nul_bytes):
        response = client.post("/de/konto/signup/", {
            "email": safe(email), "password1": safe(password), "password2": safe(password),
            "display_name": safe(name)})
    assert response.status_code < 500
    from django.contrib.auth import get_user_model

    # an account exists only with its public name (no half-made sign-up)
    assert get_user_model().objects.count() == Participant.objects.count()
    assert Participant.objects.count() - participants in (0, 1)


def test_discussion_query_parameters_never_fail(client, pages, target):
    for value in HOSTILE:
        for parameter in ("sort", "page", "about", "thread"):
            for name in ("discussion", "more"):
                with connection.execute_wrapper(refuse_nul_bytes):
                    response = client.get(url(name, pages.de), {parameter: safe(value)})
                assert response.status_code < 500, (name, parameter, value)


def test_a_signed_up_account_always_has_its_public_name(client, site_tree):
    """No partial write: a sign-up stores the account, its address and its name, or nothing."""
    from allauth.account.models import EmailAddress
    from django.contrib.auth import get_user_model

    client.post("/de/konto/signup/", {"email": f"{uuid.uuid4().hex}@jena.example",
                                      "password1": "a long and careful passphrase",
                                      "password2": "a long and careful passphrase",
                                      "display_name": "Ok"})
    users = get_user_model().objects.all()
    assert users.count() == Participant.objects.count() == EmailAddress.objects.count()



# --- surveys ----------------------------------------------------------------------------------


def survey_sheet_fields(pages) -> list[str]:
    """Every field name the survey form knows, plus the ones a hostile client adds."""
    keys = [f"q-{pages.key(i)}" for i in range(6)]
    ranking = [f"q-{pages.key(3)}-{pages.option(3, n)}" for n in range(3)]
    other = [f"q-{pages.key(0)}-other"]
    return [*keys, *ranking, *other, "started", "website", "user", "language", "survey_key"]


@HYPOTHESIS
@given(data=st.data())
@example(data=None)
def test_the_survey_form_never_fails_and_never_half_writes(client, surveyed, anna, settings,
                                                           data):
    """Random and hostile values in every field of a sheet of every question type: a 4xx with
    the form again, or one response with all its answers; never a 5xx, never a NUL byte."""
    from participation.models import SurveyAnswer, SurveyResponse
    from tests.participation.survey_helpers import answers, survey_url

    settings.PARTICIPATION_RATE_LIMITS = {"survey": {"user": "100000/m", "ip": "100000/m"}}
    client.force_login(anna)
    fields = {} if data is None else data.draw(st.dictionaries(
        st.sampled_from(survey_sheet_fields(surveyed)), VALUES, max_size=6))
    sheet = {**answers(surveyed), **{k: safe(v) for k, v in fields.items()}}
    before = list(SurveyAnswer.objects.order_by("pk").values_list("pk", "text", "number"))
    with connection.execute_wrapper(refuse_nul_bytes):
        response = client.post(survey_url(surveyed.de, surveyed.survey), sheet)
    assert response.status_code < 500, fields
    assert SurveyResponse.objects.count() <= 1
    if response.status_code >= 400:
        assert list(SurveyAnswer.objects.order_by("pk").values_list(
            "pk", "text", "number")) == before, "a refused sheet changed stored answers"
    else:
        stored = SurveyResponse.objects.get()
        assert stored.user == anna
        assert stored.answers.count() >= 1
        assert all("\x00" not in answer.text for answer in stored.answers.all())
