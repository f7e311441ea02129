from urllib.parse import urlencode

from django import forms
from django.utils.translation import gettext_lazy as _

from events.choices import EventFormat


class EventFilterForm(forms.Form):
    """The filters of the events index, read from the query string (``?format=&chapter=``).

    A chapter is given by its slug (what the form sends) or its id; only the chapters of the
    page's language are known.
    """

    format = forms.ChoiceField(
        label=_("Format"),
        required=False,
        error_messages={"invalid_choice": _("There is no format “%(value)s”.")},
    )
    chapter = forms.CharField(label=_("Field of action"), required=False, widget=forms.Select)

    def __init__(self, data, chapters):
        super().__init__(data)
        self.chapters = list(chapters)
        self.fields["format"].choices = [("", _("All formats")), *EventFormat.choices]
        self.fields["chapter"].widget.choices = [
            ("", _("All fields of action")),
            *((chapter.slug, chapter.title) for chapter in self.chapters),
        ]

    def clean_chapter(self):
        value = self.cleaned_data["chapter"].strip()
        if not value:
            return None
        for chapter in self.chapters:
            if value in (chapter.slug, str(chapter.pk)):
                return chapter
        raise forms.ValidationError(
            _("There is no field of action “%(value)s”."), params={"value": value}
        )

    def apply(self, occurrences):
        if self.cleaned_data["format"]:
            occurrences = occurrences.of_format(self.cleaned_data["format"])
        if self.cleaned_data["chapter"]:
            occurrences = occurrences.for_chapter(self.cleaned_data["chapter"])
        return occurrences

    def query_string(self) -> str:
        """The valid filters as a query string, for pagination and the month links."""
        if not self.is_valid():
            return ""
        params = {"format": self.cleaned_data["format"]}
        if self.cleaned_data["chapter"]:
            params["chapter"] = self.cleaned_data["chapter"].slug
        return urlencode({key: value for key, value in params.items() if value})

    @property
    def is_filtered(self) -> bool:
        return bool(self.query_string())
