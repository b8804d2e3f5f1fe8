"""The named periods, relative to a fixed today, and the page's default period."""

from datetime import date

import pytest
from django.urls import reverse

from pojok import clock
from pojok.periods import Period
from tests.factories import make_visit
from visits.forms.reports import ReportFilter

TODAY = date(2026, 11, 19)  # a Thursday


@pytest.mark.parametrize("name, start, end", [
    ("hari-ini", date(2026, 11, 19), date(2026, 11, 19)),
    ("minggu-ini", date(2026, 11, 16), date(2026, 11, 19)),  # from Monday
    ("bulan-ini", date(2026, 11, 1), date(2026, 11, 19)),
])
def test_named_periods(name, start, end):
    assert Period.named(name, today=TODAY) == Period(start, end)


def test_a_month_runs_to_its_last_day():
    assert Period.named("bulan", today=TODAY, month=date(2024, 2, 1)) == Period(date(2024, 2, 1), date(2024, 2, 29))


def test_the_filter_defaults_to_this_month(db):
    filterset = ReportFilter({}, today=TODAY)
    assert filterset.is_valid()
    assert filterset.scope().period == Period(date(2026, 11, 1), TODAY)


def test_today_counts_todays_visits(people, client_of, pimpinan):
    make_visit(people["petugas"], at=clock.now())
    html = client_of(pimpinan).get(reverse("visits:reports"), {"periode": "hari-ini"}).content.decode()
    assert 'data-figure="visits">1<' in html
    assert clock.today().strftime("%Y-%m-%d") in html
