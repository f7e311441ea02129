from urllib.parse import urlencode

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.models import Revision

from events.choices import EventFormat


class EventFilterForm(forms.Form):
    """The filters of the events index, read from the query string (``?format=&chapter=``).

    A chapter is given by its key (``StrategyChapterPage.key``: what the form sends, the same
    in every language and kept when the chapter is renamed). Older links name it by its slug,
    a slug it had before, or its id: those are understood too, and ``is_outdated`` tells the
    view to redirect to the key. Only the chapters of the page's language are known.
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
            *((chapter.key, chapter.title) for chapter in self.chapters),
        ]
        self.is_outdated = False

    def clean_chapter(self):
        value = self.cleaned_data["chapter"].strip()
        if not value:
            return None
        chapter = next((c for c in self.chapters if c.key == value.lower()), None)
        if chapter is None:
            chapter = next(
                (c for c in self.chapters if value in (c.slug, str(c.pk))), None
            ) or self._chapter_formerly_called(value)
            self.is_outdated = chapter is not None
        if chapter is None:
            raise forms.ValidationError(
                _("There is no field of action “%(value)s”."), params={"value": value}
            )
        return chapter

    def _chapter_formerly_called(self, slug: str):
        """The chapter that had ``slug`` in one of its revisions (it was renamed since)."""
        by_id = {str(chapter.pk): chapter for chapter in self.chapters}
        if not by_id:
            return None
        revision = (
            Revision.page_revisions.filter(object_id__in=by_id, content__slug=slug)
            .order_by("-created_at")
            .first()
        )
        return by_id[revision.object_id] if revision else None

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
            params["chapter"] = self.cleaned_data["chapter"].key
        return urlencode({key: value for key, value in params.items() if value})

    @property
    def is_filtered(self) -> bool:
        return bool(self.query_string())
