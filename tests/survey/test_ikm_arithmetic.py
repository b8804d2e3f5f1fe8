"""NRR, IKM and the grade bands as PermenPANRB 14/2017 defines them, with exact fractions until display.

Band edges: the grade is read from the IKM as shown (rounded half up to two decimals), so a value
between 76.60 and 76.61 is graded by the number printed: below 76.605 it shows 76.60 and is C, from
76.605 it shows 76.61 and is B.
"""

from decimal import Decimal
from fractions import Fraction

import pytest

from survey.ikm import grade_of, ikm_of, nrr, shown


@pytest.mark.parametrize("ikm, letter", [
    ("25", "D"), ("64.99", "D"), ("64.994999", "D"), ("64.995", "C"), ("65.00", "C"),
    ("76.60", "C"), ("76.604999", "C"), ("76.605", "B"), ("76.61", "B"),
    ("88.30", "B"), ("88.304999", "B"), ("88.305", "A"), ("88.31", "A"), ("100", "A"),
])
def test_grade_bands_and_their_edges(ikm, letter):
    assert grade_of(Fraction(ikm)).letter == letter


def test_grade_labels():
    assert [grade_of(Fraction(v)).label for v in ("50", "70", "80", "90")] == [
        "Tidak Baik", "Kurang Baik", "Baik", "Sangat Baik"]


def test_a_value_between_7660_and_7661_is_graded_as_it_is_shown():
    just_below = Fraction(76605, 1000) - Fraction(1, 10**9)
    assert (shown(just_below), grade_of(just_below).letter) == (Decimal("76.60"), "C")
    assert (shown(Fraction(76605, 1000)), grade_of(Fraction(76605, 1000)).letter) == (Decimal("76.61"), "B")


def test_shown_rounds_half_up_to_two_decimals():
    assert shown(Fraction(1, 8)) == Decimal("0.13")  # 0.125: half up, not to even
    assert shown(Fraction(10, 3)) == Decimal("3.33")
    assert shown(Fraction(250, 3)) == Decimal("83.33")
    assert shown(None) is None


def test_nrr_is_the_sum_over_the_respondents():
    assert nrr(10, 4) == Fraction(5, 2)
    assert nrr(0, 0) is None


def test_ikm_is_the_mean_of_the_nine_nrr_times_25():
    nrrs = [Fraction(v) for v in ("2.5", "3", "3.25", "4", "3.25", "3.5", "3.75", "2.75", "3.25")]
    assert ikm_of(nrrs) == Fraction("81.25")
    assert ikm_of([Fraction(4)] * 9) == 100 and ikm_of([Fraction(1)] * 9) == 25


def test_ikm_keeps_full_precision_until_display():
    # Three respondents giving 10 per unsur: NRR 3.333...; rounding NRR first would give 3.33 x 25 = 83.25.
    ikm = ikm_of([Fraction(10, 3)] * 9)
    assert ikm == Fraction(250, 3)
    assert shown(ikm) == Decimal("83.33")


def test_there_is_no_ikm_without_respondents():
    assert ikm_of([None] * 9) is None
    assert grade_of(None) is None
