"""Thin views: validate a form, call a service, redirect (POST/redirect/GET). Everything works
without JavaScript; with it, the same URLs answer JSON or an HTML fragment."""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpResponseRedirect, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from wagtail.models import Page

from . import moderation, rules, services
from .forms import CommentForm, DiscussionQueryForm, EditCommentForm, ReportForm
from .mixins import ParticipationMixin
from .models import CitizenComment, SortOrder
from .site_links import moderation_contact, rules_url
from .tasks import page_in_language
from .threads import counts_for, load_threads


def _readable_page(request, page_id: int):
    """The live page a discussion belongs to, if this reader may see the page itself."""
    page = get_object_or_404(Page.objects.live(), pk=page_id).specific
    if not isinstance(page, ParticipationMixin) or not page.participation_settings.hosted:
        raise Http404
    for restriction in page.get_view_restrictions():
        if not restriction.accept_request(request):
            raise Http404
    return page


def _comment_of(page, comment_id: int) -> CitizenComment:
    return get_object_or_404(
        CitizenComment.objects.select_related("discussion", "author__participant"),
        pk=comment_id, discussion__translation_key=page.translation_key,
    )


def refused(request, refusal: services.Refusal, page=None):
    response = render(request, "participation/refused.html",
                      {"message": refusal.message, "page": page, "discussion_page": page},
                      status=refusal.status)
    if refusal.retry_after:
        response["Retry-After"] = str(refusal.retry_after)
    return response


def wants_json(request) -> bool:
    return "application/json" in request.headers.get("Accept", "")


def comment_form_for(request, page, data=None, *, parent=None, target=""):
    participant = rules.participant_of(request.user)
    return CommentForm(
        data,
        targets=page.participation_targets(),
        needs_consent=not (participant and participant.has_consented),
        reply=parent is not None,
        initial={"target": target, "parent": parent.pk if parent else None},
    )


def discussion_context(request, page, *, form=None, target=None, parent=None, thread=None):
    query = DiscussionQueryForm(request.GET)
    sort = query.value("sort", SortOrder.NEWEST)
    threads = load_threads(page, sort=sort, number=query.value("page", 1), target=target,
                           thread=thread, user=request.user)
    targets = {t.key: t for t in page.participation_targets()}
    can_post = rules.can_post(request.user, page)
    if form is None and can_post:
        form = comment_form_for(request, page, parent=parent, target=target or "")
    return {
        "page": page,
        "discussion_page": page,
        "threads": threads,
        "counts": counts_for(page),
        "target": targets.get(target) if target else None,
        "target_key": target,
        "removed_target": bool(target) and target not in targets,
        "phase": page.participation_phase(),
        "settings": page.participation_settings,
        "can_post": can_post,
        "form": form,
        "parent": parent,
        "sort": sort,
        "sort_choices": SortOrder.choices,
        "single_thread": thread is not None,
    }


@require_GET
def discussion(request, page_id: int):
    """The whole discussion of a page, or of one of its goals or measures (``?about=``)."""
    page = _readable_page(request, page_id)
    if page.locale.language_code != get_language():
        translated = page.get_translations().live().filter(
            locale__language_code=get_language()).first()
        if translated:
            return HttpResponseRedirect(
                reverse("participation:discussion", args=[translated.pk])
                + (f"?{request.GET.urlencode()}" if request.GET else "")
            )
    query = DiscussionQueryForm(request.GET)
    context = discussion_context(request, page, target=query.value("about", "") or None,
                                 thread=query.value("thread", None))
    return render(request, "participation/discussion_page.html", context)


@require_GET
def more(request, page_id: int):
    """The next threads as an HTML fragment, for "show more" with JavaScript."""
    page = _readable_page(request, page_id)
    about = DiscussionQueryForm(request.GET).value("about", "") or None
    context = discussion_context(request, page, target=about)
    context["embedded"] = True
    return render(request, "participation/includes/thread_page.html", context)


@require_POST
def post(request, page_id: int):
    page = _readable_page(request, page_id)
    if not request.user.is_authenticated:
        return redirect_to_login(page.url)
    parent = None
    if parent_id := request.POST.get("parent", "").strip():
        if not parent_id.isdigit():
            raise Http404
        parent = _comment_of(page, int(parent_id))
    try:
        services.ensure_can_post(request.user, page)
    except services.Refusal as refusal:
        return refused(request, refusal, page)
    form = comment_form_for(request, page, request.POST, parent=parent)
    if not form.is_valid():
        context = discussion_context(request, page, form=form, parent=parent,
                                     target=request.POST.get("target") or None)
        return render(request, "participation/discussion_page.html", context, status=400)
    try:
        comment = services.post_comment(
            request, page, text=form.cleaned_data["text"],
            target=form.cleaned_data.get("target", ""), parent=parent,
            token=form.cleaned_data["token"], consent=form.cleaned_data.get("consent", False),
        )
    except services.Refusal as refusal:
        return refused(request, refusal, page)
    messages.success(request, _("Thank you! Your comment is published."))
    return HttpResponseRedirect(f"{page.url}#{comment.anchor}")


@never_cache
@require_GET
def reply(request, page_id: int, comment_id: int):
    """The reply form on a page of its own, for readers without JavaScript."""
    page = _readable_page(request, page_id)
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    parent = _comment_of(page, comment_id)
    if not rules.can_post(request.user, page):
        return refused(request, services.Refusal(403, _("You cannot reply here.")), page)
    context = discussion_context(request, page, parent=parent)
    context["form"] = comment_form_for(request, page, parent=parent)
    return render(request, "participation/reply_page.html", context)


@never_cache
@require_http_methods(["GET", "POST"])
def edit(request, page_id: int, comment_id: int):
    page = _readable_page(request, page_id)
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    comment = _comment_of(page, comment_id)
    if not rules.can_edit(request.user, comment):
        message = (_("A comment can be changed for 15 minutes after writing it.")
                   if rules.is_author(request.user, comment)
                   else _("Only its author can change a comment."))
        return refused(request, services.Refusal(403, message), page)
    form = EditCommentForm(request.POST or None, initial={"text": comment.text})
    if request.method == "POST" and form.is_valid():
        try:
            services.edit_comment(request.user, comment, form.cleaned_data["text"])
        except services.Refusal as refusal:
            return refused(request, refusal, page)
        messages.success(request, _("Your comment was changed."))
        return HttpResponseRedirect(f"{page.url}#{comment.anchor}")
    return render(request, "participation/edit_page.html",
                  {"page": page, "discussion_page": page, "comment": comment, "form": form},
                  status=400 if form.is_bound else 200)


@never_cache
@require_http_methods(["GET", "POST"])
def delete(request, page_id: int, comment_id: int):
    page = _readable_page(request, page_id)
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    comment = _comment_of(page, comment_id)
    if not rules.can_delete(request.user, comment):
        return refused(request, services.Refusal(403, _("Only its author can delete a comment.")),
                       page)
    if request.method == "POST":
        services.delete_comment(request.user, comment)
        messages.success(request, _("Your comment was deleted."))
        return HttpResponseRedirect(f"{page.url}#discussion")
    return render(request, "participation/delete_page.html",
                  {"page": page, "discussion_page": page, "comment": comment})


@require_POST
def support(request, page_id: int, comment_id: int):
    page = _readable_page(request, page_id)
    if not request.user.is_authenticated:
        return redirect_to_login(page.url)
    comment = _comment_of(page, comment_id)
    supported = request.POST.get("support") != "0"
    try:
        count = services.set_support(request, page, comment, supported)
    except services.Refusal as refusal:
        if wants_json(request):
            response = JsonResponse({"error": refusal.message}, status=refusal.status)
            if refusal.retry_after:
                response["Retry-After"] = str(refusal.retry_after)
            return response
        return refused(request, refusal, page)
    if wants_json(request):
        label = ngettext("%(counter)s supporter", "%(counter)s supporters", count) % {
            "counter": count
        }
        return JsonResponse({"supported": supported, "count": count, "label": label})
    return HttpResponseRedirect(f"{page.url}#{comment.anchor}")


@never_cache
@require_http_methods(["GET", "POST"])
def report(request, page_id: int, comment_id: int):
    page = _readable_page(request, page_id)
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    comment = _comment_of(page, comment_id)
    # A report sent again (double click, second tab) is answered as the first was, even when
    # the first hid the comment meanwhile: the service returns the stored report.
    repeated = request.method == "POST" and moderation.earlier_report(request.user, comment)
    try:
        services.ensure_can_post(request.user, page)
        if not repeated and not rules.can_report(request.user, comment):
            raise services.Refusal(403, _("You cannot report this comment."))
    except services.Refusal as refusal:
        return refused(request, refusal, page)
    form = ReportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            moderation.report_comment(request, page, comment, form.cleaned_data["reason"],
                                      form.cleaned_data["text"])
        except services.Refusal as refusal:
            return refused(request, refusal, page)
        messages.success(request, _("Thank you. The moderators will look at the comment."))
        return HttpResponseRedirect(f"{page.url}#{comment.anchor}")
    return render(request, "participation/report_page.html",
                  {"page": page, "discussion_page": page, "comment": comment, "form": form},
                  status=400 if form.is_bound else 200)


@never_cache
@require_GET
def decision(request, comment_id: int):
    """The statement of reasons for a moderator's decision, for the comment's author only."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    comment = get_object_or_404(CitizenComment.objects.select_related("discussion"),
                                pk=comment_id, author=request.user, moderated_at__isnull=False)
    return render(request, "participation/decision_page.html", {
        "comment": comment,
        "page": page_in_language(comment.discussion.translation_key, get_language()),
        "rules_url": rules_url(get_language()),
        "contact": moderation_contact(),
    })
