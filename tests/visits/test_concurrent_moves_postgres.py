"""Moves and check-ins made at the same instant from many desks: row locks keep them whole.

PostgreSQL only: SQLite serialises whole-database writes, so it cannot show row-level races.
"""

import pytest
from django.db import connection

from pojok import clock
from tests.concurrency import run_at_once as run_together
from tests.factories import make_visit
from visits.models import MoveRefused, Visit, VisitEvent

THREADS = 20

pytestmark = [
    pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks are tested on PostgreSQL"),
    # tests/conftest.py's catalog fixture restores the roles, Bidang and SOP steps after each flush
    pytest.mark.django_db(transaction=True),
]


def run_at_once(work) -> list:
    return run_together(work, threads=THREADS)


def test_twenty_desks_greeting_one_guest_make_one_greeting(petugas):
    visit = make_visit(petugas, at=clock.now())

    def greet():
        Visit.objects.get(pk=visit.pk).advance("greet", by=petugas)
        return "greeted"

    outcomes = run_at_once(greet)

    refused = [o for o in outcomes if isinstance(o, MoveRefused)]
    assert outcomes.count("greeted") == 1
    assert len(refused) == THREADS - 1
    assert all(str(r).startswith("Tamu ini sudah disambut oleh Budi Santoso pukul") for r in refused)
    assert VisitEvent.objects.filter(visit=visit, action="greet").count() == 1
    assert list(visit.steps.values_list("number", flat=True)) == [1, 2, 3]
    assert Visit.objects.get(pk=visit.pk).state == "lapor"


def test_twenty_simultaneous_check_ins_get_twenty_numbers(petugas):
    def check_in():
        return Visit.check_in(by=petugas, guest_name="Tamu", origin="Dinas Sosial", keperluan="SPJ").queue_seq

    outcomes = run_at_once(check_in)

    assert sorted(outcomes) == list(range(1, THREADS + 1))
    assert Visit.objects.count() == THREADS
    assert len(set(Visit.objects.values_list("day", "queue_seq"))) == THREADS
