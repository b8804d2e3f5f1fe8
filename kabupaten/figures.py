"""Every office's figures side by side, for the roles above the offices: each office's own SOP report and
IKM, computed by the offices' own report code as that office (its time zone, its catalog), and the
pemda's IKM pooled from every office's answers, as an office's own IKM pools its Bidang
(survey.reports.Figures). Figures only: no guest's name, number or words leaves an office here."""

from dataclasses import dataclass

from offices.current import acting_for
from offices.models import Office
from pojok.periods import Period
from survey.ikm import grade_of
from survey.reports import BidangRow, Figures, ikm_report
from visits.reports import Scope
from visits.reports.figures import build_report, percent

UNSUR_NUMBERS = range(1, 10)  # the nine unsur of PermenPANRB 14/2017, by number in every office


@dataclass
class OfficeRow:
    office: Office | None  # None: the pemda as a whole
    visits: int
    finished: int
    remote: int
    with_standard: int
    within: int
    ikm: BidangRow

    @property
    def share(self) -> float | None:
        """The share of SOP steps within their standard, as the office's report shows it."""
        return percent(self.within, self.with_standard)


def side_by_side(period: Period) -> tuple[list[OfficeRow], OfficeRow]:
    """(each office's row, best share first; the pemda's row)."""
    rows = [_office_row(office, period) for office in Office.objects.order_by("name")]
    rows.sort(key=lambda row: (row.share is None, -(row.share or 0), row.office.name))
    return rows, _pemda(rows)


def _office_row(office: Office, period: Period) -> OfficeRow:
    with acting_for(office):
        scope = Scope(period)
        headline = build_report(scope).headline
        ikm = ikm_report(scope).total
    return OfficeRow(office, headline["visits"], headline["finished"], headline["remote"],
                     headline["with_standard"], headline["within"], ikm)


def _pemda(rows: list[OfficeRow]) -> OfficeRow:
    pooled = Figures()
    for row in rows:
        pooled.add(row.ikm.figures)
    ikm = pooled.ikm(UNSUR_NUMBERS)
    return OfficeRow(None, *(sum(getattr(row, name) for row in rows)
                             for name in ("visits", "finished", "remote", "with_standard", "within")),
                     BidangRow(None, pooled, ikm, grade_of(ikm)))
