"""Surveys in the Wagtail admin: a snippet viewset (translated with wagtail-localize), a form
that refuses to remove questions or options that already have answers, deleting only surveys
without answers, and the staff exports of the responses (CSV streamed, XLSX on disk)."""

import csv
import tempfile

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.admin.widgets.button import Button
from wagtail.permission_policies.base import ModelPermissionPolicy
from wagtail.snippets.views.snippets import DeleteView, SnippetViewSet

from .. import questionnaire, rules
from ..models import OTHER, Survey, SurveyAnswer, SurveyResponse
from .export import neutralise


def _keys_in(stream) -> tuple[dict[str, str], dict[str, str]]:
    """Question ids -> question text, and option ids -> option text, of a StreamValue."""
    questions, options = {}, {}
    for block in stream:
        questions[block.id] = block.value.get("question") or ""
        if "options" in block.value:
            for item in block.value["options"].bound_blocks:
                options[item.id] = item.value
    return questions, options


class SurveyForm(WagtailAdminModelForm):
    def clean(self):
        cleaned = super().clean()
        stream = cleaned.get("questions")
        if stream is None or self.instance.pk is None:
            return cleaned
        answered = set(SurveyAnswer.objects.filter(survey_key=self.instance.translation_key)
                       .values_list("question_key", "option_key").distinct().order_by())
        if not answered:
            return cleaned
        old_questions, old_options = _keys_in(self.instance.questions)
        new_questions, new_options = _keys_in(stream)
        problems = []
        for question_key in sorted({q for q, _o in answered} - set(new_questions)):
            problems.append(_("The question “%(question)s” already has answers and cannot be "
                              "removed.") % {"question": old_questions.get(question_key, "")})
        for question_key, option_key in sorted(answered):
            if option_key and option_key != OTHER and question_key in new_questions and (
                    option_key not in new_options):
                problems.append(_("The option “%(option)s” of “%(question)s” already has "
                                  "answers and cannot be removed.") % {
                    "option": old_options.get(option_key, ""),
                    "question": new_questions[question_key]})
        if problems:
            problems.append(_("Change its wording instead, or add a new question or option."))
            self.add_error("questions", problems)
        return cleaned


def has_answers(survey) -> bool:
    return SurveyResponse.objects.filter(survey_key=survey.translation_key).exists()


class SurveyPermissionPolicy(ModelPermissionPolicy):
    """The model's permissions, except that a survey with answers is never deleted."""

    def user_has_permission_for_instance(self, user, action, instance):
        if action == "delete" and has_answers(instance):
            return False
        return super().user_has_permission_for_instance(user, action, instance)

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return any(self.user_has_permission_for_instance(user, action, instance)
                   for action in actions)


class SurveyDeleteView(DeleteView):
    def dispatch(self, request, *args, **kwargs):
        if has_answers(self.object):
            messages.error(request, _("This survey already has answers and cannot be deleted. "
                                      "Remove it from its pages instead."))
            return redirect(self.index_url_name)
        return super().dispatch(request, *args, **kwargs)


def response_count(survey):
    return survey.response_count


class SurveyViewSet(SnippetViewSet):
    model = Survey
    icon = "list-ul"
    menu_label = gettext_lazy("Surveys")
    menu_name = "participation_surveys"
    url_prefix = "participation/surveys"
    add_to_admin_menu = True
    menu_order = 251  # after the Participation menu
    edit_handler = ObjectList(Survey.panels, base_form_class=SurveyForm)
    delete_view_class = SurveyDeleteView
    list_display = ["title", Column("responses", label=gettext_lazy("Responses"),
                                    accessor=response_count)]

    def get_queryset(self, request):
        from django.db.models import Count, OuterRef, Subquery

        responses = (SurveyResponse.objects.filter(survey_key=OuterRef("translation_key"))
                     .values("survey_key").annotate(n=Count("id")).values("n"))
        return Survey.objects.annotate(response_count=Subquery(responses))


def export_buttons(snippet, user, next_url=None):
    if not isinstance(snippet, Survey) or not rules.can_see_survey_answers(user):
        return []
    from django.urls import reverse

    return [
        Button(_("Export responses (CSV)"), reverse("participation_survey_export",
                                                    args=[snippet.pk, "csv"]),
               icon_name="download", priority=90),
        Button(_("Export responses (XLSX)"), reverse("participation_survey_export",
                                                     args=[snippet.pk, "xlsx"]),
               icon_name="download", priority=91),
    ]


def _cell(question: questionnaire.Question, answers) -> str:
    if not answers:
        return ""
    if question.kind in questionnaire.TEXT_KINDS:
        return answers[0].text
    if question.kind == "scale":
        return str(answers[0].number)
    if question.kind == "ranking":
        ranked = sorted(answers, key=lambda a: a.rank or 0)
        return " > ".join(question.option_label(a.option_key) or a.option_key for a in ranked)
    labels = []
    for answer in answers:
        label = question.option_label(answer.option_key) or answer.option_key
        labels.append(f"{label}: {answer.text}" if answer.option_key == OTHER else label)
    return "; ".join(labels)


def export_rows(survey, questions):
    """The heading, then one row per response: one column per question."""
    yield [_("Response"), _("Language"), _("Answered"), _("Changed"), _("Anonymous"),
           *(question.label for question in questions)]
    responses = (SurveyResponse.objects.filter(survey_key=survey.translation_key)
                 .order_by("pk").prefetch_related("answers"))
    for response in responses.iterator(chunk_size=500):
        by_question = {}
        for answer in response.answers.all():
            by_question.setdefault(answer.question_key, []).append(answer)
        yield [response.pk, response.language, response.created_at.isoformat(),
               response.updated_at.isoformat(), _("yes") if response.anonymous else _("no"),
               *(_cell(question, by_question.get(question.key, [])) for question in questions)]


class Echo:
    def write(self, value):
        return value


def export(request, pk: int, fmt: str):
    if not rules.can_see_survey_answers(request.user):
        raise PermissionDenied
    survey = get_object_or_404(Survey, pk=pk)
    questions = questionnaire.questions_of(survey)
    filename = f"survey-{survey.translation_key.hex[:8]}-responses"
    language = translation.get_language()

    def rows():
        with translation.override(language):
            for row in export_rows(survey, questions):
                yield [neutralise(value) for value in row]

    if fmt == "csv":
        writer = csv.writer(Echo())
        response = StreamingHttpResponse((writer.writerow(row) for row in rows()),
                                         content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
        return response
    if fmt != "xlsx":
        raise Http404
    import openpyxl

    workbook = openpyxl.Workbook(write_only=True)
    sheet = workbook.create_sheet(title=_("Responses")[:31])
    for row in rows():
        sheet.append(row)
    output = tempfile.TemporaryFile()  # noqa: SIM115 (on disk; FileResponse closes it)
    workbook.save(output)
    output.seek(0)
    return FileResponse(
        output, as_attachment=True, filename=f"{filename}.xlsx",
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
