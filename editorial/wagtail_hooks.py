from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.models import Page

from . import translation_status, views


@hooks.register("register_admin_urls")
def register_translation_urls():
    return [
        path("translations/", views.TranslationsView.as_view(), name="editorial_translations"),
        path("translations/review/<int:page_id>/", views.submit_for_review,
             name="editorial_submit_for_review"),
    ]


class TranslationsMenuItem(MenuItem):
    def is_shown(self, request):
        return views.can_translate(request.user)


@hooks.register("register_admin_menu_item")
def register_translations_menu_item():
    return TranslationsMenuItem(_("Translations"), reverse("editorial_translations"),
                                icon_name="globe", order=260)


class TranslatorPanel(Component):
    """The translators' dashboard: what is missing, out of date and in progress."""

    name = "editorial_translations"
    order = 40
    template_name = "editorial/dashboard_panel.html"

    def get_context_data(self, parent_context):
        return {"work": translation_status.work("en")}


@hooks.register("construct_homepage_panels")
def add_translator_panel(request, panels):
    if views.can_translate(request.user):
        panels.append(TranslatorPanel())


@hooks.register("after_move_page")
def move_translations_along(request, page):
    """A German page moved in the tree takes its translations along, under the translations
    of its new parent."""
    if page.locale.language_code != translation_status.source_language():
        return
    parent = page.get_parent()
    for translation in Page.objects.filter(translation_key=page.translation_key).exclude(
            locale=page.locale):
        target_parent = parent.get_translation_or_none(translation.locale)
        if target_parent and translation.get_parent().pk != target_parent.pk:
            translation.move(target_parent, pos="last-child")


@hooks.register("after_delete_page")
def delete_translations_along(request, page):
    """Deleting a German page deletes its translations, which would otherwise linger."""
    if page.locale.language_code != translation_status.source_language():
        return
    for translation in Page.objects.filter(translation_key=page.translation_key):
        translation.delete()
