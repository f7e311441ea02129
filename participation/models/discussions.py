"""A page's discussion, shared by all its translations, and the comments in it."""

import datetime

from django.conf import settings
from django.core.exceptions import ObjectDoesNotExist
from django.db import models
from django.db.models import Count, Exists, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

EDIT_WINDOW = datetime.timedelta(minutes=15)
MAX_TEXT_LENGTH = 5000
MAX_REPLY_DEPTH = 3  # a comment, a reply, a reply to the reply, and one level more


class Discussion(models.Model):
    """Everything said about one page in any of its languages.

    Keyed by the page's ``translation_key``, which the German page and its English copy share,
    and never tied to a page row: deleting every copy of the page keeps its discussion (and the
    last known title) for the moderators."""

    translation_key = models.UUIDField(_("translation key"), unique=True, editable=False)
    title = models.CharField(_("page title"), max_length=255)
    created_at = models.DateTimeField(_("created"), default=timezone.now)

    class Meta:
        verbose_name = _("discussion")
        verbose_name_plural = _("discussions")

    def __str__(self):
        return self.title

    @classmethod
    def for_page(cls, page) -> "Discussion":
        discussion, _created = cls.objects.get_or_create(
            translation_key=page.translation_key, defaults={"title": page.title[:255]}
        )
        return discussion


class CommentStatus(models.TextChoices):
    PUBLISHED = "published", _("Published")
    PENDING = "pending", _("Waiting for moderation")
    HIDDEN = "hidden", _("Hidden by moderation")


class HideReason(models.TextChoices):
    """Why moderators hide a comment: each is a rule of the netiquette (its anchor there)."""

    INSULT = "insult", _("Insult or personal attack")
    DISCRIMINATION = "discrimination", _("Discrimination or hate")
    SPAM = "spam", _("Advertising or spam")
    OFF_TOPIC = "off_topic", _("Off topic")
    PERSONAL_DATA = "personal_data", _("Personal data of others")
    UNLAWFUL = "unlawful", _("Unlawful content")
    OTHER = "other", _("Other reason (see the note)")


class SortOrder(models.TextChoices):
    NEWEST = "newest", _("Newest first")
    OLDEST = "oldest", _("Oldest first")
    SUPPORTED = "supported", _("Most supported")


ORDERINGS = {
    SortOrder.NEWEST: ("-created_at", "-id"),
    SortOrder.OLDEST: ("created_at", "id"),
    SortOrder.SUPPORTED: ("-support_count", "-created_at", "-id"),
}


class CommentQuerySet(models.QuerySet):
    def in_discussion_of(self, page):
        return self.filter(discussion__translation_key=page.translation_key)

    def visible(self):
        """What readers see with its text: published and not deleted by its author."""
        return self.filter(status=CommentStatus.PUBLISHED, deleted_at__isnull=True)

    def shown(self):
        """Visible comments, and removed ones that still carry visible replies (as a note)."""
        visible_reply = CitizenComment.objects.visible().filter(
            thread=OuterRef("pk"), depth__gt=0
        )
        return self.filter(
            Q(status=CommentStatus.PUBLISHED, deleted_at__isnull=True) | Exists(visible_reply)
        )

    def with_support_count(self):
        return self.annotate(support_count=Count("supports", distinct=True))

    def for_display(self):
        return self.with_support_count().select_related("author__participant",
                                                        "official_answer")

    def sorted_by(self, order: str):
        return self.order_by(*ORDERINGS.get(order, ORDERINGS[SortOrder.NEWEST]))

    def counts_by_target(self) -> dict[str, int]:
        """Visible comments per target ("" for the whole page) in one query."""
        rows = self.visible().values_list("target").annotate(n=Count("id")).order_by()
        return dict(rows)


class CitizenComment(models.Model):
    """A citizen's comment or reply. (Not Wagtail's editor comments: those are
    ``wagtail.Comment`` on ``page.wagtail_admin_comments``.)"""
    # Citizens' input links to nothing an editor needs to see the usage of; indexing each
    # save would queue a task per comment, support and answer.
    wagtail_reference_index_ignore = True


    discussion = models.ForeignKey(
        Discussion, on_delete=models.PROTECT, related_name="comments",
        verbose_name=_("discussion"),
    )
    target = models.CharField(
        _("about"), max_length=64, blank=True,
        help_text=_("Empty for the whole page, else the id of the goal or measure."),
    )
    target_kind = models.CharField(_("kind of part"), max_length=32, blank=True)
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="replies",
        verbose_name=_("in reply to"),
    )
    thread = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="+",
        verbose_name=_("thread"), help_text=_("The top-level comment; itself for one."),
    )
    depth = models.PositiveSmallIntegerField(_("depth"), default=0)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="citizen_comments", verbose_name=_("author"),
    )
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    text = models.TextField(_("text"), max_length=MAX_TEXT_LENGTH)
    status = models.CharField(
        _("state"), max_length=16, choices=CommentStatus.choices,
        default=CommentStatus.PUBLISHED,
    )
    created_at = models.DateTimeField(_("written"), default=timezone.now)
    edited_at = models.DateTimeField(_("edited"), null=True, blank=True)
    deleted_at = models.DateTimeField(_("deleted by its author"), null=True, blank=True)
    awaiting_decision = models.BooleanField(
        _("awaiting a moderator's decision"), default=False,
        help_text=_("Hidden by reports (or held by pre-moderation) until a moderator decides."),
    )
    moderation_reason = models.CharField(
        _("reason of the decision"), max_length=32, blank=True,
        choices=HideReason.choices,
    )
    moderation_note = models.TextField(_("moderator's note to the author"), blank=True,
                                       max_length=2000)
    moderated_at = models.DateTimeField(_("decided"), null=True, blank=True)
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+", verbose_name=_("decided by"),
    )
    notified_at = models.DateTimeField(
        _("reply notification sent"), null=True, blank=True, editable=False
    )
    submission_token = models.UUIDField(
        _("submission token"), null=True, blank=True, editable=False,
        help_text=_("Makes a double-clicked submit store one comment."),
    )

    objects = CommentQuerySet.as_manager()

    class Meta:
        verbose_name = _("citizen comment")
        verbose_name_plural = _("citizen comments")
        permissions = [
            ("moderate_citizencomment", _("Can moderate citizens' comments")),
            ("answer_citizencomment", _("Can answer citizens' comments for the city")),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["submission_token"], name="participation_comment_token_once"
            ),
            models.CheckConstraint(
                condition=Q(depth__lte=MAX_REPLY_DEPTH), name="participation_comment_depth"
            ),
        ]
        indexes = [
            models.Index(fields=["discussion", "depth", "created_at"],
                         name="participation_comment_list"),
            models.Index(fields=["thread", "created_at"], name="participation_comment_thread"),
        ]

    def __str__(self):
        return f"{self.pk}: {self.text[:40]}"

    @property
    def anchor(self) -> str:
        return f"c-{self.pk}"

    @property
    def is_visible(self) -> bool:
        return self.status == CommentStatus.PUBLISHED and self.deleted_at is None

    @property
    def is_deleted(self) -> bool:
        return self.deleted_at is not None

    @property
    def can_have_replies(self) -> bool:
        return self.depth < MAX_REPLY_DEPTH

    def editable_until(self) -> datetime.datetime:
        return self.created_at + EDIT_WINDOW

    @property
    def answer(self):
        """The city's answer, if any (loaded with the comment by ``for_display``)."""
        try:
            return self.official_answer
        except ObjectDoesNotExist:
            return None

    def author_name(self) -> str:
        participant = getattr(self.author, "participant", None) if self.author_id else None
        if participant is None:
            return str(_("deleted user")) if self.author_id is None else str(_("citizen"))
        return participant.display_name
