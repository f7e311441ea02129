from tests.participation.conftest import anna, ben, pages  # noqa: F401 (shared fixtures)
from tests.participation.survey_helpers import surveyed  # noqa: E402, F401 (a fixture)
