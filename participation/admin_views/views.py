"""The moderation screen of one comment: its context, its reports, the decision, the city's
answer and blocking its author. Every write goes through ``participation.moderation``."""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Page

from .. import moderation, rules
from ..models import CitizenComment, OfficialAnswer, Participant
from ..services import Refusal
from .forms import AnswerForm, BlockForm, DecisionForm


def live_page(comment):
    pages = Page.objects.live().filter(translation_key=comment.discussion.translation_key)
    page = pages.filter(locale__language_code=comment.language).first() or pages.first()
    return page.specific if page else None


class ModerateView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "participation/admin/moderate.html"
    page_title = gettext_lazy("Moderate a comment")
    header_icon = "comment"
    index_url_name = None
    history_url_name = None

    def dispatch(self, request, *args, **kwargs):
        if not rules.can_moderate(request.user):
            raise PermissionDenied
        self.comment = get_object_or_404(
            CitizenComment.objects.select_related("discussion", "author__participant",
                                                  "parent__author__participant"),
            pk=kwargs["pk"],
        )
        self.page = live_page(self.comment)
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items,
                {"url": reverse(self.index_url_name), "label": _("Participation")},
                {"url": "", "label": self.get_page_title()}]

    def answer_form(self, data=None):
        official = OfficialAnswer.objects.filter(comment=self.comment).first()
        initial = ({"text": official.text, "status": official.status, "led_to": official.led_to,
                    "language": official.language} if official
                   else {"language": self.comment.language})
        return AnswerForm(
            data, initial=initial, languages=settings.LANGUAGES,
            targets=self.page.participation_targets() if self.page else (),
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        comment = self.comment
        targets = {t.key: t for t in self.page.participation_targets()} if self.page else {}
        context.update(
            comment=comment,
            page=self.page,
            target=targets.get(comment.target),
            reports=comment.reports.select_related("reporter__participant").order_by(
                "-created_at"),
            decision_form=kwargs.get("decision_form") or DecisionForm(),
            answer_form=kwargs.get("answer_form") or self.answer_form(),
            block_form=kwargs.get("block_form") or BlockForm(),
            can_answer=rules.can_answer_officially(self.request.user),
            participant=getattr(comment.author, "participant", None),
            history_url=reverse(self.history_url_name, args=[comment.pk]),
        )
        return context

    def post(self, request, *args, **kwargs):
        action = request.POST.get("action")
        try:
            if action == "decide":
                form = DecisionForm(request.POST)
                if not form.is_valid():
                    return self.render_to_response(self.get_context_data(decision_form=form),
                                                   status=400)
                moderation.decide(request.user, self.comment, form.cleaned_data["decision"],
                                  form.cleaned_data["reason"], form.cleaned_data["note"])
                messages.success(request, _("The decision was saved and the author told."))
                return redirect(reverse(self.index_url_name))
            if action == "answer":
                form = self.answer_form(request.POST)
                if not form.is_valid():
                    return self.render_to_response(self.get_context_data(answer_form=form),
                                                   status=400)
                moderation.answer(request.user, self.comment, page=self.page,
                                  **form.cleaned_data)
                messages.success(request, _("The answer of the city is published."))
            elif action in ("block", "unblock"):
                participant = get_object_or_404(Participant, user=self.comment.author)
                form = BlockForm(request.POST)
                form.is_valid()
                moderation.set_blocked(request.user, participant, action == "block",
                                       form.cleaned_data.get("reason", ""))
                messages.success(request, _("Blocked.") if action == "block"
                                 else _("Unblocked."))
            else:
                return self.render_to_response(self.get_context_data(), status=400)
        except Refusal as refusal:
            messages.error(request, refusal.message)
            return self.render_to_response(self.get_context_data(), status=refusal.status)
        return redirect(request.path)
