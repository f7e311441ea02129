from django.db import migrations

from news import editorial


def create_roles(apps, schema_editor):
    editorial.create_roles(apps)
    for index in apps.get_model("news", "NewsIndexPage").objects.all():
        editorial.attach_to_index(apps, index.pk)


class Migration(migrations.Migration):
    dependencies = [
        ("news", "0001_initial"),
        ("home", "0001_initial"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailsearchpromotions", "0008_query_verbose_name"),
    ]

    operations = [migrations.RunPython(create_roles, migrations.RunPython.noop)]
