"""What a report covers: a period of days (pojok.periods) and the optional Bidang, topic, officer, origin
and channel (tatap muka, telepon, ...).

The SOP report uses all of them; the IKM report (survey) the period, Bidang and topic.
"""

from dataclasses import dataclass

from django.db.models import Exists, F, OuterRef, QuerySet
from django.utils.translation import gettext as _

from pojok.periods import Period

from ..models import Channel, StepResult, Visit, VisitStep


@dataclass(frozen=True)
class Scope:
    period: Period
    bidang: object = None  # routing.Bidang
    topic: object = None  # routing.Topic
    officer: object = None  # the user who recorded the steps
    origin: str = ""
    channel: str = ""  # a Channel value; "" for every channel

    def visits(self) -> QuerySet:
        """The visits of the period that the filters choose."""
        visits = Visit.objects.filter(day__range=(self.period.start, self.period.end))
        if self.bidang is not None:
            visits = visits.filter(bidang=self.bidang)
        if self.topic is not None:
            visits = visits.filter(topic=self.topic)
        if self.origin:
            visits = visits.filter(origin__icontains=self.origin)
        if self.channel:
            visits = visits.filter(channel=self.channel)
        if self.officer is not None:
            recorded = VisitStep.objects.filter(visit=OuterRef("pk"), ended_by=self.officer)
            visits = visits.filter(Exists(recorded))
        return visits

    def done_steps(self) -> QuerySet:
        """The steps recorded as done (result "selesai") in those visits: what compliance counts.

        A visit's steps never start before its arrival, so the lower bound on started_at is exact and
        lets the database read the period from the step index instead of every step ever recorded.
        A step's office is its visit's: saying so lets the database read only the office's visits of the
        period (visit_office_day_state) instead of every office's.
        """
        steps = VisitStep.objects.filter(
            result=StepResult.DONE, started_at__gte=self.period.first_moment(),
            visit__day__range=(self.period.start, self.period.end), visit__office_id=F("office_id"),
        )
        if self.bidang is not None:
            steps = steps.filter(visit__bidang=self.bidang)
        if self.topic is not None:
            steps = steps.filter(visit__topic=self.topic)
        if self.origin:
            steps = steps.filter(visit__origin__icontains=self.origin)
        if self.channel:
            steps = steps.filter(visit__channel=self.channel)
        if self.officer is not None:
            steps = steps.filter(ended_by=self.officer)
        return steps

    def describe(self) -> list[tuple[str, str]]:
        """The filters in words, for the print view and the exports' heading."""
        chosen = [(_("Periode"), self.period.label)]
        chosen += [(label, str(value)) for label, value in [
            (_("Bidang"), self.bidang), (_("Topik"), self.topic),
            (_("Petugas"), getattr(self.officer, "display_name", None)), (_("Asal instansi memuat"), self.origin),
            (_("Kanal"), Channel(self.channel).label if self.channel else None),
        ] if value]
        return chosen
