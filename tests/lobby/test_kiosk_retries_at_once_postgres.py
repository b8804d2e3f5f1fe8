"""The same kiosk POST arriving many times at once (a flaky connection, retries): one visit.

PostgreSQL only: SQLite serialises whole-database writes, so it cannot show the race.
"""

import uuid

import pytest
from django.db import connection

from lobby.kiosk import check_in_at_kiosk
from lobby.models import Device
from pojok.models import IdempotencyKey
from tests.concurrency import run_at_once
from visits.models import Visit

pytestmark = [
    pytest.mark.skipif(connection.vendor != "postgresql", reason="races are tested on PostgreSQL"),
    pytest.mark.django_db(transaction=True),
]


def test_ten_copies_of_one_check_in_make_one_visit(admin_user):
    device = Device.objects.create(name="Tablet pintu", kind=Device.Kind.KIOSK, paired_by=admin_user)
    key = uuid.uuid4()

    def check_in():
        return check_in_at_kiosk(device=device, key=key, guest_name="Siti Aminah", origin="Dinas Kesehatan",
                                 keperluan="Konsultasi SPJ").pk

    outcomes = run_at_once(check_in, threads=10)
    visit = Visit.objects.get()
    assert outcomes == [visit.pk] * 10
    assert IdempotencyKey.objects.get().result == str(visit.pk)
    assert visit.queue_seq == 1  # the losers' queue numbers were rolled back with their visits
