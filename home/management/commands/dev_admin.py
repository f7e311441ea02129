import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = "Development only: create the user 'admin' with a fresh password and print the login."

    def add_arguments(self, parser):
        parser.add_argument("--address", default="127.0.0.1:8000", help="where the site runs")

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("dev_admin only runs with DEBUG on (the dev settings).")
        password = secrets.token_urlsafe(12)
        user, created = get_user_model().objects.get_or_create(
            username="admin", defaults={"email": "admin@localhost"}
        )
        user.is_staff = user.is_superuser = user.is_active = True
        user.set_password(password)
        user.save()
        self.stdout.write(
            self.style.SUCCESS(
                f"\n  Admin login for this run: http://{options['address']}/admin/\n"
                f"  user: admin   password: {password}\n"
            )
        )
