from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OperationsConfig(AppConfig):
    """Commands for running the site: the task worker's recovery."""

    name = "smartcity.operations"
    label = "operations"
    verbose_name = _("Operations")
