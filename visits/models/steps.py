"""What a visit leaves behind as it moves through the SOP: one row per step it went through (with the
standard in force then), and the day's queue counter. Only the lifecycle (lifecycle.py) writes them.

"Within the standard" is defined here once: for one step (`VisitStep.complies`) and for the reports'
aggregate queries (`WITHIN_STANDARD`).
"""

import math
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from offices.tenancy import AllOffices, OfficeOwned, scoped
from pojok import clock
from pojok.words import duration_text as duration_words


class StepResult(models.TextChoices):
    DONE = "selesai", _("Selesai")
    CANCELLED = "batal", _("Batal")
    TRANSFERRED = "dialihkan", _("Dialihkan")
    INCOMPLETE = "tidak_selesai", _("Tidak selesai")


# A step has a standard when the SOP set one when it started; it complies when it was done within it.
# `duration_seconds` is whole seconds rounded up, so "<= standard * 60" is exactly "within the standard",
# the same on PostgreSQL and SQLite.
HAS_STANDARD = Q(standard_minutes__isnull=False)
WITHIN_STANDARD = HAS_STANDARD & Q(duration_seconds__lte=F("standard_minutes") * 60)
OVER_STANDARD = HAS_STANDARD & Q(duration_seconds__gt=F("standard_minutes") * 60)

# The wait for the Bidang (step 5, routed -> received) against the wait standard snapshotted when the
# guest was routed; `wait_seconds` is rounded up like `duration_seconds`, so the verdict is exact.
WAITED = Q(number=5, wait_seconds__isnull=False)
HAS_WAIT_STANDARD = WAITED & Q(wait_standard_minutes__isnull=False)
WAIT_WITHIN = HAS_WAIT_STANDARD & Q(wait_seconds__lte=F("wait_standard_minutes") * 60)
WAIT_OVER = HAS_WAIT_STANDARD & Q(wait_seconds__gt=F("wait_standard_minutes") * 60)


def timer_level(elapsed_seconds: int, standard_seconds: int | None) -> str:
    """Where a running step stands against its standard: "ok", "near" (its last 20%), "over", or
    "none" without a standard. static/js/pojok.js applies the same rule as the timers tick."""
    if not standard_seconds:
        return "none"
    if elapsed_seconds > standard_seconds:
        return "over"
    if elapsed_seconds > 0.8 * standard_seconds:
        return "near"
    return "ok"


class VisitStep(models.Model):
    """One SOP step of one visit: when it started and ended, who recorded it, the standard then."""

    visit = models.ForeignKey("visits.Visit", on_delete=models.CASCADE, related_name="steps")
    # Always its visit's office (the lifecycle and the demo writer copy it), so that a step is read by its
    # own column, without joining its visit. No index: the report reads the office's visits of the period
    # first and their steps by visit; among 40 offices no plan chose one on (office, started_at)
    # (docs/performance.md, "Forty offices").
    office = models.ForeignKey("offices.Office", verbose_name=_("kantor"), on_delete=models.PROTECT,
                               related_name="+", editable=False, db_index=False)
    objects = scoped()
    all_offices = AllOffices()
    number = models.PositiveSmallIntegerField(_("langkah"))
    started_at = models.DateTimeField(_("mulai"))
    ended_at = models.DateTimeField(_("selesai"), null=True, blank=True)
    ended_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    result = models.CharField(_("hasil"), max_length=20, choices=StepResult.choices, blank=True)
    standard_minutes = models.PositiveSmallIntegerField(_("standar (menit)"), null=True, blank=True)
    duration_seconds = models.PositiveIntegerField(_("durasi (detik)"), null=True, blank=True)
    received_at = models.DateTimeField(_("diterima pejabat"), null=True, blank=True)
    wait_standard_minutes = models.PositiveSmallIntegerField(
        _("standar tunggu Bidang (menit)"), null=True, blank=True,
        help_text=_("Langkah 5: standar waktu tunggu yang berlaku saat tamu diarahkan."),
    )
    wait_seconds = models.PositiveIntegerField(_("waktu tunggu (detik)"), null=True, blank=True)
    received_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("pejabat yang menerima"),
        null=True, blank=True, on_delete=models.PROTECT, related_name="+",
    )

    class Meta:
        ordering = ["started_at", "id"]
        verbose_name = _("langkah kunjungan")
        verbose_name_plural = _("langkah kunjungan")
        constraints = [
            models.UniqueConstraint(
                fields=["visit"], condition=models.Q(ended_at__isnull=True), name="one_open_step_per_visit"
            ),
        ]
        indexes = [models.Index(fields=["started_at"], name="visitstep_started")]  # an office alone reads by it

    def end(self, *, result: str, at, by) -> None:
        self.ended_at, self.ended_by, self.result = at, by, result
        self.duration_seconds = math.ceil((at - self.started_at).total_seconds())
        self.save(update_fields=["ended_at", "ended_by", "result", "duration_seconds"])

    def receive(self, *, at, by) -> None:
        """Inside step 5: the moment the official received the guest (the step goes on)."""
        self.received_at, self.received_by = at, by
        self.wait_seconds = math.ceil((at - self.started_at).total_seconds())
        self.save(update_fields=["received_at", "received_by", "wait_seconds"])

    @property
    def duration(self) -> timedelta | None:
        return self.ended_at - self.started_at if self.ended_at else None

    @property
    def standard(self) -> timedelta | None:
        return timedelta(minutes=self.standard_minutes) if self.standard_minutes else None

    @property
    def complies(self) -> bool | None:
        """Within the standard in force when the step ran (WITHIN_STANDARD); None: no verdict."""
        if self.result != StepResult.DONE or self.standard_minutes is None:
            return None
        return self.duration_seconds <= self.standard_minutes * 60

    # --- for the live boards: elapsed time against the standard ------------------------

    @property
    def standard_seconds(self) -> int | None:
        return self.standard_minutes * 60 if self.standard_minutes else None

    @property
    def elapsed_seconds(self) -> int:
        return int(((self.ended_at or clock.now()) - self.started_at).total_seconds())

    @property
    def elapsed_text(self) -> str:
        return duration_words(self.elapsed_seconds)

    @property
    def duration_text(self) -> str:
        return duration_words(int(self.duration.total_seconds())) if self.duration is not None else ""

    @property
    def waiting_for_bidang(self) -> bool:
        return self.number == 5 and self.received_at is None and self.ended_at is None

    @property
    def wait_standard_seconds(self) -> int | None:
        return self.wait_standard_minutes * 60 if self.wait_standard_minutes else None

    @property
    def wait_complies(self) -> bool | None:
        """The guest's wait for the Bidang within the wait standard of its routing; None: no verdict."""
        if self.wait_seconds is None or self.wait_standard_minutes is None:
            return None
        return self.wait_seconds <= self.wait_standard_minutes * 60

    @property
    def timer_standard_seconds(self) -> int | None:
        """What a board's timer measures against: the wait standard while the guest waits for the
        Bidang, else the step's own standard."""
        return self.wait_standard_seconds if self.waiting_for_bidang else self.standard_seconds

    @property
    def timer_standard_text(self) -> str:
        if self.waiting_for_bidang and self.wait_standard_minutes:
            return _("Standar tunggu Bidang %(minutes)s menit") % {"minutes": self.wait_standard_minutes}
        if not self.standard_minutes:
            return _("Tanpa standar waktu")
        return _("Standar %(minutes)s menit") % {"minutes": self.standard_minutes}

    @property
    def level(self) -> str:
        return timer_level(self.elapsed_seconds, self.timer_standard_seconds)


class QueueCounter(OfficeOwned):
    """The last queue number an office gave on a day (visits.models.lifecycle._next_queue_seq)."""

    day = models.DateField()
    last = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["office", "day"], name="queuecounter_per_office_day")]
