"""Keeping `DayCount` and `StepCount` exact: count again the office days the triggers noted as changed.

`refresh()` runs before the kabupaten's page reads the counts. In one transaction, under a lock that
lets one refresh run at a time, it
1. takes the noted changes: `DELETE ... RETURNING` removes exactly the notes that are committed at that
   moment, and returns their days; a note committed later stays for the next refresh;
2. counts those days again from the visits and their steps, in a later statement, which therefore
   sees at least every change those notes were written for;
3. replaces those days' rows.
A change whose note was not taken is counted by the next refresh. The lock orders two refreshes, so an
older count never overwrites a newer one. An office day is counted as its own report counts it: the
visits of the day (`Visit.day`, in the office's time zone), the steps recorded as done, within the
standard each step carried.
"""

from collections import defaultdict
from datetime import date
from functools import reduce
from operator import or_

from django.db import connection, transaction
from django.db.models import Count, Q

from offices.tenancy import ALL_MARK
from pojok import locks
from visits.models import HAS_STANDARD, REMOTE, WITHIN_STANDARD, State, StepResult, Visit, VisitStep

from .models import Change, DayCount, StepCount

LOCK = "kabupaten:tally"
BATCH_DAYS = 5_000  # office days counted by one statement (each is a parameter of the query)


def refresh() -> int:
    """Count again every office day noted as changed; how many office days were counted."""
    with transaction.atomic():
        locks.hold(LOCK)
        days = _take_changes()
        for batch in _batches(days):
            _count(batch)
    return sum(len(office_days) for office_days in days.values())


def _take_changes() -> dict[int, set[date]]:
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {Change._meta.db_table} {ALL_MARK} RETURNING office_id, day")
        rows = cursor.fetchall()
    days = defaultdict(set)
    for office_id, day in rows:
        days[office_id].add(day if isinstance(day, date) else date.fromisoformat(day))
    return days


def _batches(days: dict[int, set[date]]):
    """The offices' days in groups of about BATCH_DAYS (a newly migrated database notes every day)."""
    batch, size = {}, 0
    for office, each in sorted(days.items()):
        if batch and size + len(each) > BATCH_DAYS:
            yield batch
            batch, size = {}, 0
        batch[office], size = each, size + len(each)
    if batch:
        yield batch


def _count(days: dict[int, set[date]]) -> None:
    DayCount.all_offices.filter(_where(days)).delete()
    StepCount.all_offices.filter(_where(days)).delete()
    DayCount.all_offices.bulk_create(DayCount(**row) for row in day_counts(days))
    StepCount.all_offices.bulk_create(
        StepCount(office_id=row["visit__office_id"], day=row["visit__day"], number=row["number"],
                  with_standard=row["with_standard"], within=row["within"]) for row in step_counts(days))


def _where(days: dict[int, set[date]], through: str = "") -> Q:
    return reduce(or_, (Q(**{f"{through}office_id": office, f"{through}day__in": sorted(each)})
                        for office, each in days.items()))


def day_counts(days: dict[int, set[date]]):
    """The counts of those office days ({office id: days}), from the visits."""
    return (Visit.all_offices.filter(_where(days)).values("office_id", "day").order_by()
            .annotate(visits=Count("id"), finished=Count("id", filter=Q(state=State.DONE)),
                      remote=Count("id", filter=Q(channel__in=REMOTE))))


def step_counts(days: dict[int, set[date]]):
    """The counts per SOP step of those office days, from the steps recorded as done."""
    return (VisitStep.all_offices.filter(_where(days, through="visit__"), result=StepResult.DONE)
            .values("visit__office_id", "visit__day", "number").order_by().annotate(**_compliance()))


def _compliance() -> dict:
    """The two counts of the share within standard, as an office's report counts them."""
    return {"with_standard": Count("id", filter=HAS_STANDARD), "within": Count("id", filter=WITHIN_STANDARD)}
