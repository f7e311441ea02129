from tests.participation.conftest import anna, ben, pages  # noqa: F401 (shared fixtures)
