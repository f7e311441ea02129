"""Put tasks back in the queue whose worker died while running them.

django-tasks-db marks a task RUNNING when a worker claims it; a worker killed mid-task (OOM,
deploy, power) leaves it RUNNING for ever. Run this every few minutes (see docs/deploy.md):
tasks running longer than ``--older-than`` seconds are made READY again and run by the next
free worker. Our tasks are written to run twice safely (a reply notifies once: ``notified_at``)."""

import datetime

from django.core.management.base import BaseCommand
from django.utils import timezone
from django_tasks_db.compat import TaskResultStatus
from django_tasks_db.models import DBTaskResult


class Command(BaseCommand):
    help = "Re-queue tasks left RUNNING by a worker that died."

    def add_arguments(self, parser):
        parser.add_argument("--older-than", type=int, default=600,
                            help="seconds a task may run before it counts as abandoned")

    def handle(self, *args, older_than, **options):
        cutoff = timezone.now() - datetime.timedelta(seconds=older_than)
        count = DBTaskResult.objects.filter(
            status=TaskResultStatus.RUNNING, started_at__lt=cutoff,
        ).update(status=TaskResultStatus.READY, started_at=None)
        self.stdout.write(f"re-queued {count} task(s)")
