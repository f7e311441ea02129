"""Who may do what in a discussion: named predicates, checked by the services and the templates.

Only signed-in, active citizens with a verified e-mail address take part; the phase of the page
(read from its translation group) decides whether posting and supporting are open."""

from django.utils import timezone

from .mixins import ParticipationMixin, Phase


def is_verified(user) -> bool:
    if not (user and user.is_authenticated and user.is_active):
        return False
    cached = getattr(user, "_participation_verified", None)
    if cached is None:
        from allauth.account.models import EmailAddress

        cached = EmailAddress.objects.filter(user=user, verified=True).exists()
        user._participation_verified = cached
    return cached


def participant_of(user):
    if not (user and user.is_authenticated):
        return None
    if not hasattr(user, "_participation_participant"):
        from .models import Participant

        user._participation_participant = Participant.objects.filter(user=user).first()
    return user._participation_participant


def is_blocked(user) -> bool:
    participant = participant_of(user)
    return bool(participant and participant.is_blocked)


def can_participate(user) -> bool:
    """Verified, with a public name, and not blocked by the moderators."""
    participant = participant_of(user)
    return is_verified(user) and participant is not None and not participant.is_blocked


def can_moderate(user) -> bool:
    return bool(user and user.is_authenticated and user.has_perm(
        "participation.moderate_citizencomment"))


def can_answer_officially(user) -> bool:
    return bool(user and user.is_authenticated and user.has_perm(
        "participation.answer_citizencomment"))


def is_open_for_participation(page) -> bool:
    return isinstance(page, ParticipationMixin) and page.participation_phase() == Phase.OPEN


def can_post(user, page) -> bool:
    return is_open_for_participation(page) and can_participate(user)


def is_author(user, comment) -> bool:
    return bool(user and user.is_authenticated and comment.author_id == user.pk)


def can_edit(user, comment, now=None) -> bool:
    now = now or timezone.now()
    return (
        is_author(user, comment)
        and not comment.is_deleted
        and now < comment.editable_until()
    )


def can_delete(user, comment) -> bool:
    return is_author(user, comment) and not comment.is_deleted


def can_support(user, comment) -> bool:
    return can_participate(user) and comment.is_visible and not is_author(user, comment)


def can_report(user, comment) -> bool:
    return can_support(user, comment)


SURVEY_SESSION_KEY = "participation_survey_token"


def can_see_survey_answers(user) -> bool:
    """Staff who evaluate surveys: free-text answers, results at any time, exports."""
    return bool(user and user.is_authenticated and user.has_perm(
        "participation.view_surveyresponse"))


def has_answered(request, survey) -> bool:
    from .models import SurveyResponse

    responses = SurveyResponse.objects.filter(survey_key=survey.translation_key)
    if request.user.is_authenticated:
        return responses.filter(user=request.user).exists()
    token = request.session.get(SURVEY_SESSION_KEY) if hasattr(request, "session") else None
    return bool(token) and responses.filter(session_token=token).exists()


def can_see_survey_results(request, page, survey) -> bool:
    """Results after closing for everyone; before, to those who answered if the survey says
    so; staff who evaluate surveys always. Every endpoint with results asks this."""
    from .models import ResultsVisibility
    from .services import survey_phase

    if can_see_survey_answers(request.user):
        return True
    phase = survey_phase(page, survey)
    if phase == Phase.CLOSED:
        return True
    if phase == Phase.OPEN and survey.source().results_visibility == (
            ResultsVisibility.AFTER_ANSWERING):
        return has_answered(request, survey)
    return False
