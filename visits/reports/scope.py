"""What a report covers: a period of days and the optional Bidang, topic, officer and origin."""

import calendar
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.db.models import Exists, OuterRef, QuerySet
from django.utils import timezone
from django.utils.formats import date_format

from ..models import StepResult, Visit, VisitStep

TODAY, THIS_WEEK, THIS_MONTH, MONTH, RANGE = "hari-ini", "minggu-ini", "bulan-ini", "bulan", "rentang"
PERIOD_CHOICES = [
    (TODAY, "Hari ini"), (THIS_WEEK, "Minggu ini"), (THIS_MONTH, "Bulan ini"),
    (MONTH, "Bulan tertentu"), (RANGE, "Rentang tanggal"),
]


@dataclass(frozen=True)
class Period:
    start: date
    end: date

    @classmethod
    def named(cls, name: str, *, today: date, month: date | None = None, start=None, end=None) -> "Period":
        """The period a filter names, relative to `today` for today / this week / this month."""
        if name == TODAY:
            return cls(today, today)
        if name == THIS_WEEK:
            return cls(today - timedelta(days=today.weekday()), today)
        if name == THIS_MONTH:
            return cls(today.replace(day=1), today)
        if name == MONTH:
            return cls(month, month.replace(day=calendar.monthrange(month.year, month.month)[1]))
        return cls(start, end)

    @property
    def label(self) -> str:
        if self.start == self.end:
            return date_format(self.start, "j F Y")
        return f"{date_format(self.start, 'j F Y')} s.d. {date_format(self.end, 'j F Y')}"

    def days(self) -> list[date]:
        return [self.start + timedelta(days=n) for n in range((self.end - self.start).days + 1)]

    def first_moment(self) -> datetime:
        return datetime.combine(self.start, time.min, tzinfo=timezone.get_current_timezone())


@dataclass(frozen=True)
class Scope:
    period: Period
    bidang: object = None  # routing.Bidang
    topic: object = None  # routing.Topic
    officer: object = None  # the user who recorded the steps
    origin: str = ""

    def visits(self) -> QuerySet:
        """The visits of the period that the filters choose."""
        visits = Visit.objects.filter(day__range=(self.period.start, self.period.end))
        if self.bidang is not None:
            visits = visits.filter(bidang=self.bidang)
        if self.topic is not None:
            visits = visits.filter(topic=self.topic)
        if self.origin:
            visits = visits.filter(origin__icontains=self.origin)
        if self.officer is not None:
            recorded = VisitStep.objects.filter(visit=OuterRef("pk"), ended_by=self.officer)
            visits = visits.filter(Exists(recorded))
        return visits

    def done_steps(self) -> QuerySet:
        """The steps recorded as done (result "selesai") in those visits: what compliance counts.

        A visit's steps never start before its arrival, so the lower bound on started_at is exact and
        lets the database read the period from the step index instead of every step ever recorded.
        """
        steps = VisitStep.objects.filter(
            result=StepResult.DONE, started_at__gte=self.period.first_moment(),
            visit__day__range=(self.period.start, self.period.end),
        )
        if self.bidang is not None:
            steps = steps.filter(visit__bidang=self.bidang)
        if self.topic is not None:
            steps = steps.filter(visit__topic=self.topic)
        if self.origin:
            steps = steps.filter(visit__origin__icontains=self.origin)
        if self.officer is not None:
            steps = steps.filter(ended_by=self.officer)
        return steps

    def describe(self) -> list[tuple[str, str]]:
        """The filters in words, for the print view and the exports' heading."""
        chosen = [("Periode", self.period.label)]
        chosen += [(label, str(value)) for label, value in [
            ("Bidang", self.bidang), ("Topik", self.topic),
            ("Petugas", getattr(self.officer, "display_name", None)), ("Asal instansi memuat", self.origin),
        ] if value]
        return chosen
