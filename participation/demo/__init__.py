"""A lively demo discussion on the strategy chapter "Digitale Verwaltung", German and English.

The add-on imports no project app, so the chapter is found by its slug and its goals and
measures through the host's ``participation_targets()``. The demo citizens cannot log in (no
usable password), have verified addresses on a reserved domain and are never e-mailed about
replies. Comments are stored directly with their 2022 dates, not through ``post_comment``:
no rate limit, fill time or notification applies to a demo.
"""

import datetime
import logging

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from wagtail.models import Page

from ..mixins import ParticipationMixin, Target
from ..models import CitizenComment, Discussion, Participant, Support
from ..models.participants import PRIVACY_NOTICE_VERSION
from . import content, surveys

logger = logging.getLogger(__name__)


def load(log) -> None:
    page = chapter()
    if page is None:
        logger.warning("No participation chapter %r (%s): the demo discussion was not loaded.",
                       content.CHAPTER["slug"], content.CHAPTER["language"])
        return
    targets = numbered_targets(page)
    addressed = {said["about"] for said in flattened(content.DISCUSSION) if said["about"]}
    missing = sorted(addressed - set(targets))
    if missing:
        logger.warning("%s has no goal or measure %s: the demo discussion was not loaded.",
                       page.title, ", ".join(missing))
        return
    with transaction.atomic():
        citizens = {key: citizen(key, log) for key in content.CITIZENS}
        discussion = Discussion.for_page(page)
        supports = 0
        for said in content.DISCUSSION:
            supports += add_comment(discussion, said, targets, citizens, log)
        if supports:
            log.add(f"supports: {supports} in the discussion of {page.title}")
    surveys.load(page, log)


def chapter() -> Page | None:
    page = Page.objects.filter(
        slug=content.CHAPTER["slug"], locale__language_code=content.CHAPTER["language"]
    ).first()
    page = page.specific if page else None
    return page if isinstance(page, ParticipationMixin) else None


def numbered_targets(page) -> dict[str, Target]:
    """The chapter's goals and measures by the numbers readers see ("3", "3.2"), counted in
    the order of ``participation_targets()``: each goal followed by its measures."""
    numbered = {}
    goal = measure = 0
    for target in page.participation_targets():
        if target.kind == "goal":
            goal, measure = goal + 1, 0
            numbered[str(goal)] = target
        elif target.kind == "measure":
            measure += 1
            numbered[f"{goal}.{measure}"] = target
    return numbered


def flattened(comments):
    for said in comments:
        yield said
        yield from flattened(said["replies"])


def local_time(text: str) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.fromisoformat(text))


def signed_up_at(key: str) -> datetime.datetime:
    """Shortly before the citizen's first comment (when they also accepted the privacy notice)."""
    first = min(local_time(said["at"]) for said in flattened(content.DISCUSSION)
                if said["by"] == key)
    return first - datetime.timedelta(minutes=20)


def citizen(key: str, log):
    data = content.CITIZENS[key]
    email = f"{key}@{content.EMAIL_DOMAIN}"
    user_model = get_user_model()
    user = user_model.objects.filter(email=email).first()
    if user is not None:
        return user
    joined = signed_up_at(key)
    user = user_model(username=f"demo-{key}", email=email, date_joined=joined)
    user.set_unusable_password()
    user.save()
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    Participant.objects.create(
        user=user, display_name=data["name"], notify_replies=False, created_at=joined,
        privacy_consent_at=joined, privacy_consent_version=PRIVACY_NOTICE_VERSION,
    )
    log.add(f"demo citizen: {data['name']} ({data['language']})")
    return user


def add_comment(discussion, said, targets, citizens, log, parent=None) -> int:
    """Store ``said`` and its replies unless they are there; returns the supports added."""
    author = citizens[said["by"]]
    created_at = local_time(said["at"])
    comment = CitizenComment.objects.filter(
        discussion=discussion, author=author, created_at=created_at
    ).first()
    if comment is None:
        if parent is not None:
            target, kind = parent.target, parent.target_kind
        elif said["about"]:
            target, kind = targets[said["about"]].key, targets[said["about"]].kind
        else:
            target, kind = "", ""
        comment = CitizenComment.objects.create(
            discussion=discussion,
            target=target,
            target_kind=kind,
            parent=parent,
            thread=parent.thread if parent else None,
            depth=parent.depth + 1 if parent else 0,
            author=author,
            language=content.CITIZENS[said["by"]]["language"],
            text=said["text"],
            created_at=created_at,
        )
        if parent is None:
            comment.thread = comment
            comment.save(update_fields=["thread"])
        log.add(f"demo comment: {content.CITIZENS[said['by']]['name']}, {said['at']}")
    added = 0
    for hours, key in enumerate(said["supported_by"], start=1):
        _support, created = Support.objects.get_or_create(
            comment=comment, user=citizens[key],
            defaults={"created_at": created_at + datetime.timedelta(hours=hours)},
        )
        added += created
    for reply in said["replies"]:
        added += add_comment(discussion, reply, targets, citizens, log, parent=comment)
    return added
