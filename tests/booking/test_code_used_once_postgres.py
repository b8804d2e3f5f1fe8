"""One code shown at two screens at the same instant becomes one visit (PostgreSQL)."""

import pytest
from django.db import connection

from booking import bookings
from tests.concurrency import run_at_once
from visits.models import Visit

from .conftest import make_booking

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks need PostgreSQL")
def test_six_screens_with_one_code_make_one_visit(petugas):
    make_booking()

    def arrive():
        return bookings.arrive(code="PK-7Q3XKD", check_in=lambda **guest: Visit.check_in(by=petugas, **guest))

    outcomes = run_at_once(arrive, threads=6)
    made = [o for o in outcomes if isinstance(o, Visit)]
    refused = [o for o in outcomes if isinstance(o, bookings.BookingRefused)]
    assert len(made) == 1 and len(refused) == 5 and Visit.objects.count() == 1
    assert all("sudah dipakai" in str(r) for r in refused)
