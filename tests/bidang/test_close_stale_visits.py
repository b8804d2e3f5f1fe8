"""Day's end: open visits of earlier days, and of today after office hours, become "tidak selesai"."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from tests.factories import advance_to, make_visit, wib
from visits.models import Consultation, Mode, State, StepResult, close_stale_visits, record_consultation

pytestmark = pytest.mark.django_db


def _run(*args) -> str:
    out = StringIO()
    call_command("close_stale_visits", *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def yesterday_waiting(people):
    visit = make_visit(people["petugas"], at=wib(day=22, hour=14), guest_name="Kemarin Menunggu")
    return advance_to(visit, ["greet", "report", "route"], people)


def test_it_closes_yesterdays_open_visits_naming_the_missing_steps(people, yesterday_waiting, settings):
    settings.OFFICE_CLOSES = "16:00"
    closed = close_stale_visits(at=wib(day=23, hour=8))

    assert [item.visit for item in closed] == [yesterday_waiting]
    visit = yesterday_waiting
    visit.refresh_from_db()
    assert visit.state == State.INCOMPLETE
    step = visit.steps.order_by("id").last()
    assert step.number == 5 and step.result == StepResult.INCOMPLETE
    assert step.ended_at == wib(day=22, hour=16)  # stamped at the end of its own working day
    event = visit.events.last()
    assert event.action == "close_stale" and event.by is None
    assert "langkah belum tercatat: 5. " in event.note and "6. " in event.note and "4. " not in event.note


def test_todays_visits_stay_open_until_the_office_closes(people, settings):
    settings.OFFICE_CLOSES = "16:00"
    visit = advance_to(make_visit(people["petugas"], at=wib(hour=10)), ["greet"], people)

    assert close_stale_visits(at=wib(hour=15, minute=59)) == []
    visit.refresh_from_db()
    assert visit.state == State.REPORTING

    closed = close_stale_visits(at=wib(hour=16, minute=0))
    visit.refresh_from_db()
    assert [item.visit.pk for item in closed] == [visit.pk] and visit.state == State.INCOMPLETE
    assert "3. " in closed[0].note and "4. " in closed[0].note and "2. " not in closed[0].note


def test_it_keeps_what_was_recorded(people, settings):
    settings.OFFICE_CLOSES = "16:00"
    visit = advance_to(
        make_visit(people["petugas"], at=wib(day=20, hour=9)), ["greet", "report", "route", "receive"], people
    )
    record_consultation(visit=visit, by=people["staf"], mode=Mode.MEDIATION, problem="Draf SPJ")

    close_stale_visits(at=wib(day=23, hour=7))

    visit.refresh_from_db()
    assert visit.state == State.INCOMPLETE and visit.bidang.code == "anggaran"
    assert Consultation.objects.get(visit=visit).problem == "Draf SPJ"
    assert visit.steps.get(number=5).received_by == people["staf"]
    assert "konsultasi belum ditutup" in visit.events.last().note


def test_finished_and_cancelled_visits_are_left_alone(people):
    done = advance_to(
        make_visit(people["petugas"], at=wib(day=20, hour=9)),
        ["greet", "report", "route", "receive", "finish", "see_out"],
        people,
    )
    cancelled = make_visit(people["petugas"], at=wib(day=20, hour=9, minute=5))
    cancelled.advance("cancel", by=people["petugas"], note="Tamu pulang", at=wib(day=20, hour=9, minute=6))

    assert close_stale_visits(at=wib(day=23, hour=7)) == []
    for visit, state in [(done, State.DONE), (cancelled, State.CANCELLED)]:
        visit.refresh_from_db()
        assert visit.state == state


def test_the_command_prints_what_it_did_and_a_second_run_does_nothing(yesterday_waiting):
    first = _run("--at", "2026-11-23T08:00")
    assert "ditutup: 22-11-2026 A-001 Kemarin Menunggu" in first
    assert "1 kunjungan ditutup sebagai tidak selesai." in first
    events = yesterday_waiting.events.count()

    second = _run("--at", "2026-11-23T08:05")
    assert "Tidak ada kunjungan terbuka yang perlu ditutup." in second
    assert yesterday_waiting.events.count() == events


def test_a_dry_run_changes_nothing(yesterday_waiting):
    out = _run("--at", "2026-11-23T08:00", "--dry-run")
    assert "akan ditutup: 22-11-2026 A-001 Kemarin Menunggu" in out
    yesterday_waiting.refresh_from_db()
    assert yesterday_waiting.state == State.WAITING


def test_a_bad_time_is_refused():
    with pytest.raises(CommandError, match="Tulis --at"):
        _run("--at", "kemarin")
