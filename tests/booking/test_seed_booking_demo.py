"""make run's demo bookings: some for today to try at the desk, none added twice."""

import pytest
from django.core.management import call_command

from booking.models import Booking
from pojok import clock
from tests.factories import wib

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("topics")]


def test_it_adds_todays_bookings_once_and_prints_their_codes(capsys):
    call_command("seed_booking_demo")
    today = Booking.objects.filter(planned_date=clock.today())
    assert today.count() == 4 and all(b.suggested_bidang for b in today)
    assert today.first().display_code in capsys.readouterr().out
    call_command("seed_booking_demo")
    assert Booking.objects.count() == 6


def test_on_a_weekend_the_bookings_are_for_the_next_office_day(clock):
    clock.set(wib(2026, 11, 29, 10, 0))  # Sunday
    call_command("seed_booking_demo")
    assert set(Booking.objects.values_list("planned_date", flat=True)) == {wib(2026, 11, 30).date()}  # Monday
