"""What a discussion shows: one page of threads with their replies, counts per part of the
page, and what the reader supported, in a fixed number of queries however long it is."""

from dataclasses import dataclass, field

from django.utils.functional import cached_property

from .mixins import Target
from .models import AnswerStatus, CitizenComment, OfficialAnswer, SortOrder, Support

PER_PAGE = 20
TAKEN_UP = (AnswerStatus.TAKEN_UP, AnswerStatus.PLANNED)


@dataclass
class Counts:
    by_target: dict[str, int] = field(default_factory=dict)
    answers: list = field(default_factory=list)  # the city's answers to visible comments

    @property
    def total(self) -> int:
        return sum(self.by_target.values())

    def for_target(self, key: str) -> int:
        return self.by_target.get(key, 0)

    def led_to(self, key: str) -> list:
        """The answered comments that led to this goal or measure ("You said, we did")."""
        return [answer for answer in self.answers if answer.led_to == key]

    @property
    def taken_up(self) -> list:
        return [answer for answer in self.answers if answer.status in TAKEN_UP]


def counts_for(page) -> Counts:
    """Visible comments per goal, measure or the page as a whole: one query, memoised on the
    page object so the table of contents and the discussion share it."""
    if not hasattr(page, "_participation_counts"):
        answers = (
            OfficialAnswer.objects.filter(
                comment__in=CitizenComment.objects.in_discussion_of(page).visible()
            )
            .select_related("comment__author__participant")
            .order_by("created_at")
        )
        page._participation_counts = Counts(
            CitizenComment.objects.in_discussion_of(page).counts_by_target(), list(answers)
        )
    return page._participation_counts


@dataclass
class ThreadPage:
    roots: list[CitizenComment]
    root_count: int
    number: int
    sort: str
    supported: set[int]
    targets: dict[str, Target]

    @property
    def has_next(self) -> bool:
        return self.number * PER_PAGE < self.root_count

    @property
    def has_previous(self) -> bool:
        return self.number > 1

    @property
    def next_number(self) -> int:
        return self.number + 1

    @property
    def previous_number(self) -> int:
        return self.number - 1

    @cached_property
    def remaining(self) -> int:
        return max(self.root_count - self.number * PER_PAGE, 0)


def _prune(comments: list[CitizenComment]) -> list[CitizenComment]:
    """Drop removed comments that no longer carry any visible reply."""
    kept = []
    for comment in comments:
        comment.children = _prune(comment.children)
        if comment.is_visible or comment.children:
            kept.append(comment)
    return kept


def load_threads(page, *, sort: str = SortOrder.NEWEST, number: int = 1,
                 target: str | None = None, thread: int | None = None,
                 user=None) -> ThreadPage:
    comments = CitizenComment.objects.in_discussion_of(page)
    if target is not None:
        comments = comments.filter(target=target)
    shown_roots = comments.filter(depth=0).shown()
    if thread is not None:
        shown_roots = shown_roots.filter(pk=thread)
    root_count = shown_roots.count()
    last_page = max((root_count - 1) // PER_PAGE + 1, 1)
    number = min(max(number, 1), last_page)
    start = (number - 1) * PER_PAGE
    roots = list(shown_roots.for_display().sorted_by(sort)[start:start + PER_PAGE])
    by_id = {root.pk: root for root in roots}
    for root in roots:
        root.children = []
    if roots:
        replies = comments.filter(thread__in=list(by_id), depth__gt=0).for_display().order_by(
            "created_at", "id"
        )
        for reply in replies:
            reply.children = []
            by_id[reply.pk] = reply
        for comment in by_id.values():
            if comment.parent_id and comment.parent_id in by_id:
                by_id[comment.parent_id].children.append(comment)
    supported = set()
    if user is not None and user.is_authenticated and by_id:
        supported = set(
            Support.objects.filter(user=user, comment__in=list(by_id)).values_list(
                "comment_id", flat=True
            )
        )
    return ThreadPage(
        roots=_prune(roots), root_count=root_count, number=number, sort=sort,
        supported=supported, targets={t.key: t for t in page.participation_targets()},
    )
