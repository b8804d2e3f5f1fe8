"""The kabupaten's page reads counts kept per office and day (kabupaten/tally.py). They stay exact: every
write to a visit or a step, however made, notes its day in the database (the triggers), the page counts
those days again before it reads, and what it then shows is what each office's own report says, and what
counting every day from nothing gives."""

import io
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.db import connection, transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kabupaten import tally, triggers
from kabupaten.models import Change, StepCount
from offices.current import acting_for, no_office
from offices.tenancy import ALL_MARK
from pojok import roles
from routing.models import Bidang
from tests.factories import advance_to, make_user, wib
from visits.demo import DemoVisits
from visits.management.commands.seed_office_demo import UNITS as GENERIC_UNITS
from visits.management.commands.seed_office_demo import demo_roles
from visits.models import Visit, VisitStep

from .counts import MOVES, assert_exact, counted_from_nothing, guest, read, stored

pytestmark = pytest.mark.django_db

def test_a_read_counts_again_only_the_days_that_changed(offices):
    ours, theirs = offices
    visit = guest(ours, day=18, moves=3)
    guest(ours, day=19, moves=6)
    guest(theirs, day=18, moves=6)
    with no_office():
        assert tally.refresh() == 3  # three office days have visits
        assert tally.refresh() == 0
    advance_to(visit, ["receive"], ours, at=visit.arrived_at + timedelta(minutes=10), bidang_code="anggaran")
    with no_office():
        assert tally.refresh() == 1  # the 18th of BPKAD, and nothing else
    assert_exact(offices)


def test_the_nightly_job_counts_the_changed_days_so_that_the_notes_do_not_pile_up(offices):
    guest(offices[0], day=20, moves=6)
    guest(offices[1], day=21, moves=2)
    out = io.StringIO()
    call_command("run_job", "count_office_days", stdout=out)  # as deploy/systemd runs it
    assert out.getvalue().strip() == "2 hari kantor dihitung ulang."
    assert not Change.all_offices.exists()
    assert stored() == counted_from_nothing()


@pytest.mark.parametrize("write", [
    "lifecycle", "update-of-steps", "delete-of-a-visit", "bulk-load", "raw-sql",
])
def test_every_way_of_writing_a_visit_or_a_step_is_counted(offices, write):
    ours, theirs = offices
    visit = guest(ours, day=20, moves=3)
    guest(theirs, day=20, moves=6)
    read()  # counted once: what follows must be noticed
    if write == "lifecycle":
        advance_to(visit, MOVES[3:], ours, at=visit.arrived_at + timedelta(minutes=30), bidang_code="anggaran")
    elif write == "update-of-steps":  # every step over its standard, by a queryset's update
        VisitStep.all_offices.filter(visit=visit).update(duration_seconds=3600)
    elif write == "delete-of-a-visit":
        with acting_for(ours["office"]):
            Visit.objects.filter(pk=visit.pk).delete()
    elif write == "bulk-load":
        _bulk_load(theirs)
    else:
        with connection.cursor() as cursor:
            cursor.execute(f"UPDATE visits_visitstep SET duration_seconds = 1 WHERE visit_id = %s {ALL_MARK}",
                           [visit.pk])
    assert_exact(offices)


def _bulk_load(people) -> None:
    """Twenty finished visits by the demo's writer (COPY on PostgreSQL, bulk_create on SQLite)."""
    with acting_for(people["office"]):
        units = {unit.code: unit for unit in Bidang.objects.all()}
        staff = {f"demo-{unit}": make_user(f"demo-{unit}", roles.STAF, bidang_code=unit) for unit in GENERIC_UNITS}
        accounts = {"demo-petugas": people["petugas"], "demo-kasubbag": people["kasubbag"], **staff}
        demo_people, demo_units = demo_roles(accounts, units, prefix="demo-")
        assert DemoVisits(people=demo_people, bidang=demo_units, seed=3).add(20, 10, today=wib(day=23).date()) == 20


@pytest.mark.skipif(connection.vendor != "postgresql", reason="TRUNCATE is PostgreSQL's")
def test_a_truncated_step_table_forgets_every_count(offices):
    guest(offices[0], day=20, moves=6)
    read()
    with connection.cursor() as cursor:
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")  # the test's own rows are checked first
        cursor.execute("TRUNCATE visits_visitstep CASCADE")
    assert_exact(offices)
    assert not StepCount.all_offices.exists()


def test_a_table_rebuilt_without_its_triggers_gets_them_back_and_every_day_is_counted_again(offices):
    visit = guest(offices[0], day=20, moves=3)
    read()
    triggers.drop(connection)  # as a migration that rebuilds the table on SQLite leaves it
    advance_to(visit, MOVES[3:], offices[0], at=visit.arrived_at + timedelta(minutes=30), bidang_code="anggaran")
    assert not Change.all_offices.exists()  # nothing noticed it
    assert triggers.ensure(connection) is True  # what every `migrate` runs after it (kabupaten/apps.py)
    assert triggers.ensure(connection) is False
    assert_exact(offices)


# --- the same, for any writes, read after each -------------------------------------------------------

_STEPS = st.one_of(
    st.tuples(st.just("guest"), st.integers(0, 1), st.integers(18, 22), st.integers(0, 6), st.sampled_from([1, 9])),
    st.tuples(st.just("slow"), st.integers(0, 30)),
    st.tuples(st.just("remove"), st.integers(0, 30)),
)


@settings(max_examples=30, deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(steps=st.lists(_STEPS, min_size=1, max_size=10))
def test_any_writes_read_between_keep_the_counts_exact(offices, steps):
    with transaction.atomic():
        for step in steps:
            _apply(offices, step)
            read()
        assert_exact(offices)
        transaction.set_rollback(True)  # the next example starts from the same database


def _apply(offices, step) -> None:
    kind, *args = step
    visits = list(Visit.all_offices.order_by("pk").values_list("pk", flat=True))
    if kind == "guest":
        office, day, moves, minutes = args
        guest(offices[office], day=day, moves=moves, minutes_apart=minutes)
    elif kind == "slow" and visits:
        VisitStep.all_offices.filter(visit_id=visits[args[0] % len(visits)]).update(duration_seconds=3600)
    elif kind == "remove" and visits:
        VisitStep.all_offices.filter(visit_id=visits[args[0] % len(visits)]).delete()
        Visit.all_offices.filter(pk=visits[args[0] % len(visits)]).delete()
