"""The IKM report's figures from stored answers, checked against values computed by hand."""

from datetime import date
from decimal import Decimal

import pytest

from pojok.periods import Period
from survey.reports import ikm_report
from tests.survey.conftest import make_response
from visits.reports import Scope

YEAR = Scope(period=Period(date(2026, 1, 1), date(2026, 12, 31)))

FOUR_RESPONSES = [
    [4, 4, 4, 4, 4, 4, 4, 4, 4],
    [3, 3, 3, 4, 3, 3, 3, 3, 3],
    [2, 3, 3, 4, 3, 4, 4, 2, 3],
    [1, 2, 3, 4, 3, 3, 4, 2, 3],
]


def test_nrr_per_unsur_ikm_and_grade_from_four_responses(db):
    for values in FOUR_RESPONSES:
        make_response(values)
    report = ikm_report(YEAR)
    # By hand: U1 (4+3+2+1)/4 = 2.50, U2 12/4 = 3.00, U3 13/4 = 3.25, U4 16/4 = 4.00, U5 3.25, U6 14/4 = 3.50,
    # U7 15/4 = 3.75, U8 11/4 = 2.75, U9 3.25; their mean 29.25/9 = 3.25; x 25 = 81.25: B (Baik).
    assert [row.total for row in report.unsur_rows] == [10, 12, 13, 16, 13, 14, 15, 11, 13]
    assert [str(row.nrr_shown) for row in report.unsur_rows] == [
        "2.50", "3.00", "3.25", "4.00", "3.25", "3.50", "3.75", "2.75", "3.25"]
    assert report.total.figures.respondents == 4
    assert report.total.ikm_shown == Decimal("81.25")
    assert (report.total.grade.letter, report.total.grade.label) == ("B", "Baik")


def test_the_ikm_is_not_computed_from_rounded_nrr(db):
    for values in ([4, 4, 4, 4, 4, 4, 4, 4, 4], [3, 3, 3, 3, 3, 3, 3, 3, 3], [3, 3, 3, 3, 3, 3, 3, 3, 3]):
        make_response(values)
    report = ikm_report(YEAR)
    assert report.unsur_rows[0].nrr_shown == Decimal("3.33")
    assert report.total.ikm_shown == Decimal("83.33")  # 250/3; from the rounded NRR it would be 83.25


def _responses_summing(respondents: int, total: int) -> None:
    """`respondents` responses whose 9 x respondents answers add up to `total`, as evenly as can be."""
    for index in range(respondents):
        own = total // respondents + (1 if index < total % respondents else 0)
        base, extra = divmod(own, 9)
        make_response([base + 1] * extra + [base] * (9 - extra))


@pytest.mark.parametrize("respondents, total, shown, letter", [
    (38, 889, "64.99", "D"),  # 25 x 889 / (9 x 38) = 64.9853...
    (5, 117, "65.00", "C"),   # 65 exactly
    (26, 717, "76.60", "C"),  # 76.6025...
    (19, 524, "76.61", "B"),  # 76.6081...
    (19, 604, "88.30", "B"),  # 88.3040...
    (24, 763, "88.31", "A"),  # 88.3101...
])
def test_band_edges_through_the_database(db, respondents, total, shown, letter):
    _responses_summing(respondents, total)
    report = ikm_report(YEAR)
    assert sum(row.total for row in report.unsur_rows) == total
    assert (str(report.total.ikm_shown), report.total.grade.letter) == (shown, letter)


def test_an_empty_period_has_no_ikm(db):
    make_response([4] * 9, day=date(2025, 12, 31))
    report = ikm_report(YEAR)
    assert report.total.figures.respondents == 0
    assert report.total.ikm is None and report.total.grade is None
    assert all(row.nrr is None for row in report.unsur_rows)
