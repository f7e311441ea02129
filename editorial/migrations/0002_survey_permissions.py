from django.db import migrations

from editorial import roles


def apply_roles(apps, schema_editor):
    roles.apply(apps)


class Migration(migrations.Migration):
    """The roles table again, now with the surveys: strategy editors create, edit and (without
    answers) delete surveys and evaluate their answers; translators translate them."""

    dependencies = [
        ("editorial", "0001_roles"),
        ("participation", "0002_surveys"),
        ("strategy", "0005_participation_surveys"),
    ]

    operations = [migrations.RunPython(apply_roles, migrations.RunPython.noop)]
