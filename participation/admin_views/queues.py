"""The moderators' queues in the Wagtail admin: reported, awaiting approval, recently hidden,
and all comments (with filters and exports). Each is a Wagtail ``ModelViewSet`` whose edit view
is the moderation screen; nobody creates, edits or deletes a citizen's comment here."""

import datetime
import tempfile

import django_filters
from django.db.models import Count, Q
from django.http import FileResponse
from django.urls import path
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views.generic.models import IndexView
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet

from ..models import CitizenComment, CommentStatus, Discussion
from .export import EXPORT_FIELDS, EXPORT_HEADINGS, CommentRows
from .views import ModerateView


class CommentFilterSet(WagtailFilterSet):
    discussion = django_filters.ModelChoiceFilter(
        label=_("Page"), queryset=Discussion.objects.order_by("title"))
    target = django_filters.CharFilter(label=_("Goal or measure (id)"))
    language = django_filters.ChoiceFilter(label=_("Language"),
                                           choices=CitizenComment._meta.get_field(
                                               "language").choices)
    status = django_filters.ChoiceFilter(label=_("State"), choices=CommentStatus.choices)
    created_at = django_filters.DateFromToRangeFilter(label=_("Written"),
                                                      widget=DateRangePickerWidget)

    class Meta:
        model = CitizenComment
        fields = ["discussion", "target", "language", "status", "created_at"]


def excerpt(comment):
    if comment.is_deleted:
        return _("(deleted by its author)")
    return comment.text[:120] + ("…" if len(comment.text) > 120 else "")


excerpt.short_description = _("Comment")


def open_reports(comment):
    return comment.open_report_count


open_reports.short_description = _("Open reports")


class QueueIndexView(IndexView):
    queue = "all"
    rows = None

    def get_base_queryset(self):
        comments = (
            CitizenComment.objects.select_related("discussion", "author__participant")
            .with_support_count()
            .annotate(open_report_count=Count("reports", filter=Q(reports__outcome=""),
                                              distinct=True))
        )
        if self.queue == "reported":
            comments = comments.filter(Q(awaiting_decision=True, status=CommentStatus.HIDDEN)
                                       | Q(open_report_count__gt=0))
        elif self.queue == "pending":
            comments = comments.filter(status=CommentStatus.PENDING)
        elif self.queue == "hidden":
            since = timezone.now() - datetime.timedelta(days=30)
            comments = comments.filter(status=CommentStatus.HIDDEN).filter(
                Q(moderated_at__gte=since) | Q(awaiting_decision=True))
        return comments

    @property
    def columns(self):
        # The excerpt is the row's title: it links to the moderation screen (the edit view).
        first, *others = super().columns
        title = self._get_title_column_class(TitleColumn)(
            first.name, label=first.label, accessor=excerpt, get_url=self.get_edit_url)
        return [title, *others]

    def to_row_dict(self, item):
        self.rows = self.rows or CommentRows()
        return self.rows.row(item)

    def stream_csv(self, queryset):
        # Row by row from the database, so an export of every comment never sits in memory;
        # in the admin user's language, which is no longer active when the rows stream out.
        language = translation.get_language()
        rows = super().stream_csv(queryset.iterator(chunk_size=500))

        def in_language():
            with translation.override(language):
                yield from rows

        return in_language()

    def get_heading(self, queryset, field):
        if field in EXPORT_HEADINGS:
            return str(EXPORT_HEADINGS[field])
        return super().get_heading(queryset, field)

    def write_xlsx_response(self, queryset):
        output = tempfile.TemporaryFile()  # noqa: SIM115 (on disk; FileResponse closes it)
        self.write_xlsx(queryset.iterator(chunk_size=500), output)
        output.seek(0)
        return FileResponse(
            output, as_attachment=True, filename=f"{self.get_filename()}.xlsx",
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )


class CommentQueueViewSet(ModelViewSet):
    model = CitizenComment
    icon = "comment"
    queue = "all"
    index_view_class = QueueIndexView
    filterset_class = CommentFilterSet
    list_per_page = 50
    ordering = ["-created_at"]
    list_display = [
        Column("excerpt", label=_("Comment"), accessor=excerpt),
        Column("discussion", label=_("Page"), accessor="discussion"),
        "language",
        Column("status", label=_("State"), accessor="get_status_display"),
        Column("open_reports", label=_("Open reports"), accessor="open_report_count"),
        Column("author", label=_("Public name"), accessor="author_name"),
        DateColumn("created_at", label=_("Written")),
    ]
    list_export = EXPORT_FIELDS
    export_headings = EXPORT_HEADINGS
    export_filename = "citizen-comments"

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(queue=self.queue, **kwargs)

    @property
    def moderate_view(self):
        return ModerateView.as_view(index_url_name=self.get_url_name("index"),
                                    history_url_name=self.get_url_name("history"))

    def get_urlpatterns(self):
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("<int:pk>/", self.moderate_view, name="edit"),
            path("history/<int:pk>/", self.history_view, name="history"),
            path("history-results/<int:pk>/", self.history_results_view,
                 name="history_results"),
        ]


class ReportedQueue(CommentQueueViewSet):
    name = "participation_reported"
    queue = "reported"
    menu_label = _("Reported")
    icon = "warning"


class PendingQueue(CommentQueueViewSet):
    name = "participation_pending"
    queue = "pending"
    menu_label = _("Awaiting approval")
    icon = "time"


class HiddenQueue(CommentQueueViewSet):
    name = "participation_hidden"
    queue = "hidden"
    menu_label = _("Recently hidden")
    icon = "view"


class AllComments(CommentQueueViewSet):
    name = "participation_moderation"
    menu_label = _("All comments")
    menu_order = 300


class ParticipationGroup(ViewSetGroup):
    menu_label = _("Participation")
    menu_icon = "comment"
    menu_order = 250
    items = [ReportedQueue, PendingQueue, HiddenQueue, AllComments]
