"""Every write of the add-on goes through one of these functions: permission, phase, rate
limit, validation and transaction in one place. Views validate a form, call one, redirect.

A refused write raises ``Refusal`` with the HTTP status and a translated message, and stores
nothing."""

import uuid
from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from . import rules, signals
from .defences import RateLimited, check_rate_limit
from .mixins import ParticipationSettings, Phase
from .models import (
    MAX_TEXT_LENGTH,
    CitizenComment,
    CommentStatus,
    Discussion,
    Participant,
    Support,
    SurveyAnswer,
    SurveyResponse,
    SurveyTally,
)
from .models.surveys import NO_NUMBER, tally_key


@dataclass
class Refusal(Exception):
    status: int
    message: str
    retry_after: int | None = None


def _phase_refusal(page) -> Refusal | None:
    phase = page.participation_phase() if hasattr(page, "participation_phase") else None
    if phase in (None, Phase.NOT_HOSTED):
        return Refusal(403, _("This page has no discussion."))
    if phase == Phase.UPCOMING:
        return Refusal(403, _("The discussion has not opened yet."))
    if phase == Phase.CLOSED:
        return Refusal(403, _("The discussion is closed. It stays readable."))
    return None


def _check_participant(user) -> Participant:
    if not rules.is_verified(user):
        raise Refusal(403, _("Please sign in with a confirmed e-mail address to take part."))
    participant = rules.participant_of(user)
    if participant is None:
        raise Refusal(403, _("Please choose a public name in your account first."))
    if participant.is_blocked:
        raise Refusal(403, _("Your account may read the discussions but no longer take part. "
                             "The moderators told you why by e-mail."))
    return participant


def _check_rate(request, action: str) -> None:
    try:
        check_rate_limit(request, action)
    except RateLimited as limited:
        raise Refusal(
            429, _("You are writing faster than we can read. Please wait a moment."),
            retry_after=limited.retry_after,
        ) from None


def clean_text(text: str) -> str:
    text = (text or "").replace("\r\n", "\n").replace("\x00", "").strip()
    if not text:
        raise Refusal(400, _("Please write something."))
    if len(text) > MAX_TEXT_LENGTH:
        raise Refusal(400, _("Please keep your comment under %(limit)s characters.")
                      % {"limit": MAX_TEXT_LENGTH})
    return text


def _target_kind(page, target: str) -> str:
    if not target:
        return ""
    for candidate in page.participation_targets():
        if candidate.key == target:
            return candidate.kind
    raise Refusal(400, _("This part of the page does not exist (any more)."))


def ensure_can_post(user, page) -> Participant:
    """Raises the ``Refusal`` a write on this page would get from this user right now."""
    if refusal := _phase_refusal(page):
        raise refusal
    return _check_participant(user)


def post_comment(request, page, *, text: str, target: str = "", parent: CitizenComment | None
                 = None, token: uuid.UUID | None = None, consent: bool = False) -> CitizenComment:
    user = request.user
    participant = ensure_can_post(user, page)
    if token and (earlier := CitizenComment.objects.filter(submission_token=token).first()):
        if earlier.author_id != user.pk:
            raise Refusal(400, _("The form has expired. Please reload the page."))
        return earlier  # the second click of a double click
    text = clean_text(text)
    if parent is not None:
        if parent.discussion.translation_key != page.translation_key:
            raise Refusal(400, _("This reply belongs to another discussion."))
        if not parent.is_visible:
            raise Refusal(400, _("This comment can no longer be answered."))
        if not parent.can_have_replies:
            raise Refusal(400, _("Replies can be nested three levels deep; please answer "
                                 "further up."))
        target, target_kind = parent.target, parent.target_kind
    else:
        target_kind = _target_kind(page, target)
    if not participant.has_consented and not consent:
        raise Refusal(400, _("Please agree to the privacy notice to take part."))
    _check_rate(request, "comment")

    try:
        with transaction.atomic():
            comment = CitizenComment.objects.create(
                discussion=Discussion.for_page(page),
                target=target,
                target_kind=target_kind,
                parent=parent,
                thread=parent.thread if parent else None,
                depth=parent.depth + 1 if parent else 0,
                author=user,
                language=page.locale.language_code,
                text=text,
                submission_token=token,
                status=(CommentStatus.PENDING if page.participation_settings.premoderated
                        else CommentStatus.PUBLISHED),
                awaiting_decision=page.participation_settings.premoderated,
            )
            if parent is None:
                comment.thread = comment
                comment.save(update_fields=["thread"])
            if not participant.has_consented:
                participant.record_consent()
            signals.comment_changed(comment, "posted")
    except IntegrityError:
        earlier = CitizenComment.objects.filter(submission_token=token, author=user).first()
        if token and earlier:
            return earlier
        raise
    return comment


def edit_comment(user, comment: CitizenComment, text: str) -> CitizenComment:
    if not rules.is_author(user, comment):
        raise Refusal(403, _("Only its author can change a comment."))
    if not rules.can_edit(user, comment):
        raise Refusal(403, _("A comment can be changed for 15 minutes after writing it."))
    comment.text = clean_text(text)
    comment.edited_at = timezone.now()
    with transaction.atomic():
        comment.save(update_fields=["text", "edited_at"])
        signals.comment_changed(comment, "edited")
    return comment


def delete_comment(user, comment: CitizenComment) -> CitizenComment:
    """The text is erased; replies stay, under a note that the author deleted the comment."""
    if not rules.can_delete(user, comment):
        raise Refusal(403, _("Only its author can delete a comment."))
    comment.text = ""
    comment.deleted_at = timezone.now()
    with transaction.atomic():
        comment.save(update_fields=["text", "deleted_at"])
        signals.comment_changed(comment, "deleted")
    return comment


def set_support(request, page, comment: CitizenComment, supported: bool) -> int:
    """Support a comment or withdraw the support; returns the comment's new support count."""
    user = request.user
    if comment.discussion.translation_key != page.translation_key:
        raise Refusal(404, _("This comment is not part of this discussion."))
    ensure_can_post(user, page)
    if rules.is_author(user, comment):
        raise Refusal(403, _("You cannot support your own comment."))
    if not comment.is_visible:
        raise Refusal(400, _("This comment can no longer be supported."))
    _check_rate(request, "support")
    with transaction.atomic():
        if supported:
            try:
                with transaction.atomic():
                    Support.objects.get_or_create(comment=comment, user=user)
            except IntegrityError:
                pass  # a concurrent identical request stored it: the same outcome
        else:
            Support.objects.filter(comment=comment, user=user).delete()
        signals.comment_changed(comment, "supported")
    return Support.objects.filter(comment=comment).count()


def survey_phase(page, survey, now=None) -> Phase:
    """A survey follows its page's participation unless it has opening or closing times of its
    own (read from the survey in the main language)."""
    page_settings = page.participation_settings
    source = survey.source()
    return ParticipationSettings(
        hosted=page_settings.hosted,
        opens_at=source.opens_at or page_settings.opens_at,
        closes_at=source.closes_at or page_settings.closes_at,
    ).phase(now)


def _survey_refusal(page, survey) -> Refusal | None:
    phase = survey_phase(page, survey)
    if phase == Phase.NOT_HOSTED:
        return Refusal(404, _("This page has no surveys."))
    if phase == Phase.UPCOMING:
        return Refusal(403, _("The survey has not opened yet."))
    if phase == Phase.CLOSED:
        return Refusal(403, _("The survey is closed. You can no longer answer it."))
    return None


def ensure_can_answer(request, page, survey) -> None:
    """Raises the ``Refusal`` an answer to this survey would get from this visitor now."""
    if refusal := _survey_refusal(page, survey):
        raise refusal
    if request.user.is_authenticated:
        _check_participant(request.user)
    elif not survey.source().allow_anonymous:
        raise Refusal(403, _("Please sign in with a confirmed e-mail address to answer."))


def _already_answered_anonymously() -> Refusal:
    return Refusal(409, _("You have already answered this survey. Anonymous answers cannot be "
                          "changed."))


def submit_response(request, page, survey, rows, *, session_token: str | None = None
                    ) -> SurveyResponse:
    """Stores a validated answer sheet (``questionnaire.Sheet.rows``): a signed-in citizen's
    response is created or replaced, an anonymous one created once per session. The response
    and all its answers are saved in one transaction, or nothing is."""
    ensure_can_answer(request, page, survey)
    user = request.user if request.user.is_authenticated else None
    if user is None and not session_token:
        raise Refusal(400, _("The form has expired. Please reload the page."))
    key = survey.translation_key
    owner = {"user": user} if user else {"session_token": session_token}
    if user is None and SurveyResponse.objects.filter(survey_key=key, **owner).exists():
        raise _already_answered_anonymously()
    _check_rate(request, "survey")
    language = page.locale.language_code
    now = timezone.now()

    def store():
        with transaction.atomic():
            response = (SurveyResponse.objects.select_for_update()
                        .filter(survey_key=key, **owner).first())
            if response is None:
                response = SurveyResponse.objects.create(survey_key=key, language=language,
                                                         created_at=now, updated_at=now,
                                                         **owner)
                action = "answered"
            elif user is None:
                raise _already_answered_anonymously()
            else:
                old = list(response.answers.all())
                SurveyTally.objects.add(key, response.language, tally_deltas(old, -1))
                response.answers.all().delete()
                response.language, response.updated_at = language, now
                response.save(update_fields=["language", "updated_at"])
                action = "changed"
            SurveyAnswer.objects.bulk_create(
                SurveyAnswer(response=response, survey_key=key, language=language,
                             question_key=row.question_key, option_key=row.option_key,
                             text=row.text, number=row.number, rank=row.rank)
                for row in rows
            )
            SurveyTally.objects.add(key, language, tally_deltas(rows, 1))
            signals.survey_answered(key, page, action)
            return response

    try:
        return store()
    except IntegrityError:
        # A concurrent submit of the same person created the response first: for a citizen
        # this one replaces its answers (as if it came second), an anonymous one is refused.
        if user is None:
            raise _already_answered_anonymously() from None
        return store()


def tally_deltas(rows, sign: int) -> dict[tuple, tuple[int, int]]:
    """What answer rows add to (or, with ``sign`` -1, take from) the survey's tallies: each
    chosen option, ranked option or scale point, and once per question "answered"."""
    deltas = {}

    def add(key, rank=0):
        n, rank_sum = deltas.get(key, (0, 0))
        deltas[key] = (n + sign, rank_sum + sign * rank)

    for row in rows:
        if row.option_key or row.number is not None:
            add(tally_key(row), row.rank or 0)
    for question in dict.fromkeys(row.question_key for row in rows):
        add((question, "", NO_NUMBER))
    return deltas
