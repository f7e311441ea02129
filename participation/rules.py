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


def can_participate(user) -> bool:
    return is_verified(user)


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
