"""What pages that relate to strategy chapters (news, events, ...) share."""

from django.db import models

from home.forms import MirroredRelationsForm
from home.mirroring import MirroredRelationsMixin

from .models import StrategyChapterPage


class RelatedChaptersMixin(MirroredRelationsMixin):
    """For Page models with ``related_chapters = ParentalManyToManyField(StrategyChapterPage)``.

    The chapters are chosen on the German page and mirrored onto its translations, clearing
    included (see ``home.mirroring``); the editing form offers the chapters of the page's own
    language. Declare ``SynchronizedField("related_chapters", overridable=False)`` so that
    wagtail-localize's editor shows the relation as synchronised.
    """

    mirrored_relations = ("related_chapters",)
    base_form_class = MirroredRelationsForm

    @classmethod
    def relation_choices(cls, name, queryset):
        return queryset.order_by("chapter_number", "title")

    def chapters(self):
        """The related chapters published in this page's language, by chapter number.

        Matched by translation key, so a chapter translated after the page was is found too.
        A page built from a revision (a preview, a page just published) holds its relations
        in memory, not as a query.
        """
        related = self.related_chapters.all()
        keys = (related.values("translation_key") if isinstance(related, models.QuerySet)
                else [chapter.translation_key for chapter in related])
        return (
            StrategyChapterPage.objects.live()
            .public()
            .filter(
                locale_id=self.locale_id,
                translation_key__in=keys,
            )
            .order_by("chapter_number")
        )
