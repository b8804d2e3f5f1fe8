"""The same guest routed from several screens at once, and cron runs that overlap: nothing happens twice.

PostgreSQL only: SQLite serialises whole-database writes, so it cannot show row-level races.
"""

import pytest
from django.core import mail
from django.db import connection

from notifications.models import Notification, Status
from notifications.outbox import send_pending
from tests.concurrency import run_at_once as run_together
from tests.factories import bidang
from visits.models import MoveRefused, RoutingDecision, Visit, route_visit

THREADS = 8

pytestmark = [
    pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks are tested on PostgreSQL"),
    pytest.mark.django_db(transaction=True),
]


def run_at_once(work) -> list:
    return run_together(work, threads=THREADS)


def test_routing_one_guest_from_many_screens_records_one_decision_and_one_email(in_triage, kasubbag, staf):
    staf.email = "ani@bpkad.example"
    staf.save(update_fields=["email"])
    visit = in_triage("Revisi DPA")

    def route():
        route_visit(visit=Visit.objects.get(pk=visit.pk), by=kasubbag, bidang=bidang("anggaran"))
        return "routed"

    outcomes = run_at_once(route)
    assert outcomes.count("routed") == 1
    assert all(isinstance(o, MoveRefused) for o in outcomes if o != "routed")
    assert RoutingDecision.objects.count() == 1
    assert Notification.objects.count() == 1
    assert [m.to for m in mail.outbox] == [["ani@bpkad.example"]]


def test_overlapping_cron_runs_send_each_email_once(db):
    Notification.objects.bulk_create([
        Notification(bidang=bidang("aset"), to_email=f"staf{n}@bpkad.example", subject="Tamu baru", body="...")
        for n in range(20)
    ])
    outcomes = run_at_once(lambda: send_pending()["sent"])
    assert sum(outcomes) == 20
    assert sorted(m.to[0] for m in mail.outbox) == sorted(f"staf{n}@bpkad.example" for n in range(20))
    assert set(Notification.objects.values_list("status", "attempts")) == {(Status.SENT, 1)}
