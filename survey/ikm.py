"""The arithmetic of PermenPANRB 14/2017: NRR per unsur, the IKM, and its grade (mutu pelayanan).

Every figure is an exact fraction built from the database's integer sums; only `shown()` rounds,
half up to two decimals, for display. The grade is read from that shown value, so the number
printed and the band printed beside it always agree: 76.604… is shown 76.60 and graded C, 76.605 is
shown 76.61 and graded B.
"""

from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from math import floor

from django.utils.translation import gettext_lazy

IKM_SCALE = 25  # an NRR of 1..4 times 25 gives the IKM's 25..100


@dataclass(frozen=True)
class Grade:
    letter: str
    label: str
    lowest: Decimal  # the lowest shown IKM in the band
    highest: Decimal


GRADES = [  # best first
    Grade("A", gettext_lazy("Sangat Baik"), Decimal("88.31"), Decimal("100.00")),
    Grade("B", gettext_lazy("Baik"), Decimal("76.61"), Decimal("88.30")),
    Grade("C", gettext_lazy("Kurang Baik"), Decimal("65.00"), Decimal("76.60")),
    Grade("D", gettext_lazy("Tidak Baik"), Decimal("25.00"), Decimal("64.99")),
]


def shown(value: Fraction | None, places: int = 2) -> Decimal | None:
    """An exact value rounded half up to `places` decimals: the only rounding there is."""
    if value is None:
        return None
    scale = 10**places
    return Decimal(floor(Fraction(value) * scale + Fraction(1, 2))).scaleb(-places)


def grade_of(ikm: Fraction | None) -> Grade | None:
    if ikm is None:
        return None
    value = shown(ikm)
    return next((grade for grade in GRADES if value >= grade.lowest), GRADES[-1])


def nrr(total: int, respondents: int) -> Fraction | None:
    """Nilai rata-rata of one unsur: the sum of its answers over the number of respondents."""
    return Fraction(total, respondents) if respondents else None


def ikm_of(nrrs: list[Fraction | None]) -> Fraction | None:
    """The mean of the unsur NRRs (each weighted 1/n, exactly) times 25."""
    if not nrrs or any(value is None for value in nrrs):
        return None
    return sum(nrrs, Fraction(0)) / len(nrrs) * IKM_SCALE
