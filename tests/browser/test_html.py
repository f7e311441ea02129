"""The served HTML of every page type passes the Nu Html Checker (vnu) without errors."""

import json
import shutil
import subprocess
import urllib.error
import urllib.request

import pytest

from tests.browser.conftest import RESULTS, require
from tests.browser.pages import LANGUAGES, PAGE_TYPES
from tests.isolation import VNU

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

CASES = [
    pytest.param(page_type, language, id=f"{page_type.name}-{language}")
    for page_type in PAGE_TYPES
    for language in LANGUAGES
]


def fetch(url: str, status: int) -> bytes:
    """The page's HTML, which must come with the page type's status: a 500 instead of the page
    would otherwise be validated in its place."""
    try:
        with urllib.request.urlopen(url) as response:  # noqa: S310 (the live server)
            found, body = response.status, response.read()
    except urllib.error.HTTPError as error:  # the 404 page is checked like any other
        found, body = error.code, error.read()
    if found != status:
        raise AssertionError(f"{url} answered {found}, expected {status}")
    return body


@pytest.fixture(scope="module")
def vnu_messages(demo_site, django_db_blocker):
    """One vnu run (one JVM start) over the HTML of all page types: file name -> messages."""
    require(VNU.exists(), f"{VNU} is missing (make node_modules)")
    require(shutil.which("java") is not None, "java is missing (apt install default-jre-headless)")
    folder = RESULTS / "html"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    files = []
    with django_db_blocker.unblock():
        for page_type in PAGE_TYPES:
            for language in LANGUAGES:
                path = folder / f"{page_type.name}-{language}.html"
                path.write_bytes(fetch(demo_site(page_type.name, language), page_type.status))
                files.append(path)
    run = subprocess.run(  # noqa: S603
        ["java", "-jar", str(VNU), "--format", "json", "--exit-zero-always", *map(str, files)],
        capture_output=True,
        text=True,
        check=True,
    )
    messages = {path.name: [] for path in files}
    for message in json.loads(run.stderr)["messages"]:
        messages[message["url"].rsplit("/", 1)[-1]].append(message)
    return messages


def describe(message: dict) -> str:
    return (
        f"{message['type']}{'/' + message['subType'] if 'subType' in message else ''} "
        f"line {message.get('lastLine', '?')}: {message['message']}\n"
        f"    {message.get('extract', '').strip()}"
    )


@pytest.mark.parametrize(("page_type", "language"), CASES)
def test_served_html_is_valid(vnu_messages, page_type, language):
    messages = vnu_messages[f"{page_type.name}-{language}.html"]
    for message in messages:
        print(describe(message))
    errors = [m for m in messages if m["type"] in ("error", "non-document-error")]
    assert not errors, "\n".join(map(describe, errors))
