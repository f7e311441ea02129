from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Locale, TranslatableMixin
from wagtail_localize.fields import SynchronizedField


class PressContact(TranslatableMixin, models.Model):
    """Who answers the press about a story; translated so the role reads right in English."""

    name = models.CharField(_("name"), max_length=200)
    role = models.CharField(_("role"), max_length=200, blank=True)
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    email = models.EmailField(_("email address"), blank=True)
    phone = models.CharField(_("telephone"), max_length=50, blank=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("role"),
        FieldPanel("organisation"),
        FieldPanel("email"),
        FieldPanel("phone"),
    ]
    override_translatable_fields = [
        SynchronizedField("phone"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("press contact")
        verbose_name_plural = _("press contacts")

    def __str__(self):
        return f"{self.name} ({self.organisation})" if self.organisation else self.name


class Topic(TranslatableMixin, models.Model):
    """The label of a news topic in one language.

    Topics are tags, shared by the German and English copy of a story (wagtail-localize
    synchronises them), so ``?topic=<slug>`` means the same in both languages. A Topic gives
    the tag a translated label; without one the tag's own name is shown.
    """

    tag = models.ForeignKey(
        "taggit.Tag", verbose_name=_("tag"), on_delete=models.CASCADE, related_name="+"
    )
    name = models.CharField(_("label"), max_length=100)

    panels = [FieldPanel("tag"), FieldPanel("name")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("topic")
        verbose_name_plural = _("topics")
        constraints = [
            models.UniqueConstraint(
                fields=["tag", "locale"], name="news_topic_one_label_per_locale"
            )
        ]

    def __str__(self):
        return self.name

    @property
    def slug(self) -> str:
        """What ``?topic=`` and the topic feeds use, in every language."""
        return self.tag.slug

    @staticmethod
    def labels(tags, locale: Locale) -> dict[int, str]:
        """Tag id → label in ``locale`` (one query), falling back to the tag's name."""
        tags = list(tags)
        translated = dict(
            Topic.objects.filter(locale=locale, tag__in=tags).values_list("tag_id", "name")
        )
        return {tag.pk: translated.get(tag.pk, tag.name) for tag in tags}
