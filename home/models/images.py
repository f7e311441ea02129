from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.images.models import AbstractImage, AbstractRendition, Image


class SiteImage(AbstractImage):
    """An image that always carries alternative text (Wagtail's ``description``) and, where
    needed, a photo credit."""

    description = models.CharField(
        _("alternative text"),
        max_length=255,
        help_text=_(
            "Describe what the image shows for people who cannot see it. Pages and blocks "
            "that show the image start with this text and translate it."
        ),
    )
    credit = models.CharField(
        _("credit"),
        max_length=255,
        blank=True,
        help_text=_("Photographer or source, for example “Foto: Stadt Jena / T. Peißker”."),
    )

    admin_form_fields = (*Image.admin_form_fields, "credit")

    class Meta(AbstractImage.Meta):
        verbose_name = _("image")
        verbose_name_plural = _("images")
        permissions = [("choose_image", "Can choose image")]


class SiteRendition(AbstractRendition):
    image = models.ForeignKey(SiteImage, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)


class ImageAltTextMixin:
    """For models that show an image with their own, translatable copy of its alternative text
    (``image_alt_text_fields`` maps the image field to the text field).

    The copy follows the image: it starts as the image's description, and when the image is
    replaced by another one while the text stays as it was, it becomes the new image's
    description, so a page never describes the picture it showed before (Wagtail's ImageBlock
    does the same in the editor).
    """

    image_alt_text_fields: dict[str, str] = {}

    def clean(self):
        super().clean()
        previous = self._previous_image_state()
        for image_field, alt_field in self.image_alt_text_fields.items():
            image = getattr(self, image_field)
            alt_text = getattr(self, alt_field)
            if image is None:
                setattr(self, alt_field, "")
                continue
            before = previous.get(image_field)
            swapped = before is not None and before != image.pk
            if not alt_text or (swapped and alt_text == previous.get(alt_field)):
                setattr(self, alt_field, image.description)

    def _previous_image_state(self) -> dict:
        """The image ids and alt texts this object had before: its latest revision, else its
        database row (empty for a new object)."""
        fields = [*self.image_alt_text_fields, *self.image_alt_text_fields.values()]
        revision = getattr(self, "latest_revision", None) if self.pk else None
        if revision is not None:
            return {name: revision.content.get(name) for name in fields}
        if not self.pk:
            return {}
        row = (
            type(self).objects.filter(pk=self.pk)
            .values(*(f"{name}_id" for name in self.image_alt_text_fields),
                    *self.image_alt_text_fields.values())
            .first()
        ) or {}
        return {name.removesuffix("_id"): value for name, value in row.items()}
