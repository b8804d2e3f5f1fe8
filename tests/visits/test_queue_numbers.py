"""Each visit of a day gets the next queue number, A-001 on; the next day starts again."""

from datetime import date

import pytest
from django.db import IntegrityError, transaction

from tests.factories import make_visit, wib
from visits.models import MoveRefused, Visit


def test_numbers_run_in_order_within_a_day(petugas):
    numbers = [make_visit(petugas, at=wib(hour=9, minute=m)).queue_number for m in range(3)]

    assert numbers == ["A-001", "A-002", "A-003"]


def test_numbers_restart_on_the_next_local_day(petugas):
    late = make_visit(petugas, at=wib(day=23, hour=23, minute=50))
    make_visit(petugas, at=wib(day=23, hour=23, minute=55))
    # 00.05 WIB is still the 23rd in UTC: the day is Jakarta's
    early = make_visit(petugas, at=wib(day=24, hour=0, minute=5))
    later = make_visit(petugas, at=wib(day=24, hour=8))

    assert (late.day, late.queue_number) == (date(2026, 11, 23), "A-001")
    assert (early.day, early.queue_number) == (date(2026, 11, 24), "A-001")
    assert later.queue_number == "A-002"


def test_the_day_follows_the_set_back_arrival_not_the_check_in(petugas):
    make_visit(petugas, at=wib(day=23, hour=23, minute=30))
    visit = make_visit(petugas, arrived_at=wib(day=23, hour=23, minute=50), at=wib(day=24, hour=0, minute=10))

    assert (visit.day, visit.queue_number) == (date(2026, 11, 23), "A-002")


def test_a_refused_check_in_uses_no_number(petugas):
    with pytest.raises(MoveRefused):
        make_visit(petugas, arrived_at=wib(hour=9, minute=5), at=wib(hour=9))  # arrival after check-in

    assert Visit.objects.count() == 0
    assert make_visit(petugas, at=wib(hour=9, minute=6)).queue_number == "A-001"


def test_the_database_refuses_a_duplicate_number_on_a_day(petugas):
    first = make_visit(petugas, at=wib(hour=9))

    with pytest.raises(IntegrityError), transaction.atomic():
        Visit.objects.create(
            day=first.day, queue_seq=first.queue_seq, guest_name="Tamu lain", origin="Dinas Sosial",
            keperluan="SPJ", arrived_at=wib(hour=9, minute=1), created_by=petugas,
        )
