"""A guest's visit and its way through the six SOP steps: the table, the one method, and the verbs.

`MOVES` is every allowed move; `Visit.advance()` is the only code that changes a visit's state: it
checks the table, locks the row, stamps the times, ends and opens the steps (steps.py) and appends
the history row. The verbs at the end (check_in on the model; route_visit, receive_guest,
record_consultation, finish_consultation, transfer_visit, close_stale_visits) are the lifecycle as
the screens and the scheduled jobs use it: each checks what its own data must be, then makes its
move through `advance`. A referral to another office (referrals.sending) ends step 4 with `refer`
(`refer_remote` for a remote request) in the same way, from its own form.

A consultation that does not come through the door (telepon, WhatsApp, daring, surat/e-mail: its
`channel`) uses the same table: `record_remote` registers it in the step where the office's work on it
starts (4, or 5 when the Bidang itself took the call; `record_referred_remote` at 4, for one another
office referred here), and the door's moves (arrive, greet, report,
finish, see_out) are marked for walk-ins only, while "close" ends step 5 of a remote one. So the door's
steps 1-3 and 6 are never opened for it: no row, nothing missing, late or complied in any report, and
no second lifecycle to keep in step with this one.

Refusals follow one rule: the wrong person gets PermissionDenied (the screens load a visit with
visits.access, which says 404 for a visit outside the person's reach); MoveRefused is for the wrong
order or state, and for data a move cannot take, with the reason in words for the user.
"""

import math
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, time

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import connection, models, transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from notifications.outbox import queue_bidang_email, queue_bidang_whatsapp
from offices.current import office_id
from offices.tenancy import MARK, AllOffices, OfficeOwned, OfficeQuerySet, scoped
from pojok import clock
from routing.suggest import suggest

from .. import policy
from .consultation import Consultation
from .master import SopStep
from .steps import QueueCounter, StepResult, VisitStep
from .triage import RoutingDecision

QUEUE_PREFIX = "A"


class State(models.TextChoices):
    ARRIVING = "tiba", _("Tamu datang")
    GREETING = "sambut", _("Menunggu disambut")
    REPORTING = "lapor", _("Menunggu dilaporkan ke Kasubbag")
    TRIAGE = "triase", _("Menunggu diarahkan ke Bidang")
    WAITING = "menunggu", _("Menunggu diterima Bidang")
    CONSULTING = "konsultasi", _("Sedang konsultasi")
    LEAVING = "keluar", _("Selesai konsultasi, menunggu diantar keluar")
    DONE = "selesai", _("Selesai")
    CANCELLED = "batal", _("Batal")
    INCOMPLETE = "tidak_selesai", _("Tidak selesai")


class Channel(models.TextChoices):
    """How a consultation reached the office. Only a walk-in goes through the door's steps (1-3, 6)."""

    TATAP_MUKA = "tatap_muka", _("Tatap muka")
    TELEPON = "telepon", _("Telepon")
    WHATSAPP = "whatsapp", _("WhatsApp")
    DARING = "daring", _("Daring (rapat video)")
    SURAT = "surat", _("Surat/e-mail")


WALK_IN = frozenset({Channel.TATAP_MUKA})
REMOTE = frozenset(Channel) - WALK_IN
DOOR_STEPS = frozenset({1, 2, 3, 6})  # "tidak berlaku" for a remote request: never opened, never counted


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


def _needs_bidang(visit, fields) -> str | None:
    return None if fields.get("bidang") else _("Pilih Bidang tujuan.")


def _official_of_the_bidang(visit, fields) -> str | None:
    official = fields["official"]
    if official.bidang_id != visit.bidang_id:
        return _("Pejabat yang menerima harus dari Bidang tujuan tamu.")
    return None


def _consultation_recorded(visit, fields) -> str | None:
    consultation = getattr(visit, "consultation", None)
    if consultation is None or not consultation.is_complete:
        return _("Lengkapi mode dan hasil konsultasi sebelum menutup.")
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
    page: str = ""  # the URL name of the page with the move's own form; "" for a button (and a note)
    is_receipt: bool = False  # stamps the official's receiving inside step 5 instead of ending a step
    channels: frozenset = frozenset(Channel)  # the channels whose visits make this move (the door's: walk-ins)

    @property
    def is_one_click(self) -> bool:
        """Made with a button (and a note at most): moves that write fields, or that another record goes
        with (a referral), have their own form."""
        return not self.sets and not self.clears and not self.page and self.roles != (policy.SYSTEM,)

    @property
    def ends_early(self) -> bool:
        """Ends the visit before its last step (batal, tidak selesai): the screens mark it so."""
        return self.ends_step_as in (StepResult.CANCELLED, StepResult.INCOMPLETE)


MOVES: dict[str, Move] = {
    move.name: move
    for move in [
        Move("arrive", _("Catat kedatangan"), _("dicatat kedatangannya"),
             frozenset({State.ARRIVING}), State.GREETING, (policy.FRONT_DESK,), channels=WALK_IN),
        Move("greet", _("Sambut"), _("disambut"),
             frozenset({State.GREETING}), State.REPORTING, (policy.FRONT_DESK,), channels=WALK_IN),
        Move("report", _("Laporkan ke Kasubbag"), _("dilaporkan ke Kasubbag Umum"),
             frozenset({State.REPORTING}), State.TRIAGE, (policy.FRONT_DESK,), channels=WALK_IN),
        Move("route", _("Arahkan ke Bidang"), _("diarahkan ke Bidang"),
             frozenset({State.TRIAGE}), State.WAITING, (policy.TRIAGE,),
             sets=("bidang", "topic", "assigned_to", "keperluan"), guard=_needs_bidang, page="visits:triage_route"),
        Move("receive", _("Terima tamu"), _("diterima"),
             frozenset({State.WAITING}), State.CONSULTING, (policy.CONSULT,), guard=_official_of_the_bidang,
             is_receipt=True),
        Move("finish", _("Selesai konsultasi"), _("selesai berkonsultasi"),
             frozenset({State.CONSULTING}), State.LEAVING, (policy.CONSULT,), guard=_consultation_recorded,
             channels=WALK_IN),
        # A remote consultation has no door to see the guest out of: the Bidang closes it (no step 6).
        Move("close", _("Tutup konsultasi"), _("ditutup konsultasinya"),
             frozenset({State.CONSULTING}), State.DONE, (policy.CONSULT,), guard=_consultation_recorded,
             channels=REMOTE),
        Move("see_out", _("Antar keluar"), _("diantar keluar"),
             frozenset({State.LEAVING}), State.DONE, (policy.FRONT_DESK,), channels=WALK_IN),
        Move("transfer", _("Alihkan ke Bidang lain"), _("dialihkan"),
             frozenset({State.WAITING, State.CONSULTING}), State.TRIAGE, (policy.CONSULT,),
             ends_step_as=StepResult.TRANSFERRED, needs_note=True, clears=("bidang", "topic", "assigned_to"),
             page="visits:consultation"),
        # A need that belongs to another OPD (referrals): step 4 ends with the guest sent there; a walk-in
        # is then seen out at the door, a remote request is over.
        Move("refer", _("Rujuk ke OPD lain"), _("dirujuk ke OPD lain"),
             frozenset({State.TRIAGE}), State.LEAVING, (policy.TRIAGE,), needs_note=True, page="referrals:new",
             channels=WALK_IN),
        Move("refer_remote", _("Rujuk ke OPD lain"), _("dirujuk ke OPD lain"),
             frozenset({State.TRIAGE}), State.DONE, (policy.TRIAGE,), needs_note=True, page="referrals:new",
             channels=REMOTE),
        Move("cancel", _("Batalkan"), _("dibatalkan"),
             OPEN_STATES, State.CANCELLED, (policy.FRONT_DESK, policy.TRIAGE),
             ends_step_as=StepResult.CANCELLED, needs_note=True),
        Move("close_stale", _("Tutup sebagai tidak selesai"), _("ditutup sebagai tidak selesai"),
             OPEN_STATES, State.INCOMPLETE, (policy.SYSTEM,),
             ends_step_as=StepResult.INCOMPLETE, needs_note=True),
    ]
}


NOTE_MAX_LENGTH = 500  # a move's note (the reason of a cancellation): refused beyond, never cut


class MoveRefused(Exception):
    """A move that was not made; the message says why, in words for the user."""


def local_time(moment: datetime) -> str:
    return timezone.localtime(moment).strftime("%H.%M")


class VisitQuerySet(OfficeQuerySet):
    def of_day(self, day):
        return self.filter(day=day)

    def open(self):
        return self.filter(state__in=OPEN_STATES)

    def in_states(self, *states):
        return self.filter(state__in=states)


class Visit(OfficeOwned):
    # No index of its own: the composite visit_office_day_state leads with the office and serves every
    # office's reads; with 40 offices the planner preferred the single-column one and read a report's
    # month through it at twice the cost (docs/performance.md).
    office = models.ForeignKey("offices.Office", verbose_name=_("kantor"), on_delete=models.PROTECT,
                               related_name="+", editable=False, db_index=False)
    day = models.DateField(_("tanggal"))
    queue_seq = models.PositiveIntegerField(_("urutan antrean"))
    guest_name = models.CharField(_("nama tamu"), max_length=120)
    origin = models.CharField(_("asal instansi/OPD"), max_length=150)
    phone = models.CharField(_("nomor telepon"), max_length=20, blank=True)
    party_size = models.PositiveSmallIntegerField(
        _("jumlah orang"), default=1, validators=[MinValueValidator(1), MaxValueValidator(50)]
    )
    keperluan = models.TextField(_("keperluan"), max_length=1000)
    channel = models.CharField(_("kanal"), max_length=12, choices=Channel.choices, default=Channel.TATAP_MUKA)
    # The arrival checklist as ticked at check-in ([{"item": ..., "ok": ...}]); complete: None when off.
    arrival_checks = models.JSONField(_("protokol kedatangan"), default=list, blank=True)
    arrival_complete = models.BooleanField(_("protokol kedatangan lengkap"), null=True, blank=True)
    arrived_at = models.DateTimeField(_("waktu datang"))
    state = models.CharField(_("tahap"), max_length=20, choices=State.choices, default=State.ARRIVING)
    bidang = models.ForeignKey(
        "routing.Bidang", verbose_name=_("Bidang"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="visits",
    )
    topic = models.ForeignKey(
        "routing.Topic", verbose_name=_("topik"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="visits",
    )
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("pejabat yang dituju"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="assigned_visits",
    )
    created_by = models.ForeignKey(  # empty for a guest's own check-in at the kiosk
        settings.AUTH_USER_MODEL, verbose_name=_("dicatat oleh"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="+",
    )
    created_at = models.DateTimeField(_("dicatat pada"), default=clock.now)

    objects = scoped(VisitQuerySet)

    class Meta:
        ordering = ["-day", "-queue_seq"]
        verbose_name = _("kunjungan")
        verbose_name_plural = _("kunjungan")
        constraints = [
            models.UniqueConstraint(fields=["office", "day", "queue_seq"], name="visit_queue_number_per_office_day"),
        ]
        indexes = [models.Index(fields=["office", "day", "state"], name="visit_office_day_state")]
        permissions = [
            ("record_front_desk", "Mencatat langkah meja depan (1, 2, 3, 6)"),
            ("route_visit", "Mengarahkan tamu ke Bidang (langkah 4)"),
            ("consult_visit", "Menerima tamu dan mencatat konsultasi Bidangnya (langkah 5)"),
            ("view_sop_report", "Membaca laporan kepatuhan SOP"),
        ]

    def __str__(self) -> str:
        return f"{self.queue_number} {self.guest_name}"

    def get_absolute_url(self) -> str:
        return reverse("visits:detail", args=[self.pk])

    @property
    def queue_number(self) -> str:
        return f"{QUEUE_PREFIX}-{self.queue_seq:03d}"

    @property
    def step(self) -> int | None:
        return STEP_OF_STATE.get(self.state)

    @property
    def is_open(self) -> bool:
        return self.state in OPEN_STATES

    @property
    def is_remote(self) -> bool:
        return self.channel in REMOTE

    @property
    def closing_move(self) -> str:
        """The move that ends step 5: a walk-in goes back to the desk, a remote request is closed."""
        return "close" if self.is_remote else "finish"

    def applies(self, step_number: int) -> bool:
        """Whether an SOP step applies to this visit: the door's steps do not to a remote request."""
        return not (self.is_remote and step_number in DOOR_STEPS)

    def current_step(self) -> "VisitStep | None":
        return self.steps.filter(ended_at__isnull=True).first()

    def moves_for(self, user) -> list[Move]:
        """The moves this user may make now, in the table's order (the board's buttons)."""
        return [
            move for move in MOVES.values()
            if self.state in move.sources and self.channel in move.channels
            and any(policy.can_act_as(user, r, self) for r in move.roles)
        ]

    # --- the lifecycle -------------------------------------------------------------------

    @classmethod
    def check_in(cls, *, by, guest_name, origin, keperluan, phone="", party_size=1,
                 arrived_at=None, at=None, arrival=None) -> "Visit":
        """Log a guest's arrival (step 1) and give them the day's next queue number. `arrival`: the
        checklist as ticked (visits.arrival.checklist)."""
        at = at or clock.now()
        arrived_at = arrived_at or at
        policy.require(policy.can_front_desk, by)
        move = MOVES["arrive"]
        with transaction.atomic():
            day = timezone.localdate(arrived_at)
            visit = cls.objects.create(day=day, queue_seq=_next_queue_seq(day), arrived_at=arrived_at,
                                       created_by=by, created_at=at, state=move.target, guest_name=guest_name,
                                       origin=origin, keperluan=keperluan, phone=phone, party_size=party_size,
                                       **(arrival or {}))
            visit._arrive(move, by=by, at=at)
        return visit

    def _arrive(self, move: "Move", *, by, at) -> None:
        """The rows check_in and the "arrive" move would write one after the other, written at once: step 1
        (from the arrival to now) ended, step 2 open, and both history rows. The standards are read once,
        the visit is not read back: it was just written, in this transaction, by this code. Who may check a
        guest in (the front desk) was asked by check_in."""
        door, greeting = STEP_OF_STATE[State.ARRIVING], STEP_OF_STATE[move.target]
        standards = _standards(door, greeting)
        first = self._new_step(door, at=self.arrived_at, standards=standards)
        _check_time(first, at)
        first.ended_at, first.ended_by, first.result = at, by, move.ends_step_as
        first.duration_seconds = math.ceil((at - first.started_at).total_seconds())
        VisitStep.objects.bulk_create([first, self._new_step(greeting, at=at, standards=standards)])
        VisitEvent.objects.bulk_create([
            VisitEvent(visit=self, at=at, by=by, action="check_in", to_state=State.ARRIVING),
            VisitEvent(visit=self, at=at, by=by, action=move.name, from_state=State.ARRIVING, to_state=move.target),
        ])

    @classmethod
    def check_in_by_guest(cls, *, kiosk_name, guest_name, origin, keperluan, phone="", at=None,
                          arrival=None) -> "Visit":
        """A guest's own check-in at the kiosk: a queue number and step 1, which the petugas confirms
        with the "arrive" move. No person recorded it: `created_by` and the event's `by` stay empty."""
        at = at or clock.now()
        with transaction.atomic():
            return cls._register(at=at, arrived_at=at, created_by=None, event_by=None, phone=phone,
                                 note=f"kios: {kiosk_name}", guest_name=guest_name, origin=origin,
                                 keperluan=keperluan, **(arrival or {}))

    @classmethod
    def record_remote(cls, *, by, channel, guest_name, origin, keperluan, phone="", at=None) -> "Visit":
        """A request by telephone, WhatsApp, video meeting or letter, recorded by whoever took it.

        There is no door, so it starts where the SOP's work starts: taken by the Kasubbag or the
        piket, at step 4 (to be routed like a walk-in); taken by a Bidang's own staff, at step 5,
        already the Bidang's (they took the call). Steps 1-3 and 6 never open: they do not apply.
        """
        at = at or clock.now()
        _check_remote(channel)
        if policy.can_triage(by):
            start = {"state": State.TRIAGE}
        elif policy.can_consult(by):
            start = {"state": State.WAITING, "bidang_id": by.bidang_id, "assigned_to": by}
        else:
            raise PermissionDenied(_("Anda tidak berwenang mencatat permintaan konsultasi."))
        with transaction.atomic():
            return cls._register(at=at, arrived_at=at, created_by=by, event_by=by, channel=channel,
                                 guest_name=guest_name, origin=origin, keperluan=keperluan, phone=phone,
                                 note=f"permintaan {Channel(channel).label.lower()}", **start)

    @classmethod
    def record_referred_remote(cls, *, channel, guest_name, origin, keperluan, phone, referred_from,
                               at=None) -> "Visit":
        """A remote request another office referred here (referrals.sending): at step 4, for this office's
        Kasubbag or piket to route like any other. Nobody of this office recorded it."""
        at = at or clock.now()
        _check_remote(channel)
        with transaction.atomic():
            return cls._register(at=at, arrived_at=at, created_by=None, event_by=None, channel=channel,
                                 guest_name=guest_name, origin=origin, keperluan=keperluan, phone=phone,
                                 note=f"rujukan dari {referred_from}", state=State.TRIAGE)

    @classmethod
    def _register(cls, *, at, arrived_at, created_by, event_by, note="", **guest) -> "Visit":
        """The visit row with the day's next queue number, its first step (1 at the door; 4 or 5 for a
        remote request) and its first history row."""
        day = timezone.localdate(arrived_at)
        visit = cls.objects.create(day=day, queue_seq=_next_queue_seq(day), arrived_at=arrived_at,
                                   created_by=created_by, created_at=at, **guest)
        visit._open_step(visit.step, at=arrived_at)
        VisitEvent.objects.create(visit=visit, at=at, by=event_by, action="check_in", to_state=visit.state,
                                  note=note)
        return visit

    def advance(self, move_name: str, *, by, note: str = "", at=None, official=None, **fields) -> "VisitEvent":
        """Make one move of the MOVES table and return its history row, or change nothing: raise
        PermissionDenied for a person whose role may not make it, MoveRefused for the wrong state.

        `fields` are visit fields the move writes (its `sets`: route's bidang, topic, ...); others
        must be None. `official` is who received the guest (receive): by default the recorder.
        """
        move = MOVES[move_name]
        fields = _fields_for(move, fields)
        note = (note or "").strip()
        if move.needs_note and not note:
            raise MoveRefused(_("Alasan wajib diisi."))
        if len(note) > NOTE_MAX_LENGTH:
            raise MoveRefused(gettext(
                "Alasan terlalu panjang: %(length)d karakter, paling banyak %(max)d. "
                "Persingkat alasannya; belum ada yang diubah."
            ) % {"length": len(note), "max": NOTE_MAX_LENGTH})
        with transaction.atomic():
            locked = Visit.objects.select_for_update().get(pk=self.pk)
            locked._check_move(move, by, {**fields, "official": official or by})
            # Read the clock once the row is ours: a move that waited on another must not be stamped
            # before the step that other move opened.
            at = at or clock.now()
            event = locked._apply(move, by=by, at=at, note=note, official=official or by, fields=fields)
        self.refresh_from_db()
        return event

    def _check_move(self, move: Move, by, fields: dict) -> None:
        if not any(policy.can_act_as(by, role, self) for role in move.roles):
            raise PermissionDenied(_("Anda tidak berwenang untuk langkah “%(step)s”.") % {"step": move.label})
        if self.channel not in move.channels:
            raise MoveRefused(_("Langkah “%(step)s” tidak berlaku untuk konsultasi %(channel)s.")
                              % {"step": move.label, "channel": self.get_channel_display().lower()})
        if self.state not in move.sources:
            raise MoveRefused(self._why_not_now(move))
        refusal = move.guard(self, fields) if move.guard else None
        if refusal:
            raise MoveRefused(refusal)

    def _why_not_now(self, move: Move) -> str:
        earlier = self.events.filter(action=move.name).select_related("by").last()
        if earlier is not None:
            who = earlier.by.display_name if earlier.by else "sistem"
            return _("Tamu ini sudah %(done)s oleh %(who)s pukul %(time)s.") % {
                "done": move.done_phrase, "who": who, "time": local_time(earlier.at)}
        if not self.is_open:
            return _("Kunjungan ini sudah berakhir (%(state)s).") % {"state": self.get_state_display().lower()}
        return _("Langkah “%(step)s” belum dapat dilakukan: tamu pada tahap “%(state)s”.") % {
            "step": move.label, "state": self.get_state_display()}

    def _apply(self, move: Move, *, by, at, note, official, fields: dict) -> "VisitEvent":
        from_state, step_row = self.state, self.current_step()
        _check_time(step_row, at)
        if move.is_receipt:
            step_row.receive(at=at, by=official)
        elif STEP_OF_STATE.get(move.target) != self.step:
            step_row.end(result=move.ends_step_as, at=at, by=by)
            if move.target in OPEN_STATES:
                self._open_step(STEP_OF_STATE[move.target], at=at)
        for name, value in fields.items():
            setattr(self, name, value)
        self.state = move.target
        self.save(update_fields=["state", *fields])
        return VisitEvent.objects.create(
            visit=self, at=at, by=by, action=move.name, from_state=from_state, to_state=move.target, note=note
        )

    def _open_step(self, number: int, *, at) -> "VisitStep":
        step = self._new_step(number, at=at, standards=_standards(number))
        step.save(force_insert=True)
        return step

    def _new_step(self, number: int, *, at, standards: dict) -> "VisitStep":
        standard, wait_standard = standards.get(number, (None, None))
        return VisitStep(visit=self, office_id=self.office_id, number=number, started_at=at,
                         standard_minutes=standard, wait_standard_minutes=wait_standard)


def _standards(*numbers: int) -> dict:
    """{step number: (standard minutes, waiting standard minutes)} of the SOP's steps, in one query."""
    rows = SopStep.objects.filter(number__in=numbers).values_list("number", "standard_minutes",
                                                                  "wait_standard_minutes")
    return {number: (standard, wait) for number, standard, wait in rows}


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
            _("Waktu langkah tidak boleh sebelum langkah %(number)s dimulai (pukul %(time)s).")
            % {"number": step_row.number, "time": local_time(step_row.started_at)}
        )


def _check_remote(channel: str) -> None:
    """A remote request names how it came: refused otherwise, before anything is written."""
    if channel not in REMOTE:
        raise MoveRefused(_("Pilih kanal permintaan jarak jauh (telepon, WhatsApp, daring, surat/e-mail)."))


def _next_queue_seq(day) -> int:
    """The office's next queue number of the day, taken atomically: two desks never get the same one."""
    table = QueueCounter._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} (office_id, day, last) VALUES (%s {MARK}, %s, 1) "
            f"ON CONFLICT (office_id, day) DO UPDATE SET last = {table}.last + 1 RETURNING last",
            [office_id(), day],
        )
        return cursor.fetchone()[0]


class VisitEvent(models.Model):
    """The append-only history: one row for every change of a visit."""

    visit = models.ForeignKey(Visit, on_delete=models.CASCADE, related_name="events")
    objects = scoped(through="visit")  # the office is its visit's
    all_offices = AllOffices()
    at = models.DateTimeField(_("waktu"))
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("oleh"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="+",
    )
    action = models.CharField(_("tindakan"), max_length=20)
    from_state = models.CharField(_("dari"), max_length=20, choices=State.choices, blank=True)
    to_state = models.CharField(_("ke"), max_length=20, choices=State.choices)
    note = models.TextField(_("catatan"), blank=True)

    class Meta:
        ordering = ["at", "id"]
        verbose_name = _("riwayat kunjungan")
        verbose_name_plural = _("riwayat kunjungan")

    @property
    def action_label(self) -> str:
        move = MOVES.get(self.action)
        return move.label if move else _("Tamu didaftarkan")

    def __str__(self) -> str:
        return f"{date_format(timezone.localtime(self.at), 'SHORT_DATETIME_FORMAT')} {self.action_label}"


# --- the verbs: the lifecycle as the screens and the scheduled jobs use it ------------------------
# (check_in and check_in_by_guest are on the model: they make the visit the others move)


class RoutingRefused(MoveRefused):
    """A routing that was not made, with the form field the message belongs next to."""

    def __init__(self, message: str, *, field: str | None = None):
        super().__init__(message)
        self.field = field


def route_visit(*, visit, by, bidang, keperluan: str | None = None, topic=None, assigned_to=None,
                override_reason: str = "", at=None) -> RoutingDecision:
    """Step 4: route the visit, keep the decision against the suggestion, and queue the email to the
    Bidang's staff, in one transaction. The suggestion is computed on the final keperluan; a Bidang
    other than the top suggestion needs a reason."""
    policy.require(policy.can_triage, by)
    keperluan = (visit.keperluan if keperluan is None else keperluan).strip()
    override_reason = (override_reason or "").strip()
    top = suggest(keperluan)[0]
    _check_choice(keperluan=keperluan, bidang=bidang, topic=topic, assigned_to=assigned_to)
    overridden = top.bidang_id != bidang.pk
    if overridden and not override_reason:
        raise RoutingRefused(
            _("Bidang yang dipilih berbeda dari usulan (%(bidang)s): tuliskan alasan singkat.")
            % {"bidang": top.bidang_name},
            field="override_reason",
        )
    with transaction.atomic():
        event = visit.advance("route", by=by, at=at, bidang=bidang, topic=topic, assigned_to=assigned_to,
                              keperluan=keperluan)
        decision = RoutingDecision.objects.create(
            visit=visit, at=event.at, by=by, keperluan=keperluan, suggested_bidang_id=top.bidang_id,
            suggested_topic_id=top.topic_id, bidang=bidang, topic=topic, assigned_to=assigned_to,
            override_reason=override_reason if overridden else "",
        )
        _notify_bidang(decision)
    return decision


def _check_choice(*, keperluan, bidang, topic, assigned_to) -> None:
    if not keperluan:
        raise RoutingRefused(_("Keperluan tamu wajib diisi."), field="keperluan")
    if bidang is None or not bidang.active:
        raise RoutingRefused(_("Pilih Bidang tujuan."), field="bidang")
    if topic is not None and topic.bidang_id != bidang.pk:
        message = _("Topik “%(topic)s” bukan urusan %(bidang)s.") % {"topic": topic, "bidang": bidang}
        raise RoutingRefused(message, field="topic")
    if assigned_to is not None and not (assigned_to.bidang_id == bidang.pk and policy.can_consult(assigned_to)):
        message = _("%(name)s bukan staf %(bidang)s.") % {"name": assigned_to.display_name, "bidang": bidang}
        raise RoutingRefused(message, field="assigned_to")


def _notify_bidang(decision: RoutingDecision) -> None:
    visit = decision.visit
    body = render_to_string("visits/email/routed.txt", {"decision": decision, "visit": visit})
    queue_bidang_email(bidang=decision.bidang, visit=visit, body=body,
                       subject=_("Tamu baru %(number)s: %(name)s (%(origin)s)") % {
                           "number": visit.queue_number, "name": visit.guest_name, "origin": visit.origin})
    queue_bidang_whatsapp(bidang=decision.bidang, visit=visit, template=settings.WHATSAPP_TEMPLATE_ROUTED,
                          parameters=[visit.queue_number, visit.guest_name, visit.origin, decision.bidang.name],
                          text=body)


def receive_guest(*, visit, by, official=None, at=None) -> "VisitEvent":
    """Inside step 5: an official of the Bidang (the recorder, or a colleague) receives the guest."""
    return visit.advance("receive", by=by, official=official, at=at)


def record_consultation(*, visit, by, documents=None, **fields) -> Consultation:
    """Save the consultation record of a visit being consulted: a draft may be partial.

    Only staff of the visit's Bidang may write it, and only while the guest is with them.
    `documents` replaces the documents discussed (an empty list clears them; None leaves them).
    A record left by a Bidang the visit was transferred away from is started afresh, so the new
    Bidang never reads the old Bidang's notes.
    """
    if not policy.can_consult_visit(by, visit):
        raise PermissionDenied(_("Anda tidak berwenang mencatat konsultasi kunjungan ini."))
    if visit.state != State.CONSULTING:
        raise MoveRefused(_("Catatan konsultasi hanya dapat diisi selama tamu sedang berkonsultasi."))
    Consultation.objects.filter(visit=visit).exclude(bidang_id=visit.bidang_id).delete()
    consultation, _created = Consultation.objects.update_or_create(
        visit=visit, defaults={"bidang_id": visit.bidang_id, "recorded_by": by, **fields}
    )
    if documents is not None:
        consultation.documents.set(documents)
    return consultation


def finish_consultation(*, visit, by, documents=None, at=None, **fields) -> Consultation:
    """Save the record and close step 5 together: the guest goes back to the desk to be seen out
    (a remote request is closed: the visit is done).

    Either both happen or neither does (a refused move leaves the earlier draft as it was).
    """
    with transaction.atomic():
        consultation = record_consultation(visit=visit, by=by, documents=documents, **fields)
        visit.advance(visit.closing_move, by=by, at=at)
    return consultation


def transfer_visit(*, visit, by, to_bidang, reason: str, at=None) -> "VisitEvent":
    """Send a misrouted guest back to the Kasubbag's queue (step 4 again), naming the Bidang meant."""
    reason = (reason or "").strip()
    if to_bidang is None or to_bidang.pk == visit.bidang_id:
        raise MoveRefused(_("Pilih Bidang lain yang lebih tepat."))
    if not reason:
        raise MoveRefused(_("Alasan wajib diisi."))
    return visit.advance("transfer", by=by, at=at, note=f"Disarankan ke {to_bidang.name}: {reason}")


# --- the day's end: visits nobody finished --------------------------------------------------


@dataclass(frozen=True)
class Closed:
    visit: Visit
    from_state: str
    note: str


def office_close(day) -> datetime:
    hour, minute = (int(part) for part in settings.OFFICE_CLOSES.split(":"))
    return timezone.make_aware(datetime.combine(day, time(hour, minute)))


def stale_visits(*, at):
    """Open visits of earlier days, and of today once the office has closed."""
    today = timezone.localdate(at)
    stale = Q(day__lt=today)
    if at >= office_close(today):
        stale |= Q(day=today)
    return Visit.objects.filter(stale, state__in=OPEN_STATES).order_by("day", "queue_seq")


def missing_steps_note(visit) -> str:
    names = dict(SopStep.objects.values_list("number", "short_name"))
    missing = [f"{number}. {names.get(number, '')}".strip() for number in range(visit.step, 7)
               if visit.applies(number)]
    received = visit.state == State.CONSULTING
    detail = " (tamu sudah diterima, konsultasi belum ditutup)" if received else ""
    return f"Ditutup otomatis setelah jam kantor; langkah belum tercatat: {'; '.join(missing)}{detail}."


def close_stale_visits(*, at=None) -> list[Closed]:
    """Mark every stale open visit as not completed, keeping what was recorded. Safe to repeat."""
    at = at or clock.now()
    closed = []
    for visit in stale_visits(at=at):
        step = visit.current_step()
        # Stamp the closing at the end of the visit's own working day, so its durations stay sane.
        stamp = min(max(office_close(visit.day), step.started_at if step else visit.arrived_at), at)
        from_state, note = visit.state, missing_steps_note(visit)
        try:
            visit.advance("close_stale", by=None, note=note, at=stamp)
        except MoveRefused:
            continue  # moved on by someone else meanwhile: nothing left to close
        closed.append(Closed(visit=visit, from_state=from_state, note=note))
    return closed
