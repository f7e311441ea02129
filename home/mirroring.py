"""Many-to-many relations that one translation group shares, mirrored from the source page.

wagtail-localize translates texts and copies other fields, but copies a many-to-many value only
when it is not empty: a relation cleared on the German page would stay on the English copy
forever. A page model that lists a relation in ``mirrored_relations`` instead gets it from its
source page (the page the translations are made from: German here) on every save and every
revision (so when the translation is created, synchronised or published), and the source passes
it on to its existing translations when it is published. Related objects are stored in the
page's own language where they are translated, else as the source's object, so that pages can
match them by ``translation_key`` once they are translated later.
"""

from wagtail.models import Locale, Page


def source_locale_id(page: Page) -> int:
    """The locale the page's translation group is translated from: the locale of its
    wagtail-localize source where there is one, else the site's default language."""
    from wagtail_localize.models import TranslationSource

    locale_id = (
        TranslationSource.objects.filter(object_id=page.translation_key)
        .order_by("created_at")
        .values_list("locale_id", flat=True)
        .first()
    )
    return locale_id or Locale.get_default().pk


def in_locale(objects, locale_id: int) -> list:
    """Each object replaced by its translation in ``locale_id`` where one exists (one query)."""
    objects = list(objects)
    foreign = [obj for obj in objects if obj.locale_id != locale_id]
    if not foreign:
        return objects
    model = type(foreign[0])
    translated = {
        obj.translation_key: obj
        for obj in model.objects.filter(
            translation_key__in=[obj.translation_key for obj in foreign], locale_id=locale_id
        )
    }
    return [translated.get(obj.translation_key, obj) for obj in objects]


class MirroredRelationsMixin:
    """For Page models: the relations named in ``mirrored_relations`` (many-to-many fields to
    translatable models, usually ``ParentalManyToManyField``) follow the source page."""

    mirrored_relations: tuple[str, ...] = ()

    def mirror_source(self) -> Page | None:
        """The page this one's mirrored relations come from; None when it is the source."""
        if self.locale_id is None:
            return None
        locale_id = source_locale_id(self)
        if locale_id == self.locale_id:
            return None
        return type(self).objects.filter(
            translation_key=self.translation_key, locale_id=locale_id
        ).first()

    @classmethod
    def relation_choices(cls, name: str, queryset):
        """The objects an editor may choose for ``name``; override to order them."""
        return queryset

    def mirror_relations(self, source: Page | None = None) -> None:
        """Set each mirrored relation (in memory) from the source, in this page's language."""
        if self.locale_id is None or not self.mirrored_relations:
            return
        source = source or self.mirror_source()
        for name in self.mirrored_relations:
            chosen = getattr(source or self, name).all()
            setattr(self, name, in_locale(chosen, self.locale_id))

    def save(self, *args, **kwargs):
        update_fields = kwargs.get("update_fields")
        if update_fields is None or set(update_fields) & set(self.mirrored_relations):
            self.mirror_relations()
        return super().save(*args, **kwargs)

    def save_revision(self, *args, **kwargs):
        self.mirror_relations()
        return super().save_revision(*args, **kwargs)

    def pass_relations_to_translations(self) -> None:
        """Write this source page's relations into each translation's database row."""
        if self.mirror_source() is not None:
            return
        translations = type(self).objects.filter(translation_key=self.translation_key).exclude(
            locale_id=self.locale_id
        )
        for translation in translations:
            translation.mirror_relations(source=self)
            for name in self.mirrored_relations:
                getattr(translation, name).commit()


def pass_on_published_relations(sender, instance, **kwargs) -> None:
    """``page_published`` receiver: a published source page updates its translations."""
    if isinstance(instance, MirroredRelationsMixin):
        instance.pass_relations_to_translations()
