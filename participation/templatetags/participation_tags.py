"""What a host page renders: ``{% participation_discussion page %}`` for the discussion, and
``{% participation_counts page as counts %}`` with ``{% participation_link page counts key %}``
for the count and link of one goal or measure (all counts come from one query);
``{% participation_version page as version %}`` keys the page's own fragments that show them."""

from urllib.parse import urlencode

from django import template
from django.template.loader import get_template
from django.urls import reverse

from .. import fragment_cache, rules
from ..forms import DiscussionQueryForm
from ..mixins import ParticipationMixin
from ..models import SortOrder
from ..rendering import render_text
from ..threads import Counts, counts_for
from ..views import discussion_context

register = template.Library()


def hosts(page) -> bool:
    return isinstance(page, ParticipationMixin) and page.participation_settings.hosted


@register.simple_tag
def participation_counts(page) -> Counts | None:
    return counts_for(page) if hosts(page) else None


@register.inclusion_tag("participation/includes/target_link.html")
def participation_link(page, counts, key):
    if counts is None or not hosts(page):
        return {}
    return {
        "page": page,
        "count": counts.for_target(key),
        "outcomes": counts.led_to(key),
        "url": reverse("participation:discussion", args=[page.pk]) + f"?about={key}",
    }


@register.simple_tag(takes_context=True)
def participation_discussion(context, page):
    if not hosts(page):
        return ""
    request = context["request"]

    def render():
        result = discussion_context(request, page)
        result.update(request=request, user=request.user, embedded=True,
                      sort_choices=SortOrder.choices, csrf_token=context.get("csrf_token"))
        return get_template("participation/discussion.html").render(result)

    return fragment_cache.discussion_for_anonymous(request, page, render)


@register.simple_tag
def participation_version(page) -> str:
    """A key for a host page's own fragments that show participation (counts per goal):
    it changes with every change to the page's discussion or surveys, in both languages."""
    return fragment_cache.version_of(page) if hosts(page) else ""


@register.simple_tag(takes_context=True)
def discussion_url(context, discussion_page, **params):
    """The discussion's own address with the current query changed by ``params``."""
    query = DiscussionQueryForm(context["request"].GET)
    values = {name: query.value(name, "") for name in ("sort", "about")}
    values.update(params)
    values = {k: v for k, v in values.items() if v not in ("", None)}
    name = "participation:more" if values.pop("fragment", False) else "participation:discussion"
    url = reverse(name, args=[discussion_page.pk])
    return url + (f"?{urlencode(values)}" if values else "")


@register.filter
def described_widget(field):
    """The field's widget tied to its hint and error by ``aria-describedby``."""
    ids = []
    if field.help_text:
        ids.append(f"{field.id_for_label}-hint")
    if field.errors:
        ids.append(f"{field.id_for_label}-error")
    attrs = {"aria-describedby": " ".join(ids)} if ids else {}
    if field.errors:
        attrs["aria-invalid"] = "true"
    return field.as_widget(attrs=attrs)


@register.filter
def comment_text(comment):
    return render_text(comment.text)


@register.filter
def plain_text(text):
    return render_text(text)


@register.filter
def target_of(targets: dict, key: str):
    return targets.get(key)


@register.filter
def removed_target_label(comment, page) -> str:
    return page.participation_removed_label(comment.target_kind)


@register.filter
def is_in(value, collection) -> bool:
    return value in collection


@register.filter
def editable_by(comment, user) -> bool:
    return rules.can_edit(user, comment)


@register.filter
def deletable_by(comment, user) -> bool:
    return rules.can_delete(user, comment)


@register.filter
def supportable_by(comment, user) -> bool:
    return rules.can_support(user, comment)


@register.filter
def reportable_by(comment, user) -> bool:
    return rules.can_report(user, comment)


@register.filter
def value_for(values, key):
    return values.get(key, "") if hasattr(values, "get") else ""


@register.inclusion_tag("participation/includes/surveys.html")
def participation_surveys(page):
    """The page's surveys as links with their state (open, closed, opening on)."""
    if not hosts(page):
        return {}
    from ..services import survey_phase

    entries = []
    for survey in page.participation_surveys_shown():
        source = survey.source()
        entries.append({
            "survey": survey,
            "phase": survey_phase(page, survey),
            "opens_at": source.opens_at or page.participation_settings.opens_at,
            "closes_at": source.closes_at or page.participation_settings.closes_at,
        })
    return {"page": page, "entries": entries}
