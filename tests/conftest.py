import uuid
from dataclasses import dataclass

import pytest
from django.apps import apps
from django.core.cache import cache, caches
from django.db.models.signals import post_migrate
from wagtail.models import Locale, Page, Site

from tests import isolation
from tests.factories.home import HomePageFactory, translate


def pytest_configure(config):
    problems = isolation.settings_problems()
    if isolation.in_ci():
        problems += isolation.ci_problems(config)
    if problems:
        pytest.exit("The suite refuses to run:\n  - " + "\n  - ".join(problems), returncode=4)


def pytest_collection_modifyitems(config, items):
    """For two processes (``make test``: ``-n 2 --dist loadgroup``): a test file stays in one
    process (its module fixtures are built once), and the browser tests stay together and go
    first, since they share one demo site per process, which would otherwise be built again
    each time the process came back to them. Order is safe: every flush puts back the
    migrations' rows (``_restore_migration_rows``)."""
    browser = [item for item in items if item.nodeid.startswith("tests/browser/")]
    others = [item for item in items if not item.nodeid.startswith("tests/browser/")]
    for item in browser:
        item.add_marker(pytest.mark.xdist_group("browser"))
    for item in others:
        item.add_marker(pytest.mark.xdist_group(item.nodeid.split("::")[0]))
    items[:] = browser + others


def pytest_unconfigure(config):
    if not isolation.settings_problems():  # a refused run created nothing to remove
        isolation.remove_test_media()


def _restore_migration_rows(sender, **kwargs):
    """A flush (after a transactional test, after the browser tests' demo site) deletes what
    the data migrations wrote: locales, root page and collection, the staff roles and the review
    workflow. In one process pytest-django runs transactional tests last; in two (xdist) ordinary
    tests may follow in the same process, so the rows are put back after every flush (Django
    sends post_migrate at its end, once per app; the last app's is the end)."""
    last_app = [config for config in apps.get_app_configs() if config.models_module][-1]
    if sender is not last_app or Locale.objects.exists():
        return  # not the end of the signal, or nothing was deleted (a test database's migrate)
    from editorial import roles

    wagtail_base()
    roles.apply(apps)


post_migrate.connect(_restore_migration_rows, dispatch_uid="tests-restore-migration-rows")


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with an empty cache: rolled-back rows reuse primary keys, and cached
    renditions or site root paths of an earlier test would otherwise leak into the next.
    The test settings make this cache local memory, so clearing it touches nothing shared."""
    assert isolation.settings_problems() == []
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def redis_cache(settings):
    """The default cache on the real Redis, in the tests' reserved database, under a key prefix
    of this test's own; its keys are deleted afterwards. Skipped when Redis does not answer,
    except in CI, where that fails the run."""
    if problem := isolation.redis_problem():
        if isolation.in_ci():
            pytest.fail(problem)
        pytest.skip(problem)
    prefix = f"smartcity-test-{uuid.uuid4().hex}"
    settings.CACHES = {
        "default": {
            "BACKEND": "smartcity.cache.RedisCache",
            "LOCATION": settings.TEST_REDIS_URL,
            "KEY_PREFIX": prefix,
        }
    }
    try:
        yield caches["default"]
    finally:
        isolation.delete_test_keys(prefix)


@dataclass
class SiteTree:
    home_de: Page
    home_en: Page
    de: Locale
    en: Locale


def wagtail_base() -> None:
    """The rows Wagtail's migrations create and a flush deletes: locales, root page, collection.
    Transactional tests end with a flush; whatever runs after them starts from here."""
    from wagtail.models import Collection

    german = Locale.objects.get_or_create(language_code="de")[0]
    Locale.objects.get_or_create(language_code="en")
    if not Page.objects.filter(depth=1).exists():
        Page.add_root(instance=Page(title="Root", slug="root", locale=german))
    if not Collection.objects.filter(depth=1).exists():
        Collection.add_root(name="Root")


@pytest.fixture(scope="module")
def demo_loaded(django_db_setup, django_db_blocker):
    """``load_demo`` once for the module's tests that ask for it, outside their transactions
    (so each test's own changes still roll back), removed by a flush after the module. Tests of
    the same file that need a database without the demo must come before the first that asks."""
    from io import StringIO

    from django.core.management import call_command

    with django_db_blocker.unblock():
        wagtail_base()
        call_command("load_demo", stdout=StringIO())
    yield
    with django_db_blocker.unblock():
        call_command("flush", interactive=False, verbosity=0)  # post_migrate restores the base


@pytest.fixture
def site_tree(db) -> SiteTree:
    """A German home page as the default site's root and its English translation."""
    wagtail_base()
    de = Locale.objects.get(language_code="de")
    en = Locale.objects.get(language_code="en")
    root = Page.get_first_root_node()
    for welcome_page in root.get_children():
        welcome_page.delete()
    home_de = HomePageFactory(parent=root, title="Smart City Jena", slug="start", locale=de)
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "root_page": home_de},
    )
    home_en = translate(home_de, "en", slug="home", intro="<p>Welcome to the digital city.</p>")
    return SiteTree(home_de=home_de, home_en=home_en, de=de, en=en)
