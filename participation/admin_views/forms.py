from django import forms
from django.utils.translation import gettext_lazy as _

from ..models import AnswerStatus, HideReason
from ..moderation import APPROVE, HIDE, RESTORE


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"), widget=forms.RadioSelect,
        choices=[(APPROVE, _("Show the comment (approve, or keep after reports)")),
                 (HIDE, _("Hide the comment")),
                 (RESTORE, _("Show a hidden comment again"))],
    )
    reason = forms.ChoiceField(
        label=_("Rule of the netiquette"), required=False,
        choices=[("", "—"), *HideReason.choices],
        help_text=_("Needed to hide: the author is told which rule the comment breaks."),
    )
    note = forms.CharField(
        label=_("Note to the author"), required=False, max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Part of the statement of reasons the author receives."),
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("decision") == HIDE and not cleaned.get("reason"):
            self.add_error("reason", _("Please choose the rule of the netiquette the comment "
                                       "breaks."))
        return cleaned


class AnswerForm(forms.Form):
    text = forms.CharField(label=_("Answer of the city"), max_length=5000,
                           widget=forms.Textarea(attrs={"rows": 5}))
    language = forms.ChoiceField(label=_("Language of the answer"))
    status = forms.ChoiceField(label=_("Status"), choices=AnswerStatus.choices)
    led_to = forms.ChoiceField(label=_("Led to goal or measure"), required=False)

    def __init__(self, *args, targets=(), languages=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["led_to"].choices = [("", "—"), *((t.key, t.label) for t in targets)]
        self.fields["language"].choices = languages


class BlockForm(forms.Form):
    reason = forms.CharField(label=_("Reason (shown to the citizen)"), required=False,
                             max_length=2000, widget=forms.Textarea(attrs={"rows": 3}))
