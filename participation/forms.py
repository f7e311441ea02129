"""The forms of a discussion. Each declares exactly its fields: anything else in the POST
(``author``, ``status``, ``support_count`` …) is ignored."""

import uuid

from django import forms
from django.utils.translation import gettext_lazy as _

from .defences import fill_time_error, form_started_token
from .models import MAX_TEXT_LENGTH, ReportReason, SortOrder


class SpamDefenceMixin(forms.Form):
    """A honeypot that people never see and a signed time at which the form was shown."""

    website = forms.CharField(
        label=_("Leave this field empty"), required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )
    started = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial.setdefault("started", form_started_token())

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("website"):
            raise forms.ValidationError(_("Your comment could not be sent."), code="honeypot")
        if error := fill_time_error(cleaned.get("started", "")):
            raise forms.ValidationError(error, code="fill_time")
        return cleaned


class CommentForm(SpamDefenceMixin):
    text = forms.CharField(
        label=_("Your comment"), max_length=MAX_TEXT_LENGTH, strip=True,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Plain text, up to 5,000 characters. Web addresses become links."),
        error_messages={"required": _("Please write something.")},
    )
    target = forms.ChoiceField(label=_("Your comment is about"), required=False)
    parent = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=1,
                                max_value=2**62)
    token = forms.UUIDField(widget=forms.HiddenInput, required=False)
    consent = forms.BooleanField(
        label=_("I have read the privacy notice and agree that my comment is published with "
                "my public name."),
        required=False,
    )

    field_order = ["target", "text", "consent", "website", "parent", "token", "started"]

    def __init__(self, *args, targets=(), needs_consent=False, reply=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["target"].choices = [("", _("The whole page")),
                                         *((t.key, t.label) for t in targets)]
        if reply:
            del self.fields["target"]
            self.fields["text"].label = _("Your reply")
        if needs_consent:
            self.fields["consent"].required = True
            self.fields["consent"].error_messages["required"] = _(
                "Please agree to the privacy notice to take part."
            )
        else:
            del self.fields["consent"]
        if not self.is_bound:
            self.initial.setdefault("token", uuid.uuid4())


class EditCommentForm(forms.Form):
    text = forms.CharField(
        label=_("Your comment"), max_length=MAX_TEXT_LENGTH, strip=True,
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={"required": _("Please write something.")},
    )


class DiscussionQueryForm(forms.Form):
    """The GET parameters of a discussion: allow-listed, anything else falls back."""

    sort = forms.ChoiceField(choices=SortOrder.choices, required=False)
    page = forms.IntegerField(min_value=1, max_value=100_000, required=False)
    about = forms.CharField(max_length=64, required=False)
    thread = forms.IntegerField(min_value=1, max_value=2**62, required=False)

    def value(self, name, default):
        if self.is_valid() and self.cleaned_data.get(name):
            return self.cleaned_data[name]
        return default


class ReportForm(SpamDefenceMixin):
    reason = forms.ChoiceField(label=_("What is wrong with this comment?"),
                               choices=ReportReason.choices, widget=forms.RadioSelect)
    text = forms.CharField(
        label=_("Details"), required=False, max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Needed for “Something else”; optional otherwise. The author does not "
                    "learn who reported."),
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("reason") == ReportReason.OTHER and not cleaned.get("text", "").strip():
            self.add_error("text", _("Please say briefly what is wrong with this comment."))
        return cleaned
