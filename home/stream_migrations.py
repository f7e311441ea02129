"""StreamField data migrations shared by the apps' migration files."""

from django.utils.deconstruct import deconstructible
from wagtail.blocks.migrations.migrate_operation import MigrateStreamData
from wagtail.blocks.migrations.operations import BaseBlockOperation


@deconstructible
class ToCaptionedImageOperation(BaseBlockOperation):
    """The old ``home.blocks.ImageBlock`` value (``image`` id, ``alt_text``, ``caption``,
    ``credit``) → ``CaptionedImageBlock`` (Wagtail's ``ImageBlock`` with the alt text inside).

    An empty block alt text becomes the image's description, the text readers got until now.
    ``descriptions`` (image id → description) is filled by ``MigrateImageBlocks``.
    """

    def __init__(self):
        super().__init__()
        self.descriptions = {}

    def apply(self, block_value):
        image = block_value.get("image")
        if isinstance(image, dict):  # already in the new shape
            return block_value
        alt_text = block_value.get("alt_text") or self.descriptions.get(image, "")
        return {
            "image": {"image": image, "decorative": False, "alt_text": alt_text},
            "caption": block_value.get("caption", ""),
            "credit": block_value.get("credit", ""),
        }

    @property
    def operation_name_fragment(self):
        return "to_captioned_image"


class MigrateImageBlocks(MigrateStreamData):
    """``MigrateStreamData`` (page data and revisions) whose operations know the historical
    images' descriptions."""

    def migrate_stream_data_forward(self, apps, schema_editor):
        image_model = apps.get_model("home", "SiteImage")
        descriptions = dict(image_model.objects.values_list("pk", "description"))
        for operation, _block_path in self.operations_and_block_paths:
            operation.descriptions = descriptions
        super().migrate_stream_data_forward(apps, schema_editor)
