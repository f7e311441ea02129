"""Citizens' data rights (GDPR articles 15, 17 and 20): everything stored about a citizen as
JSON, and deleting the account while the discussion stays readable.

Deleting keeps the comments (their author becomes "deleted user"), removes supports (so counts
fall), e-mail addresses, the public name and consents, keeps reports without the reporter, and
overwrites what Wagtail's audit log recorded of the public name."""

from django.contrib.auth import logout
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone
from wagtail.models import ModelLogEntry

from . import signals
from .models import CitizenComment, Participant, Report, Support

# Other parts of the add-on (surveys) add what they store: a callable (user) -> (key, data).
personal_data_sections = []


def _when(value):
    return value.isoformat() if value else None


def personal_data(user) -> dict:
    participant = Participant.objects.filter(user=user).first()
    from allauth.account.models import EmailAddress

    data = {
        "generated_at": timezone.now().isoformat(),
        "account": {
            "email": user.email,
            "created": _when(user.date_joined),
            "last_login": _when(user.last_login),
            "email_addresses": [
                {"email": address.email, "verified": address.verified,
                 "primary": address.primary}
                for address in EmailAddress.objects.filter(user=user)
            ],
        },
        "participant": participant and {
            "public_name": participant.display_name,
            "notify_replies": participant.notify_replies,
            "blocked": _when(participant.blocked_at),
            "blocked_reason": participant.blocked_reason,
        },
        "consents": participant and [
            {"what": "privacy notice", "version": participant.privacy_consent_version,
             "given": _when(participant.privacy_consent_at)}
        ] if participant and participant.privacy_consent_at else [],
        "comments": [
            {"id": c.pk, "page": c.discussion.title, "about": c.target, "language": c.language,
             "text": c.text, "state": c.status, "written": _when(c.created_at),
             "edited": _when(c.edited_at), "deleted": _when(c.deleted_at),
             "in_reply_to": c.parent_id}
            for c in CitizenComment.objects.filter(author=user).select_related("discussion")
            .order_by("created_at")
        ],
        "supports": [
            {"comment": s.comment_id, "given": _when(s.created_at)}
            for s in Support.objects.filter(user=user).order_by("created_at")
        ],
        "reports": [
            {"comment": r.comment_id, "reason": r.reason, "details": r.text,
             "reported": _when(r.created_at), "outcome": r.outcome}
            for r in Report.objects.filter(reporter=user).order_by("created_at")
        ],
    }
    for section in personal_data_sections:
        key, value = section(user)
        data[key] = value
    return data


account_deletion_steps = []  # callables (user) run before the account is deleted


def delete_account(request) -> None:
    user = request.user
    with transaction.atomic():
        participant = Participant.objects.filter(user=user).first()
        if participant:
            ModelLogEntry.objects.filter(
                content_type=ContentType.objects.get_for_model(Participant),
                object_id=str(participant.pk),
            ).update(label="—", data={})
        for step in account_deletion_steps:
            step(user)
        signals.author_changed(user)  # before the comments lose their author
        user.delete()  # comments and reports keep their rows without the person
    logout(request)


def survey_answers(user):
    """The citizen's survey responses with every answer, keyed by question and option ids and
    with the texts of the survey's questions in the language answered."""
    from .models import Survey, SurveyResponse
    from .questionnaire import questions_of

    responses = list(SurveyResponse.objects.filter(user=user).prefetch_related("answers")
                     .order_by("created_at"))
    surveys = {}
    for survey in Survey.objects.filter(
            translation_key__in={r.survey_key for r in responses}).select_related("locale"):
        surveys.setdefault(survey.translation_key, {})[survey.locale.language_code] = survey
    found = []
    for response in responses:
        versions = surveys.get(response.survey_key, {})
        survey = versions.get(response.language) or next(iter(versions.values()), None)
        questions = {q.key: q for q in questions_of(survey)} if survey else {}
        found.append({
            "survey": survey.title if survey else str(response.survey_key),
            "language": response.language,
            "answered": _when(response.created_at),
            "changed": _when(response.updated_at),
            "answers": [
                {"question": questions[a.question_key].label if a.question_key in questions
                 else a.question_key,
                 "option": questions[a.question_key].option_label(a.option_key)
                 if a.question_key in questions and a.option_key else a.option_key,
                 "text": a.text, "number": a.number, "position": a.rank}
                for a in response.answers.all()
            ],
        })
    return "survey_responses", found


def detach_survey_responses(user):
    """Answers stay in the results and exports, no longer tied to anyone."""
    from .models import SurveyResponse

    SurveyResponse.objects.filter(user=user).update(user=None)


personal_data_sections.append(survey_answers)
account_deletion_steps.append(detach_survey_responses)
