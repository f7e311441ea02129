from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "home"
    label = "home"
    verbose_name = _("Site and pages")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from wagtail.signals import page_published

        from home.mirroring import pass_on_published_relations

        page_published.connect(pass_on_published_relations, dispatch_uid="home_mirrored_relations")
