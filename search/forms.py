from urllib.parse import urlencode

from django import forms
from django.utils.translation import gettext_lazy as _

from .types import result_types

MAX_QUERY_LENGTH = 200


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Search term"), required=False)
    type = forms.ChoiceField(label=_("Show"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.types = {t.key: t for t in result_types()}
        self.fields["type"].choices = [
            ("", _("all types")),
            *((key, t.label) for key, t in self.types.items()),
        ]

    def clean_q(self):
        """Whitespace collapsed and cut to MAX_QUERY_LENGTH: a longer query is cut, not refused."""
        return " ".join(self.cleaned_data["q"].split())[:MAX_QUERY_LENGTH].strip()

    def clean_type(self):
        key = self.cleaned_data["type"]
        return self.types.get(key)

    def query_string(self) -> str:
        """The cleaned parameters, urlencoded, for links to other result pages."""
        params = {"q": self.cleaned_data["q"]}
        if self.cleaned_data["type"]:
            params["type"] = self.cleaned_data["type"].key
        return urlencode(params)
