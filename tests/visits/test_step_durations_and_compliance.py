"""A step's duration runs from its start to when it is recorded done; it complies within its standard."""

from datetime import timedelta

import pytest

from tests.factories import advance_to, consult, make_visit, wib
from visits.models import VisitStep


def step(visit, number) -> VisitStep:
    return visit.steps.get(number=number)


def test_step_1_runs_from_the_set_back_arrival_to_the_check_in(petugas):
    visit = make_visit(petugas, arrived_at=wib(hour=9), at=wib(hour=9, minute=4, second=30))

    first = step(visit, 1)
    assert (first.started_at, first.ended_at) == (wib(hour=9), wib(hour=9, minute=4, second=30))
    assert first.duration == timedelta(minutes=4, seconds=30)
    assert (first.standard_minutes, first.complies) == (5, True)
    assert step(visit, 2).started_at == wib(hour=9, minute=4, second=30)


def test_step_1_set_back_further_than_its_standard_does_not_comply(petugas):
    visit = make_visit(petugas, arrived_at=wib(hour=9), at=wib(hour=9, minute=5, second=1))

    assert step(visit, 1).complies is False


@pytest.mark.parametrize("seconds, complies", [(119, True), (120, True), (121, False)])
def test_step_2_complies_up_to_exactly_its_two_minute_standard(petugas, seconds, complies):
    visit = make_visit(petugas, at=wib(hour=9))

    visit.advance("greet", by=petugas, at=wib(hour=9) + timedelta(seconds=seconds))

    greeting = step(visit, 2)
    assert greeting.standard_minutes == 2
    assert greeting.duration == timedelta(seconds=seconds)
    assert greeting.complies is complies


def test_a_running_step_has_no_duration_and_no_verdict(petugas):
    visit = make_visit(petugas, at=wib(hour=9))

    running = step(visit, 2)
    assert (running.duration, running.complies) == (None, None)


def test_step_5_has_no_standard_so_no_verdict_but_a_duration(people):
    visit = advance_to(make_visit(people["petugas"], at=wib(hour=9)),
                       ["greet", "report", "route", "receive", "finish"], people)

    consultation = step(visit, 5)
    assert consultation.standard_minutes is None
    assert consultation.duration == timedelta(minutes=2)  # routed at 09.03, finished at 09.05
    assert consultation.complies is None


def test_waiting_and_consulting_inside_step_5_can_be_told_apart(people):
    visit = advance_to(make_visit(people["petugas"], at=wib(hour=9)), ["greet", "report", "route"], people)
    visit.advance("receive", by=people["staf"], at=wib(hour=9, minute=10))
    consult(visit, people["staf"])
    visit.advance("finish", by=people["staf"], at=wib(hour=9, minute=40))

    consultation = step(visit, 5)
    assert consultation.received_at - consultation.started_at == timedelta(minutes=7)
    assert consultation.ended_at - consultation.received_at == timedelta(minutes=30)
