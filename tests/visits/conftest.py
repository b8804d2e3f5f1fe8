"""Helpers for the visit tests: a record of everything a move could change, and today's visits."""

import pytest

from pojok import clock
from tests.factories import bidang, consult, make_visit
from visits.models import Visit

ACTORS = {"greet": "petugas", "report": "petugas", "route": "kasubbag",
          "receive": "staf", "finish": "staf", "see_out": "petugas"}


@pytest.fixture
def record_of():
    """Everything a move may change: the visit's state and Bidang, its step rows and its history."""
    def record(visit):
        fresh = Visit.objects.get(pk=visit.pk)
        return {
            "state": fresh.state,
            "bidang": fresh.bidang_id,
            "steps": list(fresh.steps.order_by("id").values()),
            "events": list(fresh.events.order_by("id").values()),
        }
    return record


@pytest.fixture
def visit_today(people):
    """A visit checked in now, so it is on today's boards, walked on by the right people now."""
    def make(moves=(), **fields):
        visit = make_visit(people["petugas"], at=clock.now(), **fields)
        for name in moves:
            if name == "finish":
                consult(visit, people["staf"])
            target = bidang("anggaran") if name == "route" else None
            visit.advance(name, by=people[ACTORS[name]], bidang=target)
        return visit
    return make
