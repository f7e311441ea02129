"""A real task worker (`manage.py db_worker`, django-tasks-db on PostgreSQL) delivers a reply
notification; a worker killed in the middle of the task loses nothing and sends once."""

import time

import pytest
from django.db import transaction
from django_tasks_db.compat import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from participation.models import CitizenComment
from participation.tasks import notify_reply
from tests.factories.home import HomePageFactory
from tests.factories.participation import citizen, comment, debate
from tests.processes.conftest import manage

pytestmark = pytest.mark.django_db(transaction=True)
WORKER = ("db_worker", "--no-startup-delay", "--interval", "0.2", "--max-tasks", "1")


@pytest.fixture
def reply(settings):
    from wagtail.models import Locale, Page, Site

    root = Page.get_first_root_node()
    home = HomePageFactory(parent=root, title="Start", slug="start",
                           locale=Locale.objects.get(language_code="de"))
    Site.objects.update_or_create(is_default_site=True, defaults={
        "hostname": "localhost", "port": 80, "root_page": home})
    page = debate(home, title="Digitale Verwaltung", slug="verwaltung")
    anna, ben = citizen("Anna"), citizen("Ben")
    question = comment(page, anna, "Gibt es Termine am Samstag?")
    answer = comment(page, ben, "Ja, samstags von 9 bis 12 Uhr.", parent=question)
    # Only now the queue: the setup's search-index updates ran at once.
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    return answer, anna


def notify_task() -> DBTaskResult:
    return DBTaskResult.objects.get(task_path="participation.tasks.notify_reply")


def mails(folder) -> list[str]:
    return [path.read_text() for path in sorted(folder.glob("*.log"))]


def test_a_worker_process_delivers_the_reply_notification(reply, tmp_path):
    answer, anna = reply
    notify_reply.enqueue(answer.pk)
    result = manage(*WORKER, mail_dir=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    [message] = mails(tmp_path)
    assert f"To: {anna.email}" in message and "Ben" in message
    assert CitizenComment.objects.get(pk=answer.pk).notified_at is not None
    assert notify_task().status == TaskResultStatus.SUCCESSFUL


def test_a_worker_killed_mid_task_loses_nothing_and_the_rerun_sends_once(reply, tmp_path):
    answer, _ = reply
    notify_reply.enqueue(answer.pk)
    with transaction.atomic():
        # The task locks the reply first: holding that lock stops the worker inside the task.
        CitizenComment.objects.select_for_update().get(pk=answer.pk)
        worker = manage(*WORKER, mail_dir=tmp_path, wait=False)
        deadline = time.monotonic() + 30
        while notify_task().status != TaskResultStatus.RUNNING:
            assert time.monotonic() < deadline and worker.poll() is None, worker.stdout.read()
            time.sleep(0.1)
        worker.kill()
        worker.wait(10)
    assert mails(tmp_path) == [] and notify_task().status == TaskResultStatus.RUNNING
    requeued = manage("requeue_stale_tasks", "--older-than", "0", mail_dir=tmp_path)
    assert "re-queued 1 task(s)" in requeued.stdout, requeued.stderr
    assert manage(*WORKER, mail_dir=tmp_path).returncode == 0
    assert len(mails(tmp_path)) == 1
    # Run once more (as if the worker died after sending): still one e-mail.
    DBTaskResult.objects.filter(pk=notify_task().pk).update(status=TaskResultStatus.READY)
    assert manage(*WORKER, mail_dir=tmp_path).returncode == 0
    assert len(mails(tmp_path)) == 1
