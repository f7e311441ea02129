from django.apps import apps

from . import roles


def page_created(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        roles.attach(apps, instance)
