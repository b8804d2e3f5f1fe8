"""Visits waiting for step 4 at fixed times, and the topic catalog the migrations seed."""

from datetime import timedelta

import pytest

from pojok import roles
from routing.catalog import ensure_topics
from routing.models import Bidang, Topic
from tests.factories import make_user, make_visit, wib


@pytest.fixture(autouse=True)
def topic_catalog(catalog, request):
    uses_db = request.node.get_closest_marker("django_db") or (
        {"db", "transactional_db", "live_server"} & set(request.fixturenames))
    if uses_db:
        ensure_topics(Topic, Bidang)


@pytest.fixture
def in_triage(people):
    """A visit greeted and reported (step 3 done), waiting for the Kasubbag: at a fixed time, or now."""
    def make(keperluan="Konsultasi SPJ bendahara", *, at=None, **fields):
        visit = make_visit(people["petugas"], at=at or wib(), keperluan=keperluan, **fields)
        start = at or wib()
        visit.advance("greet", by=people["petugas"], at=start + timedelta(minutes=1))
        visit.advance("report", by=people["petugas"], at=start + timedelta(minutes=2))
        return visit
    return make


@pytest.fixture
def staf_perbendaharaan(db):
    return make_user("eko", roles.STAF, bidang_code="perbendaharaan", full_name="Eko Prasetyo",
                     jabatan="pelaksana", email="eko@bpkad.example")


def topic(name: str) -> Topic:
    return Topic.objects.get(name=name)


@pytest.fixture
def record_of():
    """Everything a routing may change: the visit's state and choices, its step rows and its history."""
    from visits.models import Visit

    def record(visit):
        fresh = Visit.objects.get(pk=visit.pk)
        return {
            "visit": {f: getattr(fresh, f) for f in ("state", "bidang_id", "topic_id", "assigned_to_id", "keperluan")},
            "steps": list(fresh.steps.order_by("id").values()),
            "events": list(fresh.events.order_by("id").values()),
        }
    return record
