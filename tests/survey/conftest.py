"""Helpers for the survey tests: finished visits, their invitations, responses made to order.

A transactional test elsewhere flushes the unsur rows the data migration made: every test here gets
them back first (idempotently), as tests/conftest.py does for the Bidang and SOP steps.
"""

from datetime import timedelta

import pytest

from routing.models import Topic
from survey.answering import invite
from survey.catalog import ensure_unsur
from survey.models import Answer, Response, Unsur
from tests.factories import bidang, consult, make_visit, wib

WHOLE_VISIT = ["greet", "report", "route", "receive", "finish", "see_out"]


@pytest.fixture(autouse=True)
def unsur(request):
    marker = request.node.get_closest_marker("django_db")
    if marker is None and not {"db", "transactional_db", "live_server"} & set(request.fixturenames):
        return None
    request.getfixturevalue("catalog")
    ensure_unsur(Unsur)
    return list(Unsur.objects.all())


ACTORS = {"greet": "petugas", "report": "petugas", "route": "kasubbag", "receive": "staf", "finish": "staf",
          "see_out": "petugas"}


@pytest.fixture
def finished_visit(people, staf_lain):
    """A visit walked through the SOP steps by the right people, ending "selesai", at fixed times.

    Each move comes `minutes` after the one before (one minute unless told: {"greet": 10} is a slow
    greeting); `topic` is given to the routing.
    """
    people = {**people, "staf_aset": staf_lain}

    def make(*, at=None, bidang_code="anggaran", moves=WHOLE_VISIT, guest_name="Siti Aminah",
             phone="081234567890", topic=None, minutes=None, **fields):
        visit = make_visit(people["petugas"], at=at or wib(), guest_name=guest_name, phone=phone, **fields)
        moment = visit.arrived_at
        for name in moves:
            moment += timedelta(minutes=(minutes or {}).get(name, 1))
            actor = people["staf_aset" if bidang_code == "aset" and ACTORS[name] == "staf" else ACTORS[name]]
            if name == "finish":
                consult(visit, actor)
            routing = {"bidang": bidang(bidang_code), "topic": topic} if name == "route" else {}
            visit.advance(name, by=actor, at=moment, **routing)
        return visit
    return make


@pytest.fixture
def invited(finished_visit):
    """The invitation of a finished visit."""
    def make(**kwargs):
        visit = finished_visit(**kwargs)
        return invite(visit=visit, at=visit.arrived_at + timedelta(hours=1))
    return make


def all_answers(value: int = 4) -> dict[str, str]:
    return {f"u{number}": str(value) for number in range(1, 10)}


def make_response(values, *, day=None, bidang_code="anggaran", topic: Topic | None = None,
                  **fields) -> Response:
    """A stored response with the nine given values (U1..U9), for report tests on hand-computed data."""
    assert len(values) == 9
    response = Response.objects.create(
        day=day or wib().date(), bidang=bidang(bidang_code), topic=topic, **fields)
    Answer.objects.bulk_create(
        Answer(response=response, unsur_id=number, value=value) for number, value in enumerate(values, 1))
    return response
