"""Every rule that depends on "now" reads pojok.clock: moving the test clock moves the rule.

The last test keeps it so: app code that reads the system clock directly fails it.
"""

import re
from datetime import date
from pathlib import Path

import pytest
from django.urls import reverse

from booking.forms import BookingForm
from pojok import clock as app_clock
from pojok.idle import LAST_ACTIVITY
from pojok.periods import Period
from tests.accounts.login import is_logged_in
from tests.booking.conftest import booking_form
from tests.factories import make_visit, wib
from visits.forms.reports import ReportFilter
from visits.models import Visit

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parents[2]


def test_the_app_reads_the_moment_the_test_set(clock):
    clock.set(wib(2028, 3, 1, 1, 30))
    assert app_clock.now() == wib(2028, 3, 1, 1, 30)
    assert app_clock.today() == date(2028, 3, 1)
    clock.advance(minutes=5)
    assert app_clock.local_now() == wib(2028, 3, 1, 1, 35)


def test_the_desk_board_shows_the_clocks_today(client_of, petugas, clock):
    clock.set(wib(2028, 2, 29, 15, 0))
    visit = make_visit(petugas, at=app_clock.now(), guest_name="Tamu Kabisat")
    desk = client_of(petugas)
    assert "Tamu Kabisat" in desk.get(reverse("visits:desk")).content.decode()
    clock.set(wib(2028, 3, 1, 7, 30))
    assert "Tamu Kabisat" not in desk.get(reverse("visits:desk")).content.decode()
    assert visit.day == date(2028, 2, 29)


def test_a_guest_checked_in_after_midnight_wib_is_on_the_wib_day(client_of, petugas, clock):
    clock.set(wib(2028, 3, 1, 1, 30))  # 29 February 18.30 UTC
    response = client_of(petugas).post(reverse("visits:check_in"), {
        "guest_name": "Tamu Subuh", "origin": "Dinas Kesehatan", "keperluan": "Konsultasi SPJ", "party_size": 1})
    assert response.status_code == 302
    assert Visit.objects.get(guest_name="Tamu Subuh").day == date(2028, 3, 1)


@pytest.mark.parametrize("today, bulan_ini, bulan_lalu", [
    (date(2028, 3, 1), Period(date(2028, 3, 1), date(2028, 3, 1)), Period(date(2028, 2, 1), date(2028, 2, 29))),
    (date(2027, 1, 6), Period(date(2027, 1, 1), date(2027, 1, 6)), Period(date(2026, 12, 1), date(2026, 12, 31))),
])
def test_this_month_and_last_month_follow_the_clock(clock, today, bulan_ini, bulan_lalu):
    clock.set(wib(today.year, today.month, today.day, 10))
    this_month = ReportFilter({})
    assert this_month.is_valid() and this_month.scope().period == bulan_ini
    last_month = ReportFilter({"periode": "bulan", "bulan": bulan_lalu.start.strftime("%Y-%m")})
    assert last_month.is_valid() and last_month.scope().period == bulan_lalu


def test_booking_days_follow_the_clock(clock):
    clock.set(wib(2026, 12, 4, 10))  # a Friday: the next day is a Saturday
    saturday = BookingForm(booking_form(planned_date="2026-12-05"))
    assert not saturday.is_valid() and "Sabtu dan Minggu" in str(saturday.errors)
    clock.set(wib(2026, 12, 7, 10))  # Monday: the Saturday is now in the past
    assert "tidak boleh lewat" in str(BookingForm(booking_form(planned_date="2026-12-05")).errors)
    assert BookingForm(booking_form(planned_date="2026-12-07")).is_valid()


def test_the_idle_timeout_counts_on_the_clock(client_of, petugas, clock):
    desk = client_of(petugas)
    assert desk.get(reverse("visits:desk")).status_code == 200
    assert desk.session[LAST_ACTIVITY] == app_clock.timestamp()
    clock.advance(minutes=29)
    assert desk.get(reverse("visits:desk")).status_code == 200 and is_logged_in(desk)
    clock.advance(minutes=31)
    assert desk.get(reverse("visits:desk")).status_code == 302 and not is_logged_in(desk)


# Code that may read the system clock: the clock itself, and what measures real elapsed time.
SYSTEM_CLOCK = re.compile(
    r"timezone\.now\b|timezone\.local(date|time)\b(?!\(\w)|date\.today\b|datetime\.(utc)?now\b|time\.time\b")
ALLOWED = {"pojok/clock.py", "loadtest/locustfile.py", "loadtest/cluster/cpu.py"}


def _app_sources():
    for path in sorted(ROOT.rglob("*.py")):
        relative = path.relative_to(ROOT).as_posix()
        if relative.split("/")[0] in {".venv", ".venv-load", "tests"} or "/migrations/" in relative:
            continue
        if relative not in ALLOWED:
            yield relative, path.read_text()


def test_no_app_code_reads_the_system_clock_directly():
    offenders = [f"{name}:{number}: {line.strip()}"
                 for name, text in _app_sources()
                 for number, line in enumerate(text.splitlines(), start=1) if SYSTEM_CLOCK.search(line)]
    assert offenders == [], "read pojok.clock instead:\n" + "\n".join(offenders)


def test_the_guard_catches_a_direct_read():
    assert SYSTEM_CLOCK.search("    at = at or timezone.now()")
    assert SYSTEM_CLOCK.search("created_at = models.DateTimeField(default=timezone.now)")
    assert SYSTEM_CLOCK.search("day = models.DateField(default=timezone.localdate)")
    assert not SYSTEM_CLOCK.search("at = at or clock.now()")
    assert not SYSTEM_CLOCK.search("day = timezone.localdate(moment)")
    assert "visits/models/lifecycle.py" in dict(_app_sources())
