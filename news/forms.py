from django import forms
from django.utils.translation import gettext_lazy as _
from taggit.models import Tag


class NewsFilterForm(forms.Form):
    """The news listing's query string (``?topic=<tag slug>``), also used for the topic feeds'
    path. Anything that is no topic's slug is refused before it reaches the database."""

    topic = forms.SlugField(
        allow_unicode=True,  # taggit makes "bürger" of "Bürger"
        max_length=100,
        required=False,
        error_messages={"invalid": _("There is no such topic.")},
    )

    def clean_topic(self) -> Tag | None:
        slug = self.cleaned_data["topic"]
        if not slug:
            return None
        tag = Tag.objects.filter(slug=slug).first()
        if tag is None:
            raise forms.ValidationError(_("There is no such topic."))
        return tag
