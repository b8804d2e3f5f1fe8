"""The starting topic catalog in every routing test (a transactional test flushes what migrations seeded)."""

import pytest

from routing.catalog import ensure_topics
from routing.models import Bidang, Topic


@pytest.fixture(autouse=True)
def topic_catalog(catalog, request):
    uses_db = request.node.get_closest_marker("django_db") or (
        {"db", "transactional_db", "live_server"} & set(request.fixturenames))
    if uses_db:
        ensure_topics(Topic, Bidang)
