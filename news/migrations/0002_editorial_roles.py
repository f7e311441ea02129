from django.db import migrations


class Migration(migrations.Migration):
    """Once made the news groups; the site's roles now live in one place, the editorial app
    (``editorial/roles.py`` and its migrations), which keeps these groups and their members."""

    dependencies = [
        ("news", "0001_initial"),
        ("home", "0001_initial"),
    ]

    operations = []
