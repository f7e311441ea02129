"""A survey's own pages: answering (GET/POST, works without JavaScript) and the results (HTML
and JSON, both behind the same visibility rule). The host page only links here, so it stays
cacheable and cookie-free."""

import secrets

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpResponseRedirect, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from . import questionnaire, rules, services
from .forms import SpamDefenceMixin
from .mixins import Phase
from .models import ResultsVisibility, SurveyResponse
from .survey_results import as_json, results_for
from .views import _readable_page, refused


class AnonymousDefenceForm(SpamDefenceMixin):
    """Honeypot and fill time for answers without an account."""


def _survey_of(request, page_id: int, survey_key):
    """The page, its survey in the reader's language, or a redirect to the page in it."""
    page = _readable_page(request, page_id)
    if survey_key not in page.participation_survey_keys:
        raise Http404
    if page.locale.language_code != get_language():
        translated = page.get_translations().live().filter(
            locale__language_code=get_language()).first()
        if translated:
            return page, None, HttpResponseRedirect(
                request.path.replace(f"/{page.pk}/", f"/{translated.pk}/", 1))
    surveys = {s.translation_key: s for s in page.participation_surveys_shown()}
    survey = surveys.get(survey_key)
    if survey is None:
        raise Http404
    return page, survey, None


def _items(questions, values, errors):
    return [{"question": q, "value": values.get(q.key, {} if q.kind != "scale" else ""),
             "error": errors.get(q.key, "")} for q in questions]


def _context(request, page, survey, questions, *, values=None, errors=None, defence=None):
    response = None
    if request.user.is_authenticated:
        response = (SurveyResponse.objects.filter(survey_key=survey.translation_key,
                                                  user=request.user)
                    .prefetch_related("answers").first())
    answered = response is not None or rules.has_answered(request, survey)
    if values is None and response is not None:
        values = questionnaire.values_of(questions, response.answers.all())
    phase = services.survey_phase(page, survey)
    try:
        services.ensure_can_answer(request, page, survey)
        can_answer = not (answered and not request.user.is_authenticated)
    except services.Refusal:
        can_answer = False
    source = survey.source()
    errors = errors or {}
    return {
        "page": page,
        "survey": survey,
        "source": source,
        "phase": phase,
        "opens_at": source.opens_at or page.participation_settings.opens_at,
        "closes_at": source.closes_at or page.participation_settings.closes_at,
        "items": _items(questions, values or {}, errors),
        "errors": [(item["question"], item["error"]) for item in
                   _items(questions, values or {}, errors) if item["error"]],
        "defence": defence if defence is not None else (
            AnonymousDefenceForm() if not request.user.is_authenticated else None),
        "response": response,
        "answered": answered,
        "can_answer": can_answer,
        "results_visible": rules.can_see_survey_results(request, page, survey),
        "after_closing": source.results_visibility == ResultsVisibility.AFTER_CLOSING,
    }


@never_cache
@require_http_methods(["GET", "POST"])
def survey(request, page_id: int, survey_key):
    page, survey, redirect = _survey_of(request, page_id, survey_key)
    if redirect:
        return redirect
    questions = questionnaire.questions_of(survey)
    if request.method == "GET":
        return render(request, "participation/survey_page.html",
                      _context(request, page, survey, questions))
    if not request.user.is_authenticated and not survey.source().allow_anonymous:
        return redirect_to_login(request.path)
    try:
        services.ensure_can_answer(request, page, survey)
    except services.Refusal as refusal:
        return refused(request, refusal, page)
    defence = None
    if not request.user.is_authenticated:
        defence = AnonymousDefenceForm(request.POST)
        if not defence.is_valid():
            sheet = questionnaire.read_sheet(questions, request.POST)
            context = _context(request, page, survey, questions, values=sheet.values,
                               errors=sheet.errors, defence=defence)
            return render(request, "participation/survey_page.html", context, status=400)
    sheet = questionnaire.read_sheet(questions, request.POST)
    if not sheet.is_valid:
        context = _context(request, page, survey, questions, values=sheet.values,
                           errors=sheet.errors, defence=defence)
        return render(request, "participation/survey_page.html", context, status=400)
    token = None
    if not request.user.is_authenticated:
        token = request.session.setdefault(rules.SURVEY_SESSION_KEY, secrets.token_hex(16))
    try:
        response = services.submit_response(request, page, survey, sheet.rows,
                                            session_token=token)
    except services.Refusal as refusal:
        return refused(request, refusal, page)
    messages.success(request, _("Thank you! Your answer was saved.")
                     if response.created_at == response.updated_at
                     else _("Your answer was changed."))
    if rules.can_see_survey_results(request, page, survey):
        return HttpResponseRedirect(reverse("participation:survey_results",
                                            args=[page.pk, survey.translation_key]))
    return HttpResponseRedirect(request.path)


def _results_refusal(page, survey) -> services.Refusal:
    phase = services.survey_phase(page, survey)
    if phase == Phase.UPCOMING:
        return services.Refusal(403, _("The survey has not opened yet."))
    if survey.source().results_visibility == ResultsVisibility.AFTER_CLOSING:
        return services.Refusal(403, _("The results are published when the survey closes."))
    return services.Refusal(403, _("The results are shown once you have answered the survey."))


@never_cache
@require_GET
def results(request, page_id: int, survey_key):
    page, survey, redirect = _survey_of(request, page_id, survey_key)
    if redirect:
        return redirect
    if not rules.can_see_survey_results(request, page, survey):
        return refused(request, _results_refusal(page, survey), page)
    staff = rules.can_see_survey_answers(request.user)
    questions = questionnaire.questions_of(survey)
    return render(request, "participation/survey_results.html", {
        "page": page,
        "survey": survey,
        "results": results_for(survey, questions, with_texts=staff),
        "staff": staff,
        "phase": services.survey_phase(page, survey),
    })


@never_cache
@require_GET
def results_json(request, page_id: int, survey_key):
    page, survey, redirect = _survey_of(request, page_id, survey_key)
    if redirect:
        return redirect
    if not rules.can_see_survey_results(request, page, survey):
        return JsonResponse({"error": _results_refusal(page, survey).message}, status=403)
    questions = questionnaire.questions_of(survey)
    return JsonResponse(as_json(survey, results_for(survey, questions)))

