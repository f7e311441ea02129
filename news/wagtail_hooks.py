"""The newsroom's snippets in the admin: topics and press contacts, with columns, search and
filters (registered as Wagtail viewsets, as bakerydemo does)."""

import django_filters
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from news.models import PressContact, Topic


def organisations(request=None):
    names = (
        PressContact.objects.exclude(organisation="")
        .order_by("organisation")
        .values_list("organisation", flat=True)
        .distinct()
    )
    return [(name, name) for name in names]


class PressContactFilterSet(WagtailFilterSet):
    organisation = django_filters.ChoiceFilter(label=_("organisation"), choices=organisations)
    has_email = django_filters.BooleanFilter(
        label=_("has an email address"), method="filter_has_email"
    )

    class Meta:
        model = PressContact
        fields = ["organisation"]

    def filter_has_email(self, queryset, name, value):
        if value is None:
            return queryset
        return queryset.exclude(email="") if value else queryset.filter(email="")


class PressContactViewSet(SnippetViewSet):
    model = PressContact
    icon = "user"
    list_display = ["name", "role", "organisation", "email", "phone"]
    list_per_page = 50
    search_fields = ["name", "role", "organisation", "email"]
    search_backend_name = None  # the database's own lookups: snippets are not in the index
    filterset_class = PressContactFilterSet
    ordering = ["name"]


class TopicViewSet(SnippetViewSet):
    model = Topic
    icon = "tag"
    list_display = ["name", Column("slug", label=_("Address key"), accessor="slug")]
    list_per_page = 50
    search_fields = ["name", "tag__name"]
    search_backend_name = None
    list_filter = ["tag"]
    ordering = ["name"]

    def get_queryset(self, request):
        return Topic.objects.select_related("tag")


class NewsroomViewSetGroup(SnippetViewSetGroup):
    items = (TopicViewSet, PressContactViewSet)
    menu_label = _("Topics and contacts")
    menu_icon = "tag"
    menu_order = 250


register_snippet(NewsroomViewSetGroup)
