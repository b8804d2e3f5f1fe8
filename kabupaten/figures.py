"""Every office's figures side by side, for the roles above the offices: a handful of grouped queries
over all offices at once (not one report per office). The visits and steps are read from the counts per
office and day (models.py; tally.refresh() first counts again the days that changed), so the page reads
a row per office and day rather than every office's visits and steps of six months.

Each figure is defined as the office's own report defines it (visits.reports, survey.reports): the
visits of the office's days (`Visit.day` is the office's own day, in its time zone), the steps recorded
as done, within the standard the step carried, the office's own threshold for the monitoring sheet,
and the IKM from each office's own answers. tests/kabupaten checks every row against the office's own
report. The pemda's IKM is given two ways: pooled from every respondent (as an office pools its
Bidang), and the mean of the offices' IKM (each unit weighing the same).

Figures only: no guest's name, number or words leaves an office here.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from fractions import Fraction

from django.db.models import Count, Sum
from django.db.models.functions import TruncMonth

from offices.models import Office
from pojok.periods import MONTH, Period
from survey.ikm import grade_of, shown
from survey.models import Answer, Response, Unsur
from survey.reports import BidangRow, Figures
from visits.models import ReportSettings, SopStep
from visits.reports.figures import GOOD, NOT_GOOD, percent

from . import tally
from .models import DayCount, StepCount

TREND_MONTHS = 6
UNSUR_NUMBERS = range(1, 10)  # the nine unsur of PermenPANRB 14/2017, by number in every office
DEFAULT_THRESHOLD = ReportSettings._meta.get_field("compliance_threshold").default


@dataclass
class StepCell:
    """One office's SOP step on the monitoring sheet: its share within standard and the assessment."""

    number: int
    with_standard: int = 0
    within: int = 0
    has_standard: bool = True
    threshold: int = DEFAULT_THRESHOLD

    @property
    def share(self) -> float | None:
        return percent(self.within, self.with_standard)

    @property
    def assessment(self) -> str:
        if not self.has_standard or self.share is None:
            return ""
        return str(GOOD if self.share >= self.threshold else NOT_GOOD)

    @property
    def good(self) -> bool | None:
        return None if not self.assessment else self.assessment == str(GOOD)


@dataclass
class OfficeRow:
    office: Office | None  # None: the pemda as a whole
    visits: int = 0
    finished: int = 0
    remote: int = 0
    with_standard: int = 0
    within: int = 0
    ikm: BidangRow | None = None
    steps: list[StepCell] = field(default_factory=list)
    trend: list[float | None] = field(default_factory=list)  # share per month, oldest first

    @property
    def share(self) -> float | None:
        """The share of SOP steps within their standard, as the office's report shows it."""
        return percent(self.within, self.with_standard)


@dataclass(frozen=True)
class Overview:
    rows: list[OfficeRow]  # best share first
    pemda: OfficeRow
    mean_ikm: Fraction | None  # the mean of the offices' IKM, each office weighing the same
    months: list[date]  # the trend's months, oldest first

    @property
    def mean_ikm_shown(self):
        return shown(self.mean_ikm)


def side_by_side(period: Period, *, trend_to: date | None = None) -> Overview:
    offices = list(Office.objects.order_by("name"))
    rows = {office.pk: OfficeRow(office) for office in offices}
    tally.refresh()
    _visit_counts(rows, period)
    _steps(rows, period)
    _ikm(rows, period)
    months = _months(trend_to or period.start)
    _trend(rows, months)
    ranked = sorted(rows.values(), key=lambda row: (row.share is None, -(row.share or 0), row.office.name))
    return Overview(ranked, _pemda(ranked), _mean_ikm(ranked), months)


def _days(period: Period) -> dict:
    return {"day__range": (period.start, period.end)}


def _visit_counts(rows: dict, period: Period) -> None:
    for row in (DayCount.all_offices.filter(**_days(period)).values("office_id").order_by()
                .annotate(visits=Sum("visits"), finished=Sum("finished"), remote=Sum("remote"))):
        office = rows[row.pop("office_id")]
        office.visits, office.finished, office.remote = row["visits"], row["finished"], row["remote"]


def _step_counts(start: date, end: date):
    return StepCount.all_offices.filter(day__range=(start, end)).order_by()


def _sums() -> dict:
    return {"with_standard": Sum("with_standard"), "within": Sum("within")}


def _steps(rows: dict, period: Period) -> None:
    thresholds = dict(ReportSettings.all_offices.values_list("office_id", "compliance_threshold"))
    standards = defaultdict(dict)
    for office_id, number, minutes in SopStep.all_offices.values_list("office_id", "number", "standard_minutes"):
        standards[office_id][number] = minutes is not None
    for office_id, row in rows.items():
        threshold = thresholds.get(office_id, DEFAULT_THRESHOLD)
        row.steps = [StepCell(number, has_standard=has, threshold=threshold)
                     for number, has in sorted(standards[office_id].items())]
    for found in _step_counts(period.start, period.end).values("office_id", "number").annotate(**_sums()):
        row = rows[found["office_id"]]
        row.with_standard += found["with_standard"]
        row.within += found["within"]
        for cell in row.steps:
            if cell.number == found["number"]:
                cell.with_standard, cell.within = found["with_standard"], found["within"]


def _ikm(rows: dict, period: Period) -> None:
    figures = {office_id: Figures(finished=row.finished, steps_with_standard=row.with_standard,
                                  steps_within=row.within) for office_id, row in rows.items()}
    responses = Response.all_offices.filter(**_days(period))
    for office_id, count in responses.values_list("office_id").annotate(n=Count("id")).order_by():
        figures[office_id].respondents = count
    for office_id, number, total in (Answer.all_offices.filter(response__in=responses)
                                     .values_list("response__office_id", "unsur__number")
                                     .annotate(total=Sum("value")).order_by()):
        figures[office_id].totals[number] = total
    numbers = defaultdict(list)
    for office_id, number in Unsur.all_offices.values_list("office_id", "number").order_by("number"):
        numbers[office_id].append(number)
    for office_id, row in rows.items():
        ikm = figures[office_id].ikm(numbers[office_id])
        row.ikm = BidangRow(None, figures[office_id], ikm, grade_of(ikm))


def _months(last: date) -> list[date]:
    months = [last.replace(day=1)]
    while len(months) < TREND_MONTHS:
        months.insert(0, (months[0] - timedelta(days=1)).replace(day=1))
    return months


def _trend(rows: dict, months: list[date]) -> None:
    """The share per month, of every office, from its counts per day."""
    month_end = Period.named(MONTH, today=months[-1], month=months[-1]).end
    shares = {}
    for found in (_step_counts(months[0], month_end).annotate(month=TruncMonth("day"))
                  .values("office_id", "month").annotate(**_sums())):
        month = found["month"].date() if hasattr(found["month"], "date") else found["month"]
        shares[found["office_id"], month] = percent(found["within"], found["with_standard"])
    for office_id, row in rows.items():
        row.trend = [shares.get((office_id, month)) for month in months]


def _pemda(rows: list[OfficeRow]) -> OfficeRow:
    pooled = Figures()
    for row in rows:
        pooled.add(row.ikm.figures)
    ikm = pooled.ikm(UNSUR_NUMBERS)
    return OfficeRow(None, *(sum(getattr(row, name) for row in rows)
                             for name in ("visits", "finished", "remote", "with_standard", "within")),
                     ikm=BidangRow(None, pooled, ikm, grade_of(ikm)))


def _mean_ikm(rows: list[OfficeRow]) -> Fraction | None:
    values = [row.ikm.ikm for row in rows if row.ikm.ikm is not None]
    return sum(values, Fraction(0)) / len(values) if values else None
