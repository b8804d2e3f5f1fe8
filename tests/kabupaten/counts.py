"""What the tests of the kabupaten's counts share: a guest of a November day, and the check that the kept
counts are exact (the offices and their people: conftest.py)."""

from collections import defaultdict
from datetime import timedelta

from kabupaten import tally
from kabupaten.figures import side_by_side
from kabupaten.models import DayCount, StepCount
from offices.current import acting_for, no_office
from pojok.periods import Period
from tests.factories import advance_to, make_visit, wib
from visits.models import Visit
from visits.reports import Scope, build_report

MOVES = ["greet", "report", "route", "receive", "finish", "see_out"]
NOVEMBER = Period(wib(day=1).date(), wib(day=30).date())
UNITS = {"bpkad": "anggaran", "bappeda": "keuangan"}


def guest(people, *, day: int, moves: int, minutes_apart: int = 1) -> Visit:
    """A guest of that November day, walked through the first `moves` steps."""
    with acting_for(people["office"]):
        visit = make_visit(people["petugas"], guest_name="Tamu Uji", at=wib(day=day, hour=9))
        advance_to(visit, MOVES[:moves], people, at=visit.arrived_at + timedelta(minutes=minutes_apart - 1),
                   bidang_code=people["unit"])
        return visit


def stored() -> dict:
    return {"days": set(DayCount.all_offices.values_list("office_id", "day", "visits", "finished", "remote")),
            "steps": set(StepCount.all_offices.values_list("office_id", "day", "number", "with_standard", "within"))}


def counted_from_nothing() -> dict:
    """The counts of every office day that has visits, from the visits and steps, now."""
    days = defaultdict(set)
    for office, day in Visit.all_offices.values_list("office_id", "day").distinct().order_by():
        days[office].add(day)
    if not days:
        return {"days": set(), "steps": set()}
    return {"days": {(row["office_id"], row["day"], row["visits"], row["finished"], row["remote"])
                     for row in tally.day_counts(days)},
            "steps": {(row["visit__office_id"], row["visit__day"], row["number"], row["with_standard"],
                       row["within"]) for row in tally.step_counts(days)}}


def assert_exact(offices) -> None:
    """What the page shows is each office's own report, and the kept counts are a count from nothing."""
    with no_office():
        rows = {row.office.pk: row for row in side_by_side(NOVEMBER).rows}
        kept = stored()
        assert kept == counted_from_nothing()
    for people in offices:
        row = rows[people["office"].pk]
        with acting_for(people["office"]):
            report = build_report(Scope(NOVEMBER))
        headline = report.headline
        assert (row.visits, row.finished, row.remote, row.with_standard, row.within) == (
            headline["visits"], headline["finished"], headline["remote"], headline["with_standard"],
            headline["within"])
        sheet = {m["number"]: m for m in report.monitoring if isinstance(m["number"], int)}
        assert [cell.good for cell in row.steps] == [sheet[cell.number]["good"] if cell.assessment else None
                                                     for cell in row.steps]


def read() -> None:
    """The page's figures, read; the counts it kept are then those counted from nothing."""
    with no_office():
        side_by_side(NOVEMBER)
        assert stored() == counted_from_nothing()
