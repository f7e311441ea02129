"""The package list: every app, plus the top-level locale/ and static/ folders mapped into the
project package (``smartcity.locale``, ``smartcity.static``) so an installed wheel carries them."""

from setuptools import find_packages, setup

APPS = ["smartcity", "home", "news", "events", "strategy", "search", "participation", "editorial"]

setup(
    packages=[
        *find_packages(include=[pattern for app in APPS for pattern in (app, f"{app}.*")]),
        "smartcity.locale",
        "smartcity.static",
    ],
    package_dir={"smartcity.locale": "locale", "smartcity.static": "static"},
)
