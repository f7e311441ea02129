from django.urls import path
from django.utils.translation import gettext_lazy as _

from . import accounts, survey_views, views

app_name = "participation"

urlpatterns = [
    path(_("account/"), accounts.account_settings, name="account"),
    path(_("account/data/"), accounts.data_download, name="data"),
    path(_("account/delete/"), accounts.delete_account_view, name="delete_account"),
    path(_("discussion/<int:page_id>/"), views.discussion, name="discussion"),
    path(_("discussion/<int:page_id>/more/"), views.more, name="more"),
    path(_("discussion/<int:page_id>/comment/"), views.post, name="post"),
    path(_("discussion/<int:page_id>/reply/<int:comment_id>/"), views.reply, name="reply"),
    path(_("discussion/<int:page_id>/edit/<int:comment_id>/"), views.edit, name="edit"),
    path(_("discussion/<int:page_id>/delete/<int:comment_id>/"), views.delete, name="delete"),
    path(_("discussion/<int:page_id>/support/<int:comment_id>/"), views.support,
         name="support"),
    path(_("discussion/<int:page_id>/report/<int:comment_id>/"), views.report, name="report"),
    path(_("decision/<int:comment_id>/"), views.decision, name="decision"),
    path(_("survey/<int:page_id>/<uuid:survey_key>/"), survey_views.survey, name="survey"),
    path(_("survey/<int:page_id>/<uuid:survey_key>/results/"), survey_views.results,
         name="survey_results"),
    path(_("survey/<int:page_id>/<uuid:survey_key>/results.json"), survey_views.results_json,
         name="survey_results_json"),
]
