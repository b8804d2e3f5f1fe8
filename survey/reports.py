"""The IKM report as database queries: sums per unsur, respondents, finished visits, SOP compliance.

Every query groups by Bidang, so the whole report is a fixed handful of queries whatever the number
of responses; the totals are the sums of those few grouped rows. Figures are exact fractions until
`ikm.shown()` rounds them for display.
"""

from dataclasses import dataclass, field
from fractions import Fraction

from django.db.models import Count, Q, Sum
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from routing.models import Bidang
from visits.models import HAS_STANDARD, WITHIN_STANDARD, Channel, State, StepResult, VisitStep
from visits.reports import Scope

from .ikm import Grade, grade_of, ikm_of, nrr, shown
from .models import AgeGroup, Answer, Education, Occupation, Response, Sex, Unsur


def responses_of(scope: Scope):
    """The survey responses of the scope's days, Bidang and topic (the visits' own are scope.visits())."""
    found = Response.objects.filter(day__range=(scope.period.start, scope.period.end))
    if scope.bidang:
        found = found.filter(bidang=scope.bidang)
    if scope.topic:
        found = found.filter(topic=scope.topic)
    if scope.channel:
        found = found.filter(channel=scope.channel)
    return found


@dataclass
class Figures:
    """The IKM of a group of responses (all of them, or one Bidang's) beside its visits and SOP."""

    respondents: int = 0
    totals: dict[int, int] = field(default_factory=dict)  # unsur number -> sum of its answers
    finished: int = 0
    steps_with_standard: int = 0
    steps_within: int = 0

    def add(self, other: "Figures") -> None:
        self.respondents += other.respondents
        for number, total in other.totals.items():
            self.totals[number] = self.totals.get(number, 0) + total
        self.finished += other.finished
        self.steps_with_standard += other.steps_with_standard
        self.steps_within += other.steps_within

    def nrr(self, number: int) -> Fraction | None:
        return nrr(self.totals.get(number, 0), self.respondents)

    def ikm(self, unsur_numbers) -> Fraction | None:
        return ikm_of([self.nrr(number) for number in unsur_numbers]) if self.respondents else None

    @property
    def response_rate(self) -> Fraction | None:
        return Fraction(self.respondents, self.finished) if self.finished else None

    @property
    def compliance(self) -> Fraction | None:
        return Fraction(self.steps_within, self.steps_with_standard) if self.steps_with_standard else None


def _figures_by_bidang(scope: Scope) -> dict[int, Figures]:
    """Four grouped queries: answer sums, respondents, finished visits and steps kept, per Bidang."""
    figures: dict[int, Figures] = {}

    def of(bidang_id) -> Figures:
        return figures.setdefault(bidang_id, Figures())

    responses = responses_of(scope)
    for row in (Answer.objects.filter(response__in=responses).values("response__bidang", "unsur__number")
                .annotate(total=Sum("value")).order_by()):
        of(row["response__bidang"]).totals[row["unsur__number"]] = row["total"]
    for row in responses.values("bidang").annotate(n=Count("id")).order_by():
        of(row["bidang"]).respondents = row["n"]
    for row in scope.visits().filter(state=State.DONE).values("bidang").annotate(n=Count("id")).order_by():
        of(row["bidang"]).finished = row["n"]
    steps = VisitStep.objects.filter(HAS_STANDARD, visit__in=scope.visits(), result=StepResult.DONE)
    for row in (steps.values("visit__bidang").annotate(n=Count("id"), within=Count("id", filter=WITHIN_STANDARD))
                .order_by()):
        found = of(row["visit__bidang"])
        found.steps_with_standard, found.steps_within = row["n"], row["within"]
    return figures


@dataclass(frozen=True)
class UnsurRow:
    unsur: Unsur
    total: int
    nrr: Fraction | None
    weakest: bool = False  # the lowest NRR of the report (every one of them on a tie)

    @property
    def nrr_shown(self):
        return shown(self.nrr)

    @property
    def weighted_shown(self):  # NRR x 1/9: the regulation's "NRR tertimbang"
        return shown(self.nrr / 9, 3) if self.nrr is not None else None

    @property
    def ikm_shown(self):  # the unsur's own value on the 25-100 scale
        return shown(self.nrr * 25) if self.nrr is not None else None

    @property
    def bar_percent(self):  # the chart's bar: the NRR on its 0-4 scale, as a share of the width
        return shown(self.nrr * 25, 1) if self.nrr is not None else None


@dataclass(frozen=True)
class BidangRow:
    bidang: Bidang | None  # None: the office as a whole
    figures: Figures
    ikm: Fraction | None
    grade: Grade | None

    @property
    def ikm_shown(self):
        return shown(self.ikm)

    @property
    def rate_shown(self):
        return shown(self.figures.response_rate * 100, 1) if self.figures.response_rate is not None else None

    @property
    def compliance_shown(self):
        return shown(self.figures.compliance * 100, 1) if self.figures.compliance is not None else None


@dataclass(frozen=True)
class IkmReport:
    scope: Scope
    unsur_rows: list[UnsurRow]
    total: BidangRow
    bidang_rows: list[BidangRow]

    @property
    def table_rows(self) -> list[BidangRow]:
        """Each Bidang, then the office as a whole."""
        return [*self.bidang_rows, self.total]

    @property
    def weakest(self) -> set[int]:
        """The numbers of the unsur with the lowest NRR: the first to follow up."""
        return {row.unsur.number for row in self.unsur_rows if row.weakest}

    @property
    def weight(self) -> Fraction | None:
        """Each unsur's weight in the IKM: 1/n of the n unsur, exactly (1/9 = 0,111… for nine)."""
        return Fraction(1, len(self.unsur_rows)) if self.unsur_rows else None


def ikm_report(scope: Scope) -> IkmReport:
    unsur = list(Unsur.objects.all())
    numbers = [u.number for u in unsur]
    by_bidang = _figures_by_bidang(scope)
    total = Figures()
    for figures in by_bidang.values():
        total.add(figures)
    shown_bidang = [scope.bidang] if scope.bidang else list(Bidang.objects.filter(active=True))

    def row(bidang, figures) -> BidangRow:
        ikm = figures.ikm(numbers)
        return BidangRow(bidang, figures, ikm, grade_of(ikm))

    values = [total.nrr(u.number) for u in unsur]
    lowest = min((value for value in values if value is not None), default=None)
    return IkmReport(
        scope=scope,
        unsur_rows=[UnsurRow(u, total.totals.get(u.number, 0), value, lowest is not None and value == lowest)
                    for u, value in zip(unsur, values, strict=True)],
        total=row(None, total),
        bidang_rows=[row(b, by_bidang.get(b.pk, Figures())) for b in shown_bidang],
    )


PROFILE = [("sex", gettext_lazy("Jenis kelamin"), Sex), ("age_group", gettext_lazy("Usia"), AgeGroup),
           ("education", gettext_lazy("Pendidikan"), Education), ("occupation", gettext_lazy("Pekerjaan"), Occupation)]


def respondent_profile(scope: Scope) -> list[dict]:
    """Per profile question, how many respondents chose each answer (and how many left it empty), and
    what share of the respondents that is (rounded half up to one decimal, from the exact fraction)."""
    responses = responses_of(scope)
    sections = []
    for name, label, choices in PROFILE:
        counts = dict(responses.values_list(name).annotate(n=Count("id")).order_by())
        answers = [(choice_label, counts.get(value, 0)) for value, choice_label in choices.choices]
        answers.append((_("Tidak diisi"), counts.get("", 0)))
        total = sum(n for _answer, n in answers)
        rows = [(answer, n, shown(Fraction(n * 100, total), 1) if total else None) for answer, n in answers]
        sections.append({"name": name, "label": label, "rows": rows, "total": total})
    return sections


def suggestions(scope: Scope):
    """The suggestions and complaints of the scope, newest first (complaints first within a day)."""
    return (responses_of(scope).exclude(suggestion="").select_related("bidang", "topic")
            .order_by("-day", "-is_complaint", "bidang__order"))


def grouped_suggestions(scope: Scope):
    """The same suggestions grouped for reading: per Bidang, complaints first, newest first."""
    return (responses_of(scope).exclude(suggestion="").select_related("bidang", "topic")
            .order_by("bidang__order", "bidang_id", "-is_complaint", "-day", "id"))


def suggestion_groups(scope: Scope) -> list[dict]:
    """Per Bidang: how many suggestions and complaints came, and how many are followed up (one query)."""
    rows = (responses_of(scope).exclude(suggestion="").values("bidang__name", "bidang__order")
            .annotate(suggestions=Count("id", filter=Q(is_complaint=False)),
                      complaints=Count("id", filter=Q(is_complaint=True)),
                      handled=Count("id", filter=Q(handled=True)))
            .order_by("bidang__order", "bidang__name"))
    return [{"bidang": row["bidang__name"], "suggestions": row["suggestions"], "complaints": row["complaints"],
             "handled": row["handled"], "total": row["suggestions"] + row["complaints"]} for row in rows]


@dataclass(frozen=True)
class ChannelRow:
    channel: str
    label: str
    respondents: int
    ikm: Fraction | None

    @property
    def ikm_shown(self):
        return shown(self.ikm)

    @property
    def grade(self) -> Grade | None:
        return grade_of(self.ikm)


def ikm_by_channel(scope: Scope) -> list[ChannelRow]:
    """The IKM of each channel the scope's responses came by (two grouped queries), in Channel's order."""
    responses = responses_of(scope)
    numbers = list(Unsur.objects.values_list("number", flat=True))
    counts = dict(responses.values_list("channel").annotate(n=Count("id")).order_by())
    totals: dict[str, dict[int, int]] = {}
    for row in (Answer.objects.filter(response__in=responses).values("response__channel", "unsur__number")
                .annotate(total=Sum("value")).order_by()):
        totals.setdefault(row["response__channel"], {})[row["unsur__number"]] = row["total"]
    rows = []
    for channel, label in Channel.choices:
        if counts.get(channel):
            figures = Figures(respondents=counts[channel], totals=totals.get(channel, {}))
            rows.append(ChannelRow(channel, label, counts[channel], figures.ikm(numbers)))
    return rows
