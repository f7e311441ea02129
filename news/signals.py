from django.apps import apps

from news import editorial


def put_new_index_under_review(sender, instance, created, raw=False, **kwargs):
    """A new news index (German, or its English translation) gets the editorial roles."""
    if created and not raw:
        editorial.attach_to_index(apps, instance.pk)
