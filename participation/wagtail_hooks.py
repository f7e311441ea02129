from django.db.models import Count, Q
from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet

from . import rules
from .admin_views import surveys
from .admin_views.permissions import ModerationPolicy
from .admin_views.queues import ParticipationGroup
from .models import CitizenComment, CommentStatus, Participant, Survey

register_permission_policy(CitizenComment, ModerationPolicy(CitizenComment))
register_permission_policy(Survey, surveys.SurveyPermissionPolicy(Survey))
register_snippet(surveys.SurveyViewSet)


@hooks.register("register_admin_urls")
def register_survey_exports():
    return [path("participation/survey-export/<int:pk>/<str:fmt>/", surveys.export,
                 name="participation_survey_export")]


@hooks.register("register_snippet_listing_buttons")
def survey_export_buttons(snippet, user, next_url=None):
    return surveys.export_buttons(snippet, user, next_url)


@hooks.register("register_admin_viewset")
def register_participation_menu():
    return ParticipationGroup()


@hooks.register("register_log_actions")
def register_moderation_actions(actions):
    for action, label, message in [
        ("participation.comment.approve", _("Approve comment"), _("Comment approved")),
        ("participation.comment.hide", _("Hide comment"), _("Comment hidden")),
        ("participation.comment.restore", _("Restore comment"), _("Comment shown again")),
        ("participation.comment.auto_hide", _("Hide comment after reports"),
         _("Comment hidden after reports by several citizens")),
        ("participation.comment.answer", _("Answer comment"), _("City answered the comment")),
        ("participation.citizen.block", _("Block citizen"), _("Citizen blocked")),
        ("participation.citizen.unblock", _("Unblock citizen"), _("Citizen unblocked")),
    ]:
        actions.register_action(action, label, message)


class ModerationPanel(Component):
    """The moderators' dashboard: what waits for a decision."""

    name = "participation_moderation"
    order = 50
    template_name = "participation/admin/dashboard_panel.html"

    def get_context_data(self, parent_context):
        counts = CitizenComment.objects.aggregate(
            reported=Count("pk", filter=Q(awaiting_decision=True, status=CommentStatus.HIDDEN)
                           | Q(reports__outcome=""), distinct=True),
            pending=Count("pk", filter=Q(status=CommentStatus.PENDING), distinct=True),
        )
        return {**counts, "blocked": Participant.objects.filter(
            blocked_at__isnull=False).count()}


@hooks.register("construct_homepage_panels")
def add_moderation_panel(request, panels):
    if rules.can_moderate(request.user):
        panels.append(ModerationPanel())
