"""Rules of the codebase that a reviewer would otherwise have to remember."""

import ast
import importlib.metadata
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import polib
import pytest

BASE_DIR = Path(__file__).resolve().parent.parent
PROJECT_APPS = ["smartcity", "home", "news", "events", "strategy", "search", "participation",
                "editorial"]
# Which project packages each package may import (``smartcity`` wires everything together).
ALLOWED_IMPORTS = {
    "home": {"home"},
    "participation": {"participation"},
    "strategy": {"strategy", "home", "participation"},
    "news": {"news", "home", "participation", "strategy"},
    "events": {"events", "home", "participation", "strategy"},
    "search": set(PROJECT_APPS) - {"participation", "editorial"},
    # Roles and translation tools name the other apps' models by label, never import them.
    "editorial": {"editorial"},
    "smartcity": set(PROJECT_APPS),
}


def project_imports(path: Path) -> set[str]:
    return all_imports(path) & set(PROJECT_APPS)


@pytest.mark.parametrize("package", sorted(ALLOWED_IMPORTS))
def test_imports_point_one_way(package):
    folder = BASE_DIR / package
    if not folder.is_dir():
        pytest.skip(f"{package}/ does not exist yet")
    wrong = {
        f"{path.relative_to(BASE_DIR)} imports {', '.join(sorted(bad))}"
        for path in folder.rglob("*.py")
        if (bad := project_imports(path) - ALLOWED_IMPORTS[package])
    }
    assert not wrong


# The site's catalogue, and the participation add-on's own (a reusable app ships its strings).
CATALOGUES = ["locale", "participation/locale"]


def catalogue(folder: str, language: str) -> polib.POFile:
    return polib.pofile(str(BASE_DIR / folder / language / "LC_MESSAGES" / "django.po"))


@pytest.mark.parametrize("folder", CATALOGUES)
@pytest.mark.parametrize("language", ["de", "en"])
def test_catalogues_are_complete_and_compiled(folder, language):
    po = catalogue(folder, language)
    untranslated = [e.msgid for e in po if not e.translated()]
    assert not untranslated
    fuzzy = [e.msgid for e in po if "fuzzy" in e.flags]
    assert not fuzzy
    mo = polib.mofile(str(BASE_DIR / folder / language / "LC_MESSAGES" / "django.mo"))
    compiled = {e.msgid: e.msgstr for e in mo}
    stale = [e.msgid for e in po if compiled.get(e.msgid) != e.msgstr and not e.msgid_plural]
    assert not stale, "run `make messages` to compile the catalogues"


@pytest.mark.skipif(not shutil.which("xgettext"), reason="xgettext (GNU gettext) is not installed")
def test_every_visible_string_is_in_the_catalogues(tmp_path):
    """Extract the strings afresh in a copy of the code and compare with the committed files."""
    copy = tmp_path / "project"
    ignore = shutil.ignore_patterns(".venv", "node_modules", "media", "*.pyc",
                                    "staticfiles", ".git", "db.sqlite3", "tests")
    shutil.copytree(BASE_DIR, copy, ignore=ignore)
    result = subprocess.run(
        [sys.executable, "manage.py", "makemessages", "-l", "de", "--no-obsolete",
         "--ignore=.venv", "--ignore=node_modules", "--ignore=tests"],
        cwd=copy, capture_output=True, text=True, timeout=300,
        # the copy has no tests/, so not the test settings (which install a test app)
        env={"DJANGO_SETTINGS_MODULE": "smartcity.settings.dev", "PATH": "/usr/bin:/bin",
             "DATABASE_URL": f"sqlite:///{tmp_path / 'unused.sqlite3'}"},
    )
    assert result.returncode == 0, result.stderr
    for folder in CATALOGUES:
        fresh = {e.msgid for e in polib.pofile(str(copy / folder / "de/LC_MESSAGES/django.po"))}
        for language in ("de", "en"):
            known = {e.msgid for e in catalogue(folder, language) if e.translated()}
            assert not sorted(fresh - known), f"missing in {folder}/{language}: make messages"


def declared(requirements: list[str]) -> set[str]:
    return {canonical(re.split(r"[\s\[<>=!~;]", requirement, maxsplit=1)[0])
            for requirement in requirements}


def canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def imported_distributions(folders: list[str]) -> dict[str, set[str]]:
    """Distribution -> files importing it, for the third-party imports under ``folders``."""
    providers = importlib.metadata.packages_distributions()
    # benchmarks import their neighbours by module name (bench/ is on their sys.path)
    local = set(PROJECT_APPS) | {"tests", "bench"} | {p.stem for p in (BASE_DIR / "bench").glob(
        "*.py")}
    found: dict[str, set[str]] = {}
    for folder in folders:
        for path in (BASE_DIR / folder).rglob("*.py"):
            for module in all_imports(path) - local - set(sys.stdlib_module_names):
                for distribution in providers.get(module, [module]):
                    found.setdefault(canonical(distribution), set()).add(
                        str(path.relative_to(BASE_DIR)))
    return found


def all_imports(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if isinstance(node, ast.Import):
            found.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module.split(".")[0])
    return found


def test_every_imported_distribution_is_declared():
    project = tomllib.loads((BASE_DIR / "pyproject.toml").read_text())["project"]
    runtime = declared(project["dependencies"])
    dev = runtime | declared(project["optional-dependencies"]["dev"])
    apps = [app for app in PROJECT_APPS if (BASE_DIR / app).is_dir()]
    missing = {name: files for name, files in imported_distributions(apps).items()
               if name not in runtime}
    assert not missing, f"imported by the site but not in [project] dependencies: {missing}"
    missing = {name: files for name, files in imported_distributions(["tests", "bench"]).items()
               if name not in dev}
    assert not missing, f"imported by tests or benchmarks but not declared: {missing}"


# participation.signals: ``discussion_changed`` is the add-on's published hook (the page cache
# in smartcity/pagecache/ listens to it to purge both language copies).
PARTICIPATION_PUBLIC = {"participation.mixins", "participation.templatetags.participation_tags",
                        "participation.signals"}


def participation_imports(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.split(".")[0] == "participation")
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            if node.module == "participation":
                found.update(f"participation.{alias.name}" for alias in node.names)
            elif node.module.startswith("participation."):
                found.add(node.module)
    return found


def test_hosts_use_only_the_public_modules_of_participation():
    """A page joins the add-on by the mixin and the template tags, never its models or views;
    the test host app proves that is enough."""
    hosts = [BASE_DIR / app for app in PROJECT_APPS if app != "participation"]
    hosts.append(BASE_DIR / "tests" / "participation_host")
    wrong = {
        f"{path.relative_to(BASE_DIR)}: {module}"
        for folder in hosts if folder.is_dir()
        for path in folder.rglob("*.py")
        for module in participation_imports(path) - PARTICIPATION_PUBLIC
    }
    assert not wrong
    assert participation_imports(BASE_DIR / "tests/participation_host/models.py") == {
        "participation.mixins"}
