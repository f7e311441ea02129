from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EditorialConfig(AppConfig):
    """Staff roles, the review workflow and the translators' tools, for the whole site."""

    name = "editorial"
    label = "editorial"
    verbose_name = _("Editorial roles and translation")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.apps import apps
        from django.db.models.signals import post_save

        from . import roles, signals

        for label in roles.anchored_page_types():
            post_save.connect(signals.page_created, sender=apps.get_model(label),
                              dispatch_uid=f"editorial_roles_{label}")
