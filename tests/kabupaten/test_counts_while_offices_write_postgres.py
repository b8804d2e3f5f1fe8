"""The counts per office day while offices write and the kabupaten reads at the same moment (PostgreSQL:
SQLite runs one writing transaction at a time). A write still open when a refresh takes the notes is
counted by the next refresh; refreshes and writers at once leave the counts exact, with no error."""

import contextvars
import threading
from datetime import timedelta

import pytest
from django.db import connection, transaction

from kabupaten import tally
from offices.current import acting_for, no_office
from tests.concurrency import run_at_once
from tests.factories import advance_to

from .counts import MOVES, assert_exact, counted_from_nothing, guest, stored

pytestmark = [
    pytest.mark.skipif(connection.vendor != "postgresql", reason="concurrent transactions are PostgreSQL's"),
    pytest.mark.django_db(transaction=True),
]


def _refresh() -> int:
    with no_office():
        return tally.refresh()


def test_a_write_still_open_when_the_notes_are_taken_is_counted_by_the_next_refresh(offices):
    ours = offices[0]
    visit = guest(ours, day=20, moves=3)
    _refresh()
    written, refreshed, failures = threading.Event(), threading.Event(), []

    def writer():
        try:
            with transaction.atomic():
                advance_to(visit, MOVES[3:], ours, at=visit.arrived_at + timedelta(minutes=30),
                           bidang_code="anggaran")
                written.set()
                assert refreshed.wait(timeout=30)
        except Exception as error:  # noqa: BLE001 - asserted on below
            failures.append(error)
        finally:
            connection.close()

    thread = threading.Thread(target=contextvars.copy_context().run, args=(writer,))
    thread.start()
    assert written.wait(timeout=30)
    assert _refresh() == 0  # the writer's notes are not committed yet: nothing to count
    refreshed.set()
    thread.join(timeout=60)
    assert not failures
    assert _refresh() == 1  # committed now: its day is counted
    assert_exact(offices)


def test_writers_and_readers_at_once_leave_the_counts_exact(offices):
    guests = [guest(offices[n % 2], day=18 + n % 3, moves=3) for n in range(4)]
    turn = iter(range(8))
    lock = threading.Lock()

    def work():
        with lock:
            n = next(turn)
        if n % 2:
            return _refresh()
        visit = guests[n // 2]
        people = offices[(n // 2) % 2]
        with acting_for(people["office"]):
            advance_to(visit, MOVES[3:], people, at=visit.arrived_at + timedelta(minutes=30),
                       bidang_code=people["unit"])
        return "written"

    outcomes = run_at_once(work, threads=8)
    assert [o for o in outcomes if isinstance(o, Exception)] == []
    assert outcomes.count("written") == 4
    _refresh()
    with no_office():
        assert stored() == counted_from_nothing()
    assert_exact(offices)
