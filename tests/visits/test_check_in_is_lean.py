"""A check-in writes its rows at once: the standards read once, nothing read back (issue 17), and the
history it leaves is the one check_in and the "arrive" move always wrote."""

import uuid

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from pojok import clock
from tests.factories import wib
from visits.models import State, Visit


def _post(client):
    data = {"guest_name": "Tamu Hemat", "origin": "Dinas Kesehatan", "phone": "", "party_size": 1,
            "keperluan": "Konsultasi SPJ", "arrival_time": "10:50", "idempotency_key": str(uuid.uuid4())}
    return client.post(reverse("visits:check_in"), data)


def test_a_check_in_post_makes_few_statements(client_of, petugas):
    client = client_of(petugas)
    client.get(reverse("still_here"))
    with CaptureQueriesContext(connection) as captured:
        assert _post(client).status_code == 302
    statements = [q["sql"] for q in captured.captured_queries if "SAVEPOINT" not in q["sql"]]
    # user, 2 permission reads, arrival rules, 3 of the idempotency key; counter, visit, standards
    # (one read for both steps), the two steps, the two history rows
    assert len(statements) <= 12, "\n".join(statements)
    assert sum("visits_sopstep" in sql for sql in statements) == 1
    assert not any(sql.startswith("SELECT") and 'FROM "visits_visit"' in sql for sql in statements)


def test_the_check_in_leaves_step_1_ended_step_2_open_and_two_history_rows(petugas):
    visit = Visit.check_in(by=petugas, guest_name="Tamu", origin="Dinas", keperluan="SPJ",
                           arrived_at=wib(hour=10, minute=50), at=clock.now())
    visit = Visit.objects.get(pk=visit.pk)
    assert visit.state == State.GREETING
    door, greeting = visit.steps.order_by("number")
    assert (door.number, door.started_at, door.ended_at, door.duration_seconds) == (
        1, wib(hour=10, minute=50), clock.now(), 600)
    assert door.ended_by == petugas and door.result and door.standard_minutes is not None
    assert (greeting.number, greeting.started_at, greeting.ended_at) == (2, clock.now(), None)
    events = list(visit.events.values_list("action", "from_state", "to_state"))
    assert events == [("check_in", "", State.ARRIVING), ("arrive", State.ARRIVING, State.GREETING)]
