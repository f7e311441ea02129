from django import forms
from wagtail.admin.forms import WagtailAdminPageForm


class MirroredRelationsForm(WagtailAdminPageForm):
    """The editing form of a page with mirrored relations (``home.mirroring``).

    On the source page each relation offers the objects of the page's own language as
    checkboxes. A translation gets its relations from the source, so it has no field for them.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        names = [name for name in self.instance.mirrored_relations if name in self.fields]
        if not names:
            return
        if self.instance.pk and self.instance.mirror_source() is not None:
            for name in names:
                del self.fields[name]
            return
        locale_id = self.instance.locale_id or getattr(self.parent_page, "locale_id", None)
        for name in names:
            field = self.fields[name]
            field.widget = forms.CheckboxSelectMultiple()
            field.queryset = self.instance.relation_choices(
                name, field.queryset.filter(locale_id=locale_id)
            )
