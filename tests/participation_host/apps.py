from django.apps import AppConfig


class ParticipationHostConfig(AppConfig):
    """A page type that knows nothing of this project's apps: it proves the participation
    add-on needs only the mixin and its template tags. Installed by the test settings only."""

    name = "tests.participation_host"
    label = "participation_host"
    default_auto_field = "django.db.models.BigAutoField"
