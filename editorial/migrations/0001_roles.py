from django.db import migrations

from editorial import roles


def apply_roles(apps, schema_editor):
    roles.apply(apps)


class Migration(migrations.Migration):
    """The five staff roles with exactly the permissions of ``editorial/roles.py``; the groups
    made earlier by the news app (Redaktion, Freigabe) keep their members, Wagtail's default
    groups (Editors, Moderators) hand theirs over and go."""

    dependencies = [
        ("home", "0003_netiquette_page"),
        ("news", "0003_image_blocks_and_alt_text"),
        ("events", "0002_image_blocks"),
        ("strategy", "0004_participation_settings"),
        ("participation", "0001_initial"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailimages", "0027_image_description"),
        ("wagtailsearchpromotions", "0008_query_verbose_name"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
        ("wagtailusers", "0002_add_verbose_name_on_userprofile"),
    ]

    operations = [migrations.RunPython(apply_roles, migrations.RunPython.noop)]
