"""The translators' admin screens: what is left to translate, PO files out and in, and
sending a finished English page to the publishers."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Locale, Page
from wagtail_localize.models import Translation

from . import po, translation_status


def can_translate(user) -> bool:
    return user.has_perm("wagtail_localize.submit_translation")


class UploadForm(forms.Form):
    files = forms.FileField(label=gettext_lazy("PO file or ZIP archive of PO files"))


class TranslationsView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "editorial/translations.html"
    page_title = gettext_lazy("Translations into English")
    header_icon = "globe"

    def dispatch(self, request, *args, **kwargs):
        if not can_translate(request.user):
            raise PermissionDenied
        self.target = Locale.objects.get(language_code="en")
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["work"] = translation_status.work(self.target.language_code)
        context["upload_form"] = kwargs.get("upload_form") or UploadForm()
        return context

    def post(self, request, *args, **kwargs):
        if "download" in request.POST:
            archive, count = po.export_zip(self.target)
            response = HttpResponse(archive, content_type="application/zip")
            response["Content-Disposition"] = 'attachment; filename="translations-en.zip"'
            response["Cache-Control"] = "no-store"
            return response
        form = UploadForm(request.POST, request.FILES)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(upload_form=form), status=400)
        upload = form.cleaned_data["files"]
        try:
            files = po.read_files(upload.name, upload.read())
        except (ValueError, UnicodeDecodeError, po.zipfile.BadZipFile):
            form.add_error("files", _("This is neither a PO file nor a ZIP archive of them."))
            return self.render_to_response(self.get_context_data(upload_form=form), status=400)
        report = po.import_files(files, user=request.user)
        return self.render_to_response(self.get_context_data(report=report))


def submit_for_review(request, page_id):
    """Write what the translator saved in wagtail-localize's editor into a new draft of the
    translated page (the editor keeps it as string translations until then), and start the
    review workflow on that draft."""
    page = get_object_or_404(Page, pk=page_id).specific
    if request.method != "POST" or not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    translation = Translation.objects.filter(
        source__object_id=page.translation_key, target_locale=page.locale, enabled=True).first()
    if translation is not None and not page.workflow_in_progress:
        try:
            translation.save_target(user=request.user, publish=False)
        except ValidationError as error:
            messages.error(request, _("The translation cannot be saved yet: %(error)s")
                           % {"error": " ".join(error.messages)})
            return redirect(reverse("editorial_translations"))
        page.refresh_from_db()
    workflow = page.get_workflow()
    if workflow is None or page.workflow_in_progress or not page.has_unpublished_changes:
        messages.error(request, _("There is no new version of this page to send for review."))
    else:
        workflow.start(page, request.user)
        messages.success(request, _("“%(title)s” was sent to the publishers for review.")
                         % {"title": page.title})
    return redirect(reverse("editorial_translations"))
