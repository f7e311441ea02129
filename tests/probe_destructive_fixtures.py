"""Not collected by the suite: ``test_isolation.py`` runs this file in a child pytest whose
environment points at a developer's real data (dev settings, the checkout's ``media/``, Redis
database 0). Every step that deletes, flushes or overwrites something runs here; the parent then
checks that its sentinels outside the tests' own things survived."""

import pytest
from django.conf import settings
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from tests import isolation

pytestmark = pytest.mark.django_db


def test_runs_under_the_test_settings_whatever_the_shell_exports():
    assert settings.SETTINGS_MODULE == "smartcity.settings.test"
    assert isolation.settings_problems() == []


def test_uploads_go_to_the_tests_own_folder_which_is_then_removed():
    name = default_storage.save("original_images/probe.txt", ContentFile(b"probe"))
    stored = isolation.Path(default_storage.path(name))
    assert isolation.is_test_media(stored.parents[1])
    isolation.remove_test_media()  # what the browser tests do when they are done
    assert not stored.exists()


def test_the_local_cache_is_cleared():
    cache.set("probe", 1)
    cache.clear()  # what the autouse fixture does around every test
    assert cache.get("probe") is None


def test_the_redis_fixture_stays_in_the_reserved_database(redis_cache):
    redis_cache.set("probe", 1)
    assert redis_cache.get("probe") == 1
    redis_cache.clear()  # the worst a test could do: FLUSHDB, on the reserved database
    assert redis_cache.get("probe") is None
