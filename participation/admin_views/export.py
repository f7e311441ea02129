"""Comments as rows for evaluation (CSV and XLSX): page, goal or measure, language, date, name,
text, supports, state, parent. Hidden and deleted comments keep their row and state but never
their text; cells that a spreadsheet would run as a formula are neutralised."""

from functools import cached_property

from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from ..models import CommentStatus

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value):
    """A text a spreadsheet would read as a formula gets a leading apostrophe."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


EXPORT_FIELDS = ["page", "part", "anchor", "language", "created", "name", "text",
                 "supports", "state", "parent"]
EXPORT_HEADINGS = {
    "page": _("Page"),
    "part": _("Goal or measure"),
    "anchor": _("Anchor"),
    "language": _("Language"),
    "created": _("Written"),
    "name": _("Public name"),
    "text": _("Text"),
    "supports": _("Supports"),
    "state": _("State"),
    "parent": _("In reply to"),
}


class CommentRows:
    """Turns comments into export rows; looks up each page's goals and measures once."""

    @cached_property
    def _targets(self) -> dict:
        return {}

    def targets_for(self, discussion):
        key = discussion.translation_key
        if key not in self._targets:
            page = Page.objects.filter(translation_key=key, locale__language_code="de").first() \
                or Page.objects.filter(translation_key=key).first()
            page = page.specific if page else None
            targets = page.participation_targets() if hasattr(page, "participation_targets") \
                else []
            self._targets[key] = {t.key: t for t in targets}
        return self._targets[key]

    def state_of(self, comment) -> str:
        if comment.is_deleted:
            return str(_("deleted by its author"))
        return str(CommentStatus(comment.status).label)

    def row(self, comment) -> dict:
        target = self.targets_for(comment.discussion).get(comment.target)
        part = target.label if target else (comment.target_kind if comment.target else "")
        row = {
            "page": comment.discussion.title,
            "part": part,
            "anchor": target.anchor if target else comment.target,
            "language": comment.language,
            "created": comment.created_at,
            "name": comment.author_name(),
            "text": comment.text if comment.is_visible else "",
            "supports": getattr(comment, "support_count", 0),
            "state": self.state_of(comment),
            "parent": comment.parent_id or "",
        }
        return {field: neutralise(value) for field, value in row.items()}
