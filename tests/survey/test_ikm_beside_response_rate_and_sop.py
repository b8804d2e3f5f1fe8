"""Respondents against finished visits, and the IKM beside SOP compliance, per Bidang and overall."""

from datetime import date
from decimal import Decimal

import pytest

from pojok.periods import Period
from routing.models import Topic
from survey.answering import invite, submit_response
from survey.reports import ikm_report
from tests.factories import bidang, wib
from visits.reports import Scope

NOVEMBER = Scope(period=Period(date(2026, 11, 1), date(2026, 11, 30)))


def _answer(visit, value: int) -> None:
    """The guest answers on the afternoon of the visit."""
    at = visit.arrived_at.replace(hour=15)
    submit_response(invitation=invite(visit=visit, at=at), answers={n: value for n in range(1, 10)}, at=at)


@pytest.fixture
def november(finished_visit):
    """Anggaran: three finished visits (all steps on time), two answered (all 4s, all 3s).
    Aset: one finished visit with a slow greeting (10 minutes against 2), answered with all 2s."""
    anggaran = [finished_visit(at=wib(2026, 11, day, 9)) for day in (3, 4, 5)]
    _answer(anggaran[0], 4)
    _answer(anggaran[1], 3)
    aset = finished_visit(at=wib(2026, 11, 6, 9), bidang_code="aset", minutes={"greet": 10})
    _answer(aset, 2)
    finished_visit(at=wib(2026, 10, 31, 9))  # outside the period


def _rows(report) -> dict:
    return {(row.bidang.code if row.bidang else "all"): row for row in report.table_rows}


def test_each_bidang_and_the_office(november):
    rows = _rows(ikm_report(NOVEMBER))
    anggaran, aset, office = rows["anggaran"], rows["aset"], rows["all"]
    # Anggaran: (36 + 27) / (2 x 9) x 25 = 87.50 (B); 2 of 3 finished visits answered; 15 of 15 steps on time.
    assert (anggaran.figures.respondents, anggaran.figures.finished) == (2, 3)
    assert anggaran.rate_shown == Decimal("66.7")
    assert (anggaran.ikm_shown, anggaran.grade.letter) == (Decimal("87.50"), "B")
    assert (anggaran.figures.steps_within, anggaran.figures.steps_with_standard) == (15, 15)
    assert anggaran.compliance_shown == Decimal("100.0")
    # Aset: all 2s -> 50.00 (D); the slow greeting is 1 of its 5 steps with a standard.
    assert (aset.ikm_shown, aset.grade.letter, aset.rate_shown) == (Decimal("50.00"), "D", Decimal("100.0"))
    assert (aset.figures.steps_within, aset.figures.steps_with_standard, aset.compliance_shown) == (
        4, 5, Decimal("80.0"))
    # The office: each unsur 4 + 3 + 2 = 9 over 3 respondents -> NRR 3 -> 75.00 (C); 3 of 4; 19 of 20 steps.
    assert (office.figures.respondents, office.figures.finished, office.rate_shown) == (3, 4, Decimal("75.0"))
    assert (office.ikm_shown, office.grade.letter) == (Decimal("75.00"), "C")
    assert office.compliance_shown == Decimal("95.0")
    assert rows["akuntansi"].ikm is None and rows["akuntansi"].compliance_shown is None


def test_a_bidang_filter_keeps_to_that_bidang(november):
    report = ikm_report(Scope(period=NOVEMBER.period, bidang=bidang("aset")))
    assert [row.bidang.code for row in report.bidang_rows] == ["aset"]
    assert (report.total.figures.respondents, report.total.figures.finished) == (1, 1)
    assert report.total.ikm_shown == Decimal("50.00")


def test_a_topic_filter_keeps_to_that_topic(finished_visit):
    spj = Topic.objects.create(name="SPJ uji", bidang=bidang("anggaran"))
    with_topic = finished_visit(at=wib(2026, 11, 3, 9), topic=spj)
    without = finished_visit(at=wib(2026, 11, 3, 10))
    _answer(with_topic, 4)
    _answer(without, 1)
    report = ikm_report(Scope(period=NOVEMBER.period, topic=spj))
    assert (report.total.figures.respondents, report.total.figures.finished) == (1, 1)
    assert report.total.ikm_shown == Decimal("100.00")


def test_cancelled_visits_are_not_finished_visits(finished_visit, petugas):
    visit = finished_visit(at=wib(2026, 11, 3, 9), moves=["greet"])
    visit.advance("cancel", by=petugas, note="Salah catat", at=wib(2026, 11, 3, 9, 5))
    assert ikm_report(NOVEMBER).total.figures.finished == 0
