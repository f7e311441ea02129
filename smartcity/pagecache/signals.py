"""What purges the page cache. Every purge waits for the transaction to commit."""

from django.db.models.signals import post_delete, post_save
from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
from wagtail.documents.models import AbstractDocument
from wagtail.images.models import AbstractImage
from wagtail.models import Locale, Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move, published, unpublished
from wagtail.snippets.models import get_snippet_models

from participation.signals import discussion_changed, survey_changed

from . import purge_content, purge_group

# Shown on pages other than their own: any change purges every page. (An editor's pick shows
# on the search page for its query; the search statistics it counts change nothing shown.)
SHOWN_EVERYWHERE = (Site, Locale, PageViewRestriction, AbstractImage, AbstractDocument,
                    BaseSiteSetting, BaseGenericSetting, SearchPromotion)


def _shown(instance) -> bool:
    return isinstance(instance, SHOWN_EVERYWHERE) or type(instance) in get_snippet_models()


# What saving a draft revision writes to a live page: nothing a reader sees.
DRAFT_BOOKKEEPING = {"wagtail_admin_comments", "latest_revision_created_at", "draft_title",
                     "latest_revision", "has_unpublished_changes"}


def on_save(sender, instance, created=False, update_fields=None, **kwargs):
    # A live page saved without a revision (scripts, mirrored relations) changes what is shown;
    # a draft of a page that is not live does not. A setting is created empty on first read
    # (``for_site``): that shows nothing new; the editor's save that follows purges.
    if created and isinstance(instance, BaseSiteSetting | BaseGenericSetting):
        return
    if isinstance(instance, Page):
        if instance.live and not (update_fields and set(update_fields) <= DRAFT_BOOKKEEPING):
            purge_content()
    elif _shown(instance):
        purge_content()


def on_delete(sender, instance, **kwargs):
    if isinstance(instance, Page) or _shown(instance):
        purge_content()


def on_publication(sender, **kwargs):
    purge_content()


def on_discussion_changed(sender, translation_key=None, **kwargs):
    if translation_key:
        purge_group(translation_key)


def connect() -> None:
    post_save.connect(on_save, dispatch_uid="pagecache.save")
    post_delete.connect(on_delete, dispatch_uid="pagecache.delete")
    for signal in (page_published, page_unpublished, post_page_move, published, unpublished):
        signal.connect(on_publication, dispatch_uid=f"pagecache.{id(signal)}")
    discussion_changed.connect(on_discussion_changed, dispatch_uid="pagecache.discussion")
    # What a chapter shows of its surveys (and anything that later shows results) follows too.
    survey_changed.connect(on_discussion_changed, dispatch_uid="pagecache.survey")
