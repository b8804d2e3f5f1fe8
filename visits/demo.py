"""Historical demo visits with realistic step times, written in bulk for large volumes.

Each visit's steps are drawn from a seeded random generator, so a run is repeatable: most steps
keep their standard, some run over, a few visits are cancelled part-way.
"""

import math
import random
from contextlib import contextmanager
from datetime import date, datetime, timedelta

from django.db import connection, transaction

from offices.current import office_id
from pojok import clock

from . import demo_calendar
from .models import (
    Channel,
    Consultation,
    Mode,
    QueueCounter,
    SopStep,
    State,
    StepResult,
    Visit,
    VisitEvent,
    VisitStep,
)

NEEDS = {
    "anggaran": ["Konsultasi pergeseran anggaran DPA", "Penyusunan RKA tahun depan", "Input SIPD penganggaran"],
    "perbendaharaan": ["Pengajuan SPP-UP dan SPM", "SP2D belum terbit", "Konsultasi SPJ bendahara", "Revisi SPD"],
    "akuntansi": ["Rekonsiliasi laporan keuangan", "Penyusunan LKPD", "Jurnal koreksi neraca"],
    "aset": ["Inventarisasi BMD", "Penghapusan barang milik daerah", "Pemutakhiran KIB"],
    "sekretariat": ["Mengantar surat undangan", "Koordinasi kepegawaian", "Permohonan data umum"],
}
NAMES = ["Ahmad", "Siti", "Budi", "Dewi", "Rahmat", "Nur", "Agus", "Sri", "Hendra", "Yuni", "Rudi", "Wati"]
SURNAMES = ["Saputra", "Lestari", "Pratama", "Wulandari", "Hidayat", "Susanti", "Setiawan", "Rahayu"]
ORIGINS = ["Dinas Pendidikan dan Kebudayaan", "Dinas Kesehatan", "Kecamatan Kalianda", "Kecamatan Natar",
           "Dinas Pekerjaan Umum dan Penataan Ruang", "RSUD dr. H. Bob Bazar, SKM", "Dinas Sosial",
           "Kecamatan Jati Agung", "Dinas Pertanian", "Badan Pendapatan Daerah (Bapenda)"]
OUTCOMES = ["Dijelaskan langkah perbaikan dokumen; tamu akan melengkapi berkas.",
            "Dokumen diperiksa bersama dan sudah sesuai ketentuan.",
            "Diberikan contoh format dan dasar aturannya.",
            "Disepakati jadwal rekonsiliasi lanjutan minggu depan."]
# The moves of a visit, with the state each leads to and who makes it: through the door, or a remote
# request taken by the Kasubbag (it starts at step 4 and has no door to be seen out of).
DOOR = [("arrive", State.GREETING, "front"), ("greet", State.REPORTING, "front"),
        ("report", State.TRIAGE, "front"), ("route", State.WAITING, "triage"),
        ("receive", State.CONSULTING, "consult"), ("finish", State.LEAVING, "consult"),
        ("see_out", State.DONE, "front")]
REMOTE_PATH = [("route", State.WAITING, "triage"), ("receive", State.CONSULTING, "consult"),
               ("close", State.DONE, "consult")]
REMOTE_SHARE = 0.15  # requests by telephone, WhatsApp, video meeting or letter, of all consultations
REMOTE_CHANNELS = {Channel.TELEPON: 4, Channel.WHATSAPP: 4, Channel.DARING: 1, Channel.SURAT: 1}
DAY_WEIGHTS = [1.3, 1.1, 1.0, 1.0, 0.7]  # Monday busiest, Friday (the short day) quietest
BATCH = 2000


def _minutes(rng: random.Random, usual: tuple[float, float], over: float, chance_over: float) -> timedelta:
    if rng.random() < chance_over:
        return timedelta(minutes=rng.uniform(usual[1], usual[1] + over))
    return timedelta(minutes=rng.uniform(*usual))


def _within(rng, standards: dict, number: int, share_over: float) -> timedelta:
    std = standards.get(number) or 5
    return _minutes(rng, (std * 0.2, std), std * 1.5, share_over)


def _durations(rng: random.Random, standards: dict) -> list[timedelta]:
    """Durations of steps 1-6, with step 5 split in waiting and consultation."""
    return [_within(rng, standards, 1, 0.08), _within(rng, standards, 2, 0.1), _within(rng, standards, 3, 0.1),
            _within(rng, standards, 4, 0.12),
            timedelta(minutes=rng.uniform(1, 12)),  # waiting for the official
            timedelta(minutes=rng.uniform(8, 50)),  # the consultation itself
            _within(rng, standards, 6, 0.05)]


def _remote_durations(rng: random.Random, standards: dict) -> list[timedelta]:
    """Step 4, the wait for the official to call back or reply, and the consultation by phone or chat."""
    return [_within(rng, standards, 4, 0.12), timedelta(minutes=rng.uniform(2, 25)),
            timedelta(minutes=rng.uniform(5, 25))]


def _phone(rng: random.Random) -> str:
    return f"+628{rng.randint(11, 13)}{rng.randint(10000000, 99999999)}"  # as the forms keep it


class Writer:
    """Writes planned rows: PostgreSQL's COPY (psycopg 3) for speed, bulk_create elsewhere.

    Rows are dicts of column values by attribute name; a column a row leaves out gets the field's
    default, so a field added to a model later does not break the seed.
    """

    def __init__(self):
        self.copy = connection.vendor == "postgresql"

    def visits(self, rows: list[dict]) -> list[int]:
        """Insert the visits and return their ids, in order."""
        if not self.copy:
            return [visit.pk for visit in Visit.objects.bulk_create([Visit(**row) for row in rows])]
        sequence = "SELECT nextval(pg_get_serial_sequence(%s, 'id')) FROM generate_series(1, %s)"
        with connection.cursor() as cursor:
            cursor.execute(sequence, [Visit._meta.db_table, len(rows)])
            ids = [row[0] for row in cursor.fetchall()]
        self._copy(Visit, [{**row, "id": pk} for row, pk in zip(rows, ids, strict=True)], with_id=True)
        return ids

    def no_wait_for_disk(self) -> None:
        """This transaction's commit does not wait for the disk (demo rows: a crash loses a batch, no more)."""
        if self.copy:
            with connection.cursor() as cursor:
                cursor.execute("SET LOCAL synchronous_commit = off")

    def rows(self, model, rows: list[dict]) -> None:
        if self.copy:
            self._copy(model, rows)
        else:
            model.objects.bulk_create([model(**row) for row in rows], batch_size=5000)

    def _copy(self, model, rows: list[dict], *, with_id: bool = False) -> None:
        fields = [f for f in model._meta.concrete_fields if with_id or not f.primary_key]
        defaults = {f.attname: f.get_db_prep_value(f.get_default(), connection) for f in fields}
        if "office_id" in defaults:  # COPY skips save(): the rows are the office's acted for
            defaults["office_id"] = office_id()
        columns = ", ".join(connection.ops.quote_name(f.column) for f in fields)
        connection.ensure_connection()  # the raw psycopg connection, inside the caller's transaction
        with connection.connection.cursor() as cursor, cursor.copy(
                f"COPY {connection.ops.quote_name(model._meta.db_table)} ({columns}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row([row[f.attname] if f.attname in row else defaults[f.attname] for f in fields])


class DemoVisits:
    def __init__(self, *, people: dict, bidang: dict, seed: int = 2026):
        self.people, self.bidang, self.rng = people, bidang, random.Random(seed)
        self.standards = dict(SopStep.objects.values_list("number", "standard_minutes"))
        self.wait_standard = SopStep.objects.filter(number=5).values_list("wait_standard_minutes", flat=True).first()
        self.counters = dict(QueueCounter.objects.values_list("day", "last"))
        self.ids = {name: user.pk for name, user in people.items()}
        self.bidang_ids = {code: b.pk for code, b in bidang.items()}
        self.writer = Writer()
        self.stretches = {}  # each day's office hours, worked out once

    def add(self, count: int, days: int, *, today: date | None = None) -> int:
        """Add `count` visits over the working days among the `days` days before `today` (not included)."""
        today = today or clock.today()
        return self.add_on(demo_calendar.working_days(today - timedelta(days=days), today - timedelta(days=1)), count)

    def add_on(self, days: list[date], count: int) -> int:
        """Add `count` finished (or cancelled) visits spread over `days`, each within office hours."""
        if not days:
            return 0
        weights = [DAY_WEIGHTS[day.weekday()] for day in days]
        made = 0
        while made < count:
            size = min(BATCH, count - made)
            plans = sorted((self._plan(day) for day in self.rng.choices(days, weights=weights, k=size)),
                           key=lambda plan: plan["arrived"])
            for plan in plans:  # queue numbers in the order the guests came
                self.counters[plan["day"]] = plan["seq"] = self.counters.get(plan["day"], 0) + 1
            with transaction.atomic():
                self.writer.no_wait_for_disk()
                self._write(plans)
            made += size
        QueueCounter.objects.bulk_create(
            [QueueCounter(day=d, last=n) for d, n in self.counters.items()],
            update_conflicts=True, unique_fields=["office", "day"], update_fields=["last"],
        )
        analyze(Visit, VisitStep, VisitEvent, Consultation, QueueCounter)
        return made

    def _plan(self, day: date) -> dict:
        rng = self.rng
        code = rng.choice(list(NEEDS))
        remote = rng.random() < REMOTE_SHARE
        path = REMOTE_PATH if remote else DOOR
        durations = (_remote_durations if remote else _durations)(rng, self.standards)
        moves = len(path) if rng.random() > 0.04 else rng.randrange(1, len(path))
        length = sum(durations[:moves], timedelta()) + timedelta(minutes=1 if moves < len(path) else 0)
        channel = rng.choices(list(REMOTE_CHANNELS), weights=list(REMOTE_CHANNELS.values()))[0] if remote else ""
        stretches = self.stretches.get(day) or self.stretches.setdefault(day, demo_calendar.windows(day))
        return {"day": day, "code": code, "arrived": demo_calendar.arrival(rng, day, length, stretches=stretches),
                "durations": durations, "moves": moves, "path": path,
                "channel": channel or Channel.TATAP_MUKA,
                "phone": _phone(rng) if channel in (Channel.TELEPON, Channel.WHATSAPP) else "",
                "name": f"{rng.choice(NAMES)} {rng.choice(SURNAMES)}", "origin": rng.choice(ORIGINS),
                "need": rng.choice(NEEDS[code])}

    def _write(self, plans: list[dict]) -> None:
        office = office_id()  # the visits' and so their steps' (a step carries its visit's office)
        ids = self.writer.visits([{**self._visit_row(p), "office_id": office} for p in plans])
        steps, events = [], []
        for visit_id, plan in zip(ids, plans, strict=True):
            self._history(visit_id, plan, steps, events)
        self.writer.rows(VisitStep, [{**step, "office_id": office} for step in steps])
        self.writer.rows(VisitEvent, events)
        self.writer.rows(Consultation, [
            self._consultation(visit_id, plan) for visit_id, plan in zip(ids, plans, strict=True)
            if any(name in ("finish", "close") for name, _, _ in plan["path"][: plan["moves"]])])

    def _visit_row(self, plan: dict) -> dict:
        path, moves = plan["path"], plan["moves"]
        routed = any(name == "route" for name, _, _ in path[:moves])
        remote = path is REMOTE_PATH
        return {"day": plan["day"], "queue_seq": plan["seq"], "guest_name": plan["name"], "origin": plan["origin"],
                "keperluan": plan["need"], "arrived_at": plan["arrived"], "created_at": plan["arrived"],
                "created_by_id": self.ids["kasubbag" if remote else "petugas"], "channel": plan["channel"],
                "phone": plan["phone"], "state": path[-1][1] if moves == len(path) else State.CANCELLED,
                "bidang_id": self.bidang_ids[plan["code"]] if routed else None}

    def _consultation(self, visit_id: int, plan: dict) -> dict:
        return {"visit_id": visit_id, "bidang_id": self.bidang_ids[plan["code"]], "mode": self.rng.choice(Mode.values),
                "problem": plan["need"], "outcome": self.rng.choice(OUTCOMES), "recorded_by_id": self.ids[plan["code"]],
                "updated_at": plan["arrived"] + sum(plan["durations"][: plan["moves"]], timedelta())}

    def _history(self, visit_id: int, plan: dict, steps: list, events: list) -> None:
        """Replay the lifecycle in memory: one step row per SOP step, one event per move.

        What VisitStep.end() records is written here directly (ceil of the duration in seconds),
        because the rows go to the database in bulk.
        """
        actor = {"front": self.ids["petugas"], "triage": self.ids["kasubbag"], "consult": self.ids[plan["code"]]}
        remote = plan["path"] is REMOTE_PATH
        at, state = plan["arrived"], State.TRIAGE if remote else State.ARRIVING
        note = f"permintaan {Channel(plan['channel']).label.lower()}" if remote else ""
        events.append(_event(visit_id, at, actor["triage" if remote else "front"], "check_in", "", state, note))
        number = 4 if remote else 1
        step = _step(visit_id, number, at, self.standards.get(number))
        for index, (name, target, role) in enumerate(plan["path"][: plan["moves"]]):
            at = at + plan["durations"][index]
            by = actor[role]
            if name == "receive":
                step["received_at"], step["received_by_id"] = at, by
                step["wait_seconds"] = math.ceil((at - step["started_at"]).total_seconds())
            else:
                _end(step, StepResult.DONE, at, by)
                steps.append(step)
                if target != State.DONE:
                    step = _step(visit_id, step["number"] + 1, at, self.standards.get(step["number"] + 1))
                    if step["number"] == 5:
                        step["wait_standard_minutes"] = self.wait_standard
            events.append(_event(visit_id, at, by, name, state, target))
            state = target
        if plan["moves"] < len(plan["path"]):
            at = at + timedelta(minutes=1)
            by = actor["triage" if remote else "front"]
            _end(step, StepResult.CANCELLED, at, by)
            steps.append(step)
            events.append(_event(visit_id, at, by, "cancel", state, State.CANCELLED,
                                 "Tamu pulang sebelum selesai dilayani"))


SEARCH_INDEXES = ("visit_guest_name_trgm", "visit_phone_trgm", "consultation_bidang_search")  # 0011, 0012
BULK_VISITS = 50_000  # from this many new visits on, the search indexes are built after the load


@contextmanager
def search_indexes_built_after(visits: int):
    """A large bulk load on PostgreSQL writes its rows without the GIN search indexes, which are built
    again, as they were, once at the end (as pg_restore does): one build is far cheaper than a million
    insertions into each. Nothing happens on SQLite or for a small load."""
    if connection.vendor != "postgresql" or visits < BULK_VISITS:
        yield
        return
    with connection.cursor() as cursor:
        cursor.execute("SELECT indexname, indexdef FROM pg_indexes WHERE indexname = ANY(%s)", [list(SEARCH_INDEXES)])
        indexes = cursor.fetchall()
        for name, _ in indexes:
            cursor.execute(f"DROP INDEX IF EXISTS {connection.ops.quote_name(name)}")
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute("SET maintenance_work_mem = '256MB'")
            for _, definition in indexes:
                cursor.execute(definition)
            cursor.execute("RESET maintenance_work_mem")


def analyze(*models) -> None:
    """After a bulk load, the planner's statistics now (what autovacuum would do later, if it runs): the
    queries that follow the load (the routing history's, the benchmark's) get real row counts."""
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        for model in models:
            cursor.execute(f"ANALYZE {connection.ops.quote_name(model._meta.db_table)}")


def _step(visit_id: int, number: int, at: datetime, standard) -> dict:
    return {"visit_id": visit_id, "number": number, "started_at": at, "standard_minutes": standard,
            "ended_at": None, "ended_by_id": None, "result": "", "duration_seconds": None,
            "received_at": None, "received_by_id": None, "wait_standard_minutes": None, "wait_seconds": None}


def _end(step: dict, result: str, at: datetime, by: int) -> None:
    step.update(ended_at=at, ended_by_id=by, result=result,
                duration_seconds=math.ceil((at - step["started_at"]).total_seconds()))


def _event(visit_id, at, by, action, from_state, to_state, note="") -> dict:
    return {"visit_id": visit_id, "at": at, "by_id": by, "action": action, "from_state": from_state,
            "to_state": to_state, "note": note}


