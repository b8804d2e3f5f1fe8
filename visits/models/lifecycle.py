"""A guest's visit and its way through the six SOP steps.

The allowed moves are the MOVES table below; `Visit.advance()` is the only code that changes a
visit's state. Each step a visit goes through is a `VisitStep` row (with the time standard in
force when it started), and every change appends a `VisitEvent` row.
"""

import math
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import connection, models, transaction
from django.utils import timezone
from django.utils.formats import date_format

from pojok import clock

from .. import policy
from .master import SopStep

QUEUE_PREFIX = "A"
ANONYMIZED_NAME = "Tamu (dianonimkan)"  # a guest's name once the retention period is over (privacy app)


class State(models.TextChoices):
    ARRIVING = "tiba", "Tamu datang"
    GREETING = "sambut", "Menunggu disambut"
    REPORTING = "lapor", "Menunggu dilaporkan ke Kasubbag"
    TRIAGE = "triase", "Menunggu diarahkan ke Bidang"
    WAITING = "menunggu", "Menunggu diterima Bidang"
    CONSULTING = "konsultasi", "Sedang konsultasi"
    LEAVING = "keluar", "Selesai konsultasi, menunggu diantar keluar"
    DONE = "selesai", "Selesai"
    CANCELLED = "batal", "Batal"
    INCOMPLETE = "tidak_selesai", "Tidak selesai"


# The SOP step a visit is in while in each open state.
STEP_OF_STATE = {
    State.ARRIVING: 1,
    State.GREETING: 2,
    State.REPORTING: 3,
    State.TRIAGE: 4,
    State.WAITING: 5,
    State.CONSULTING: 5,
    State.LEAVING: 6,
}
OPEN_STATES = frozenset(STEP_OF_STATE)


class StepResult(models.TextChoices):
    DONE = "selesai", "Selesai"
    CANCELLED = "batal", "Batal"
    TRANSFERRED = "dialihkan", "Dialihkan"
    INCOMPLETE = "tidak_selesai", "Tidak selesai"


def _needs_bidang(visit, fields) -> str | None:
    return None if fields.get("bidang") else "Pilih Bidang tujuan."


def _official_of_the_bidang(visit, fields) -> str | None:
    official = fields["official"]
    if official.bidang_id != visit.bidang_id:
        return "Pejabat yang menerima harus dari Bidang tujuan tamu."
    return None


def _consultation_recorded(visit, fields) -> str | None:
    consultation = getattr(visit, "consultation", None)
    if consultation is None or not consultation.is_complete:
        return "Lengkapi mode dan hasil konsultasi sebelum menutup."
    return None


@dataclass(frozen=True)
class Move:
    name: str
    label: str  # the button
    done_phrase: str  # "Tamu ini sudah <done_phrase> oleh ..."
    sources: frozenset
    target: str
    roles: tuple[str, ...]
    ends_step_as: str = StepResult.DONE
    needs_note: bool = False
    sets: tuple[str, ...] = ()  # visit fields the move writes, given to advance() by name
    clears: tuple[str, ...] = ()  # visit fields the move empties
    guard: Callable[["Visit", dict], str | None] | None = None  # a refusal message, or None

    @property
    def is_one_click(self) -> bool:
        """Made with a button (and a note at most): moves that write fields have their own form."""
        return not self.sets and not self.clears and self.roles != (policy.SYSTEM,)


MOVES: dict[str, Move] = {
    move.name: move
    for move in [
        Move("arrive", "Catat kedatangan", "dicatat kedatangannya",
             frozenset({State.ARRIVING}), State.GREETING, (policy.FRONT_DESK,)),
        Move("greet", "Sambut", "disambut",
             frozenset({State.GREETING}), State.REPORTING, (policy.FRONT_DESK,)),
        Move("report", "Laporkan ke Kasubbag", "dilaporkan ke Kasubbag Umum",
             frozenset({State.REPORTING}), State.TRIAGE, (policy.FRONT_DESK,)),
        Move("route", "Arahkan ke Bidang", "diarahkan ke Bidang",
             frozenset({State.TRIAGE}), State.WAITING, (policy.TRIAGE,),
             sets=("bidang", "topic", "assigned_to", "keperluan"), guard=_needs_bidang),
        Move("receive", "Terima tamu", "diterima",
             frozenset({State.WAITING}), State.CONSULTING, (policy.CONSULT,), guard=_official_of_the_bidang),
        Move("finish", "Selesai konsultasi", "selesai berkonsultasi",
             frozenset({State.CONSULTING}), State.LEAVING, (policy.CONSULT,), guard=_consultation_recorded),
        Move("see_out", "Antar keluar", "diantar keluar",
             frozenset({State.LEAVING}), State.DONE, (policy.FRONT_DESK,)),
        Move("transfer", "Alihkan ke Bidang lain", "dialihkan",
             frozenset({State.WAITING, State.CONSULTING}), State.TRIAGE, (policy.CONSULT,),
             ends_step_as=StepResult.TRANSFERRED, needs_note=True, clears=("bidang", "topic", "assigned_to")),
        Move("cancel", "Batalkan", "dibatalkan",
             OPEN_STATES, State.CANCELLED, (policy.FRONT_DESK, policy.TRIAGE),
             ends_step_as=StepResult.CANCELLED, needs_note=True),
        Move("close_stale", "Tutup sebagai tidak selesai", "ditutup sebagai tidak selesai",
             OPEN_STATES, State.INCOMPLETE, (policy.SYSTEM,),
             ends_step_as=StepResult.INCOMPLETE, needs_note=True),
    ]
}


class MoveRefused(Exception):
    """A move that was not made; the message says why, in words for the user."""


def local_time(moment: datetime) -> str:
    return timezone.localtime(moment).strftime("%H.%M")


class VisitQuerySet(models.QuerySet):
    def of_day(self, day):
        return self.filter(day=day)

    def open(self):
        return self.filter(state__in=OPEN_STATES)

    def in_states(self, *states):
        return self.filter(state__in=states)


class Visit(models.Model):
    day = models.DateField("tanggal")
    queue_seq = models.PositiveIntegerField("urutan antrean")
    guest_name = models.CharField("nama tamu", max_length=120)
    origin = models.CharField("asal instansi/OPD", max_length=150)
    phone = models.CharField("nomor telepon", max_length=20, blank=True)
    party_size = models.PositiveSmallIntegerField(
        "jumlah orang", default=1, validators=[MinValueValidator(1), MaxValueValidator(50)]
    )
    keperluan = models.TextField("keperluan", max_length=1000)
    arrived_at = models.DateTimeField("waktu datang")
    state = models.CharField("tahap", max_length=20, choices=State.choices, default=State.ARRIVING)
    bidang = models.ForeignKey(
        "routing.Bidang", verbose_name="Bidang", null=True, blank=True,
        on_delete=models.PROTECT, related_name="visits",
    )
    topic = models.ForeignKey(
        "routing.Topic", verbose_name="topik", null=True, blank=True,
        on_delete=models.PROTECT, related_name="visits",
    )
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="pejabat yang dituju", null=True, blank=True,
        on_delete=models.PROTECT, related_name="assigned_visits",
    )
    created_by = models.ForeignKey(  # empty for a guest's own check-in at the kiosk
        settings.AUTH_USER_MODEL, verbose_name="dicatat oleh", null=True, blank=True,
        on_delete=models.PROTECT, related_name="+",
    )
    created_at = models.DateTimeField("dicatat pada", default=clock.now)

    objects = VisitQuerySet.as_manager()

    class Meta:
        ordering = ["-day", "-queue_seq"]
        verbose_name = "kunjungan"
        verbose_name_plural = "kunjungan"
        constraints = [
            models.UniqueConstraint(fields=["day", "queue_seq"], name="visit_queue_number_unique_per_day"),
        ]
        indexes = [models.Index(fields=["day", "state"], name="visit_day_state")]
        permissions = [
            ("record_front_desk", "Mencatat langkah meja depan (1, 2, 3, 6)"),
            ("route_visit", "Mengarahkan tamu ke Bidang (langkah 4)"),
            ("consult_visit", "Menerima tamu dan mencatat konsultasi Bidangnya (langkah 5)"),
            ("view_sop_report", "Membaca laporan kepatuhan SOP"),
        ]

    def __str__(self) -> str:
        return f"{self.queue_number} {self.guest_name}"

    @property
    def queue_number(self) -> str:
        return f"{QUEUE_PREFIX}-{self.queue_seq:03d}"

    @property
    def step(self) -> int | None:
        return STEP_OF_STATE.get(self.state)

    @property
    def is_open(self) -> bool:
        return self.state in OPEN_STATES

    def current_step(self) -> "VisitStep | None":
        return self.steps.filter(ended_at__isnull=True).first()

    def moves_for(self, user) -> list[Move]:
        """The moves this user may make now, in the table's order (the board's buttons)."""
        return [
            move for move in MOVES.values()
            if self.state in move.sources and any(policy.can_act_as(user, r, self) for r in move.roles)
        ]

    # --- the lifecycle -------------------------------------------------------------------

    @classmethod
    def check_in(cls, *, by, guest_name, origin, keperluan, phone="", party_size=1,
                 arrived_at=None, at=None) -> "Visit":
        """Log a guest's arrival (step 1) and give them the day's next queue number."""
        at = at or clock.now()
        policy.require(policy.can_front_desk, by)
        with transaction.atomic():
            visit = cls._register(at=at, arrived_at=arrived_at or at, created_by=by, event_by=by,
                                  guest_name=guest_name, origin=origin, keperluan=keperluan, phone=phone,
                                  party_size=party_size)
            visit.advance("arrive", by=by, at=at)
        return visit

    @classmethod
    def check_in_by_guest(cls, *, kiosk_name, guest_name, origin, keperluan, phone="", at=None) -> "Visit":
        """A guest's own check-in at the kiosk: a queue number and step 1, which the petugas confirms
        with the "arrive" move. No person recorded it: `created_by` and the event's `by` stay empty."""
        at = at or clock.now()
        with transaction.atomic():
            return cls._register(at=at, arrived_at=at, created_by=None, event_by=None, phone=phone,
                                 note=f"kios: {kiosk_name}", guest_name=guest_name, origin=origin,
                                 keperluan=keperluan)

    @classmethod
    def _register(cls, *, at, arrived_at, created_by, event_by, note="", **guest) -> "Visit":
        """The visit row with the day's next queue number, its step 1 and its first history row."""
        day = timezone.localdate(arrived_at)
        visit = cls.objects.create(day=day, queue_seq=_next_queue_seq(day), arrived_at=arrived_at,
                                   created_by=created_by, created_at=at, **guest)
        visit._open_step(1, at=arrived_at)
        VisitEvent.objects.create(visit=visit, at=at, by=event_by, action="check_in", to_state=visit.state,
                                  note=note)
        return visit

    def advance(self, move_name: str, *, by, note: str = "", at=None, official=None, **fields) -> None:
        """Make one move of the MOVES table, or raise MoveRefused and change nothing.

        `fields` are visit fields the move writes (its `sets`: route's bidang, topic, ...); others
        must be None. `official` is who received the guest (receive): by default the recorder.
        """
        move = MOVES[move_name]
        fields = _fields_for(move, fields)
        note = (note or "").strip()
        if move.needs_note and not note:
            raise MoveRefused("Alasan wajib diisi.")
        with transaction.atomic():
            locked = Visit.objects.select_for_update().get(pk=self.pk)
            locked._check_move(move, by, {**fields, "official": official or by})
            # Read the clock once the row is ours: a move that waited on another must not be stamped
            # before the step that other move opened.
            at = at or clock.now()
            locked._apply(move, by=by, at=at, note=note, official=official or by, fields=fields)
        self.refresh_from_db()

    def _check_move(self, move: Move, by, fields: dict) -> None:
        if not any(policy.can_act_as(by, role, self) for role in move.roles):
            raise MoveRefused(f"Anda tidak berwenang untuk langkah \u201c{move.label}\u201d.")
        if self.state not in move.sources:
            raise MoveRefused(self._why_not_now(move))
        refusal = move.guard(self, fields) if move.guard else None
        if refusal:
            raise MoveRefused(refusal)

    def _why_not_now(self, move: Move) -> str:
        earlier = self.events.filter(action=move.name).select_related("by").last()
        if earlier is not None:
            who = earlier.by.display_name if earlier.by else "sistem"
            return f"Tamu ini sudah {move.done_phrase} oleh {who} pukul {local_time(earlier.at)}."
        if not self.is_open:
            return f"Kunjungan ini sudah berakhir ({self.get_state_display().lower()})."
        return f"Langkah \u201c{move.label}\u201d belum dapat dilakukan: tamu pada tahap \u201c{self.get_state_display()}\u201d."

    def _apply(self, move: Move, *, by, at, note, official, fields: dict) -> None:
        from_state, step_row = self.state, self.current_step()
        _check_time(step_row, at)
        if move.name == "receive":
            step_row.received_at, step_row.received_by = at, official
            step_row.save(update_fields=["received_at", "received_by"])
        elif STEP_OF_STATE.get(move.target) != self.step:
            step_row.end(result=move.ends_step_as, at=at, by=by)
            if move.target in OPEN_STATES:
                self._open_step(STEP_OF_STATE[move.target], at=at)
        for name, value in fields.items():
            setattr(self, name, value)
        self.state = move.target
        self.save(update_fields=["state", *fields])
        VisitEvent.objects.create(
            visit=self, at=at, by=by, action=move.name, from_state=from_state, to_state=move.target, note=note
        )

    def _open_step(self, number: int, *, at) -> "VisitStep":
        standard = SopStep.objects.filter(number=number).values_list("standard_minutes", flat=True).first()
        return VisitStep.objects.create(visit=self, number=number, started_at=at, standard_minutes=standard)


def _fields_for(move: Move, given: dict) -> dict:
    """The visit fields a move writes: those it sets (when given) and those it clears."""
    stray = [name for name, value in given.items() if name not in move.sets and value is not None]
    if stray:
        raise TypeError(f"move {move.name!r} does not set {stray}")
    fields = {name: value for name, value in given.items() if name in move.sets and value is not None}
    return {**fields, **dict.fromkeys(move.clears)}


def _check_time(step_row: "VisitStep", at) -> None:
    """A move is stamped at or after the start of the step it ends (and so after the arrival)."""
    if at < step_row.started_at:
        raise MoveRefused(
            f"Waktu langkah tidak boleh sebelum langkah {step_row.number} dimulai "
            f"(pukul {local_time(step_row.started_at)})."
        )


def _next_queue_seq(day) -> int:
    """The day's next queue number, taken atomically: two desks never get the same one."""
    table = QueueCounter._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} (day, last) VALUES (%s, 1) "
            f"ON CONFLICT (day) DO UPDATE SET last = {table}.last + 1 RETURNING last",
            [day],
        )
        return cursor.fetchone()[0]


class QueueCounter(models.Model):
    day = models.DateField(primary_key=True)
    last = models.PositiveIntegerField(default=0)


class VisitStep(models.Model):
    """One SOP step of one visit: when it started and ended, who recorded it, the standard then."""

    visit = models.ForeignKey(Visit, on_delete=models.CASCADE, related_name="steps")
    number = models.PositiveSmallIntegerField("langkah")
    started_at = models.DateTimeField("mulai")
    ended_at = models.DateTimeField("selesai", null=True, blank=True)
    ended_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    result = models.CharField("hasil", max_length=20, choices=StepResult.choices, blank=True)
    standard_minutes = models.PositiveSmallIntegerField("standar (menit)", null=True, blank=True)
    # Whole seconds, rounded up, so that "duration_seconds <= standard * 60" is exactly "within the
    # standard": reports aggregate this integer the same way on PostgreSQL and SQLite.
    duration_seconds = models.PositiveIntegerField("durasi (detik)", null=True, blank=True)
    received_at = models.DateTimeField("diterima pejabat", null=True, blank=True)
    received_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="pejabat yang menerima",
        null=True, blank=True, on_delete=models.PROTECT, related_name="+",
    )

    class Meta:
        ordering = ["started_at", "id"]
        verbose_name = "langkah kunjungan"
        verbose_name_plural = "langkah kunjungan"
        constraints = [
            models.UniqueConstraint(
                fields=["visit"], condition=models.Q(ended_at__isnull=True), name="one_open_step_per_visit"
            ),
        ]
        indexes = [models.Index(fields=["started_at"], name="visitstep_started")]

    def end(self, *, result: str, at, by) -> None:
        self.ended_at, self.ended_by, self.result = at, by, result
        self.duration_seconds = math.ceil((at - self.started_at).total_seconds())
        self.save(update_fields=["ended_at", "ended_by", "result", "duration_seconds"])

    @property
    def duration(self) -> timedelta | None:
        return self.ended_at - self.started_at if self.ended_at else None

    @property
    def standard(self) -> timedelta | None:
        return timedelta(minutes=self.standard_minutes) if self.standard_minutes else None

    @property
    def complies(self) -> bool | None:
        """Within the standard in force when the step ran; None when there is no verdict."""
        if self.result != StepResult.DONE or self.standard is None:
            return None
        return self.duration <= self.standard

    # --- for the live boards: elapsed time against the standard ------------------------

    @property
    def standard_seconds(self) -> int | None:
        return self.standard_minutes * 60 if self.standard_minutes else None

    @property
    def elapsed_seconds(self) -> int:
        return int(((self.ended_at or clock.now()) - self.started_at).total_seconds())

    @property
    def elapsed_text(self) -> str:
        return clock_text(self.elapsed_seconds)

    @property
    def duration_text(self) -> str:
        return clock_text(int(self.duration.total_seconds())) if self.duration is not None else ""

    @property
    def level_class(self) -> str:
        return timer_level_class(self.elapsed_seconds, self.standard_seconds)


def timer_level_class(elapsed_seconds: int, standard_seconds: int | None) -> str:
    """Green within the standard, amber in its last 20%, red over it (grey: no standard).

    static/js/pojok.js applies the same rule as the timers tick in the browser.
    """
    if not standard_seconds:
        return "text-bg-secondary"
    if elapsed_seconds > standard_seconds:
        return "text-bg-danger"
    if elapsed_seconds > 0.8 * standard_seconds:
        return "text-bg-warning"
    return "text-bg-success"


def clock_text(seconds: int) -> str:
    minutes, secs = divmod(max(seconds, 0), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


class VisitEvent(models.Model):
    """The append-only history: one row for every change of a visit."""

    visit = models.ForeignKey(Visit, on_delete=models.CASCADE, related_name="events")
    at = models.DateTimeField("waktu")
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="oleh", null=True, blank=True,
        on_delete=models.PROTECT, related_name="+",
    )
    action = models.CharField("tindakan", max_length=20)
    from_state = models.CharField("dari", max_length=20, choices=State.choices, blank=True)
    to_state = models.CharField("ke", max_length=20, choices=State.choices)
    note = models.TextField("catatan", blank=True)

    class Meta:
        ordering = ["at", "id"]
        verbose_name = "riwayat kunjungan"
        verbose_name_plural = "riwayat kunjungan"

    @property
    def action_label(self) -> str:
        move = MOVES.get(self.action)
        return move.label if move else "Tamu didaftarkan"

    def __str__(self) -> str:
        return f"{date_format(timezone.localtime(self.at), 'SHORT_DATETIME_FORMAT')} {self.action_label}"
