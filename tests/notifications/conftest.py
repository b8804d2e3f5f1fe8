"""The triage tests' visit waiting for the Kasubbag, for the routing's notices."""

from tests.triage.conftest import in_triage  # noqa: F401 - a fixture
