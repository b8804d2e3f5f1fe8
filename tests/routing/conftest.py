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


@pytest.fixture
def routed(people):
    """Route a guest through the real step 4 (visits.triage.route_visit): one decision on record."""
    from datetime import timedelta

    from tests.factories import bidang, make_visit, wib
    from visits.models import route_visit

    def route(keperluan, code, *, topic=None, reason="", at=None):
        at = at or wib()
        visit = make_visit(people["petugas"], at=at, keperluan=keperluan)
        visit.advance("greet", by=people["petugas"], at=at + timedelta(minutes=1))
        visit.advance("report", by=people["petugas"], at=at + timedelta(minutes=2))
        topic = Topic.objects.get(name=topic) if topic else None
        return route_visit(visit=visit, by=people["kasubbag"], bidang=bidang(code), topic=topic,
                           override_reason=reason, at=at + timedelta(minutes=3))
    return route
