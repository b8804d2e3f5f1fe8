"""A move is all-or-nothing: when the database fails half-way, neither the step nor the history is
left half-written, and the next move works.

The failure is a real one, raised by the database: a trigger refuses the INSERT of the history row
(or of the routing decision), which Visit.advance() and route_visit() write *after* closing one step,
opening the next and changing the visit. Just before the refused INSERT the test looks at what the
transaction has written so far, to prove the failure really came in the middle. Written for
PostgreSQL (issue 9's "Concurrency and crashes"); SQLite has triggers and transactions too, so it
runs there as well. The races (many desks at once) are in test_concurrent_moves_postgres.py.
"""

from contextlib import contextmanager

import pytest
from django.db import DatabaseError, connection

from notifications.models import Notification
from tests.factories import bidang
from visits.models import QueueCounter, RoutingDecision, Visit, VisitEvent, VisitStep, route_visit

# Committed for real, as in production: each move is its own top-level transaction.
pytestmark = pytest.mark.django_db(transaction=True)

GUEST = {"guest_name": "Siti Aminah", "origin": "Dinas Kesehatan", "keperluan": "Konsultasi SPJ"}


@contextmanager
def database_refuses_inserts_into(table: str):
    """A trigger that makes the database itself fail every INSERT into `table`, until the block ends."""
    name = f"test_refuse_{table}"
    postgres = connection.vendor == "postgresql"
    with connection.cursor() as cursor:
        if postgres:
            cursor.execute(f"CREATE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                           f"RAISE EXCEPTION 'simulated failure: % is not writable', TG_TABLE_NAME; END $$")
            cursor.execute(f"CREATE TRIGGER {name} BEFORE INSERT ON {table} "
                           f"FOR EACH ROW EXECUTE FUNCTION {name}()")
        else:
            cursor.execute(f"CREATE TRIGGER {name} BEFORE INSERT ON {table} "
                           f"BEGIN SELECT RAISE(ABORT, 'simulated failure: {table} is not writable'); END")
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute(f"DROP TRIGGER IF EXISTS {name}" + (f" ON {table}" if postgres else ""))
            if postgres:
                cursor.execute(f"DROP FUNCTION IF EXISTS {name}()")


@contextmanager
def written_so_far_when_inserting_into(table: str):
    """What the transaction had written (visits' states, steps) at the moment the INSERT into `table` ran."""
    seen = {}

    def look_first(execute, sql, params, many, context):
        if sql.startswith(f'INSERT INTO "{table}"') and not seen:
            raw = context["connection"].connection.cursor()  # the driver's own: not seen by this wrapper
            raw.execute("SELECT id, state FROM visits_visit ORDER BY id")
            seen["visits"] = raw.fetchall()
            raw.execute("SELECT number, ended_at IS NOT NULL FROM visits_visitstep ORDER BY id")
            seen["steps"] = [(number, bool(ended)) for number, ended in raw.fetchall()]
        return execute(sql, params, many, context)

    with connection.execute_wrapper(look_first):
        yield seen


def test_a_failure_writing_the_history_undoes_the_closed_and_opened_steps(visit_today, record_of, petugas):
    visit = visit_today(moves=["greet"])  # step 3: waiting to be reported to the Kasubbag
    before = record_of(visit)

    with database_refuses_inserts_into("visits_visitevent"), \
            written_so_far_when_inserting_into("visits_visitevent") as seen:
        with pytest.raises(DatabaseError, match="simulated failure"):
            visit.advance("report", by=petugas)

    # the failure came half-way: step 3 closed, step 4 opened and the visit moved on, the history not yet
    assert seen["visits"] == [(visit.pk, "triase")]
    assert seen["steps"] == [(1, True), (2, True), (3, True), (4, False)]
    # ... and none of it stayed
    assert record_of(visit) == before
    assert Visit.objects.get(pk=visit.pk).current_step().number == 3

    visit.advance("report", by=petugas)  # once the database writes again, the same move is made whole

    after = record_of(visit)
    assert after["state"] == "triase"
    assert [step["number"] for step in after["steps"]] == [1, 2, 3, 4]
    assert [event["action"] for event in after["events"]] == ["check_in", "arrive", "greet", "report"]


def test_a_check_in_failing_half_way_leaves_no_visit_no_step_and_no_queue_number(petugas):
    with database_refuses_inserts_into("visits_visitevent"), \
            written_so_far_when_inserting_into("visits_visitevent") as seen:
        with pytest.raises(DatabaseError, match="simulated failure"):
            Visit.check_in(by=petugas, **GUEST)

    # the visit and its first two steps (arrived, greeting) were written, in one INSERT
    assert len(seen["visits"]) == 1 and seen["steps"] == [(1, True), (2, False)]
    assert not Visit.objects.exists()
    assert not VisitStep.objects.exists()
    assert not VisitEvent.objects.exists()
    assert not QueueCounter.objects.exists()  # the number taken was given back with the rest

    visit = Visit.check_in(by=petugas, **GUEST)

    assert visit.queue_number == "A-001"
    assert list(visit.steps.values_list("number", flat=True)) == [1, 2]


def test_a_routing_whose_decision_cannot_be_kept_leaves_the_guest_in_triage(visit_today, record_of, kasubbag):
    visit = visit_today(moves=["greet", "report"])
    before = record_of(visit)
    route = {"visit": visit, "by": kasubbag, "bidang": bidang("anggaran"),
             "override_reason": "Tamu menyebut DPA"}

    with database_refuses_inserts_into("visits_routingdecision"):
        with pytest.raises(DatabaseError, match="simulated failure"):
            route_visit(**route)  # the move itself (step 5 opened, history row) succeeded before this

    assert record_of(visit) == before
    assert not RoutingDecision.objects.exists()
    assert not Notification.objects.exists()

    route_visit(**route)

    assert record_of(visit)["state"] == "menunggu"
    assert RoutingDecision.objects.get().visit_id == visit.pk
