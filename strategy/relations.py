"""What pages that relate to strategy chapters (news, events, ...) share."""

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
        """
        return (
            StrategyChapterPage.objects.live()
            .public()
            .filter(
                locale_id=self.locale_id,
                translation_key__in=self.related_chapters.values("translation_key"),
            )
            .order_by("chapter_number")
        )
