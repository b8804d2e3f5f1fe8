"""Every move of the MOVES table, made by the right person at the right time, does its one thing."""
from datetime import timedelta
from itertools import pairwise

import pytest

from tests.factories import advance_to, bidang, consult, make_visit, wib
from visits.models import State, StepResult

WALK = ["greet", "report", "route", "receive", "finish", "see_out"]


def test_check_in_records_the_arrival_and_waits_for_the_greeting(petugas):
    visit = make_visit(petugas, at=wib(hour=9, minute=3), arrived_at=wib(hour=9))

    assert visit.state == State.GREETING
    assert [(e.action, e.from_state, e.to_state, e.by) for e in visit.events.all()] == [
        ("check_in", "", State.ARRIVING, petugas),
        ("arrive", State.ARRIVING, State.GREETING, petugas),
    ]
    step_1, step_2 = visit.steps.all()
    assert (step_1.number, step_1.result, step_1.ended_by) == (1, StepResult.DONE, petugas)
    assert (step_2.number, step_2.ended_at) == (2, None)


@pytest.mark.parametrize(
    "done, move, actor, state, open_step",
    [
        ([], "greet", "petugas", State.REPORTING, 3),
        (["greet"], "report", "petugas", State.TRIAGE, 4),
        (["greet", "report"], "route", "kasubbag", State.WAITING, 5),
        (["greet", "report", "route"], "receive", "staf", State.CONSULTING, 5),
        (["greet", "report", "route", "receive"], "finish", "staf", State.LEAVING, 6),
        (["greet", "report", "route", "receive", "finish"], "see_out", "petugas", State.DONE, None),
    ],
)
def test_each_move_is_made_by_its_role_and_logged(people, done, move, actor, state, open_step):
    visit = advance_to(make_visit(people["petugas"], at=wib(hour=9)), done, people)
    at = wib(hour=10)
    by = people[actor]
    if move == "finish":
        consult(visit, by)

    visit.advance(move, by=by, at=at, bidang=bidang("anggaran") if move == "route" else None)

    assert visit.state == state
    current = visit.current_step()
    assert (current.number if current else None) == open_step
    event = visit.events.last()
    assert (event.action, event.by, event.at, event.to_state) == (move, by, at, state)


def test_route_sets_the_bidang(people):
    visit = advance_to(make_visit(people["petugas"], at=wib(hour=9)), ["greet", "report", "route"], people)

    assert visit.bidang == bidang("anggaran")


def test_receive_stamps_the_official_inside_step_5_without_ending_it(people):
    visit = advance_to(make_visit(people["petugas"], at=wib(hour=9)), ["greet", "report", "route"], people)

    visit.advance("receive", by=people["staf"], at=wib(hour=9, minute=10))

    step_5 = visit.current_step()
    assert step_5.number == 5
    assert step_5.started_at == wib(hour=9, minute=3)
    assert (step_5.received_at, step_5.received_by) == (wib(hour=9, minute=10), people["staf"])
    assert step_5.ended_at is None


def test_a_full_visit_leaves_one_ended_row_per_step(people):
    visit = advance_to(make_visit(people["petugas"], at=wib(hour=9)), WALK, people)

    steps = list(visit.steps.all())
    assert [s.number for s in steps] == [1, 2, 3, 4, 5, 6]
    assert all(s.result == StepResult.DONE and s.ended_at for s in steps)
    # each step starts when the one before it was recorded done
    assert all(later.started_at == earlier.ended_at for earlier, later in pairwise(steps))
    assert visit.events.count() == 2 + len(WALK)


OPEN_STATES_REACHED_BY = {
    State.GREETING: [],
    State.REPORTING: ["greet"],
    State.TRIAGE: ["greet", "report"],
    State.WAITING: ["greet", "report", "route"],
    State.CONSULTING: ["greet", "report", "route", "receive"],
    State.LEAVING: ["greet", "report", "route", "receive", "finish"],
}


@pytest.mark.parametrize("state", list(OPEN_STATES_REACHED_BY))
@pytest.mark.parametrize("canceller", ["petugas", "kasubbag"])
def test_it_cancels_from_each_open_state_with_a_reason(people, state, canceller):
    visit = advance_to(make_visit(people["petugas"], at=wib(hour=9)), OPEN_STATES_REACHED_BY[state], people)
    assert visit.state == state
    steps_before = visit.steps.count()
    at = visit.current_step().started_at + timedelta(minutes=1)

    visit.advance("cancel", by=people[canceller], at=at, note="Tamu pulang sebelum dilayani")

    assert visit.state == State.CANCELLED
    assert visit.current_step() is None
    assert visit.steps.count() == steps_before  # no new step opened
    last_step = visit.steps.last()
    assert last_step.result == StepResult.CANCELLED
    assert (last_step.ended_at, last_step.ended_by) == (at, people[canceller])
    assert last_step.complies is None
    event = visit.events.last()
    assert (event.action, event.from_state, event.note) == ("cancel", state, "Tamu pulang sebelum dilayani")
