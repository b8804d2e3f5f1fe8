"""Historical demo visits with realistic step times, written in bulk for large volumes.

Each visit's steps are drawn from a seeded random generator, so a run is repeatable: most steps
keep their standard, some run over, a few visits are cancelled part-way.
"""

import math
import random
from datetime import date, datetime, time, timedelta

from django.db import connection, transaction
from django.utils import timezone

from pojok import clock

from .models import (
    REMOTE,
    Consultation,
    Mode,
    QueueCounter,
    SopStep,
    State,
    StepResult,
    Visit,
    VisitEvent,
    VisitStep,
    record_consultation,
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
FORWARD = ["arrive", "greet", "report", "route", "receive", "finish", "see_out"]
STATES_AFTER = [State.GREETING, State.REPORTING, State.TRIAGE, State.WAITING, State.CONSULTING,
                State.LEAVING, State.DONE]
BATCH = 2000


def _minutes(rng: random.Random, usual: tuple[float, float], over: float, chance_over: float) -> timedelta:
    if rng.random() < chance_over:
        return timedelta(minutes=rng.uniform(usual[1], usual[1] + over))
    return timedelta(minutes=rng.uniform(*usual))


def _durations(rng: random.Random, standards: dict) -> list[timedelta]:
    """Durations of steps 1-6, with step 5 split in waiting and consultation."""
    def within(number, share_over):
        std = standards.get(number) or 5
        return _minutes(rng, (std * 0.2, std), std * 1.5, share_over)
    return [within(1, 0.08), within(2, 0.1), within(3, 0.1), within(4, 0.12),
            timedelta(minutes=rng.uniform(1, 12)),  # waiting for the official
            timedelta(minutes=rng.uniform(8, 50)),  # the consultation itself
            within(6, 0.05)]


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

    def rows(self, model, rows: list[dict]) -> None:
        if self.copy:
            self._copy(model, rows)
        else:
            model.objects.bulk_create([model(**row) for row in rows], batch_size=5000)

    def _copy(self, model, rows: list[dict], *, with_id: bool = False) -> None:
        fields = [f for f in model._meta.concrete_fields if with_id or not f.primary_key]
        defaults = {f.attname: f.get_db_prep_value(f.get_default(), connection) for f in fields}
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

    def add(self, count: int, days: int, *, today: date | None = None) -> int:
        """Add `count` visits over the `days` days before `today` (which is not included)."""
        today = today or clock.today()
        first = today - timedelta(days=days)
        made = 0
        while made < count:
            size = min(BATCH, count - made)
            with transaction.atomic():
                self._write([self._plan(first + timedelta(days=(made + i) % days)) for i in range(size)])
            made += size
        QueueCounter.objects.bulk_create(
            [QueueCounter(day=d, last=n) for d, n in self.counters.items()],
            update_conflicts=True, unique_fields=["day"], update_fields=["last"],
        )
        analyze(Visit, VisitStep, VisitEvent, Consultation, QueueCounter)
        return made

    def _plan(self, day: date) -> dict:
        rng = self.rng
        self.counters[day] = self.counters.get(day, 0) + 1
        code = rng.choice(list(NEEDS))
        start = datetime.combine(day, time(8, 0), tzinfo=timezone.get_current_timezone())
        arrived = start + timedelta(minutes=rng.uniform(0, 7 * 60))
        stop_after = len(FORWARD) if rng.random() > 0.04 else rng.randrange(1, len(FORWARD))
        return {"day": day, "seq": self.counters[day], "code": code, "arrived": arrived,
                "durations": _durations(rng, self.standards), "moves": stop_after,
                "name": f"{rng.choice(NAMES)} {rng.choice(SURNAMES)}", "origin": rng.choice(ORIGINS),
                "need": rng.choice(NEEDS[code])}

    def _write(self, plans: list[dict]) -> None:
        petugas = self.ids["petugas"]
        ids = self.writer.visits([
            {"day": p["day"], "queue_seq": p["seq"], "guest_name": p["name"], "origin": p["origin"],
             "keperluan": p["need"], "arrived_at": p["arrived"], "created_by_id": petugas,
             "created_at": p["arrived"],
             "state": STATES_AFTER[p["moves"] - 1] if p["moves"] == len(FORWARD) else State.CANCELLED,
             "bidang_id": self.bidang_ids[p["code"]] if p["moves"] >= 4 else None}
            for p in plans
        ])
        steps, events = [], []
        for visit_id, plan in zip(ids, plans, strict=True):
            self._history(visit_id, plan, steps, events)
        self.writer.rows(VisitStep, steps)
        self.writer.rows(VisitEvent, events)
        self.writer.rows(Consultation, [
            self._consultation(visit_id, plan) for visit_id, plan in zip(ids, plans, strict=True) if plan["moves"] > 5])

    def _consultation(self, visit_id: int, plan: dict) -> dict:
        return {"visit_id": visit_id, "bidang_id": self.bidang_ids[plan["code"]], "mode": self.rng.choice(Mode.values),
                "problem": plan["need"], "outcome": self.rng.choice(OUTCOMES), "recorded_by_id": self.ids[plan["code"]],
                "updated_at": plan["arrived"]}

    def _history(self, visit_id: int, plan: dict, steps: list, events: list) -> None:
        """Replay the lifecycle in memory: one step row per SOP step, one event per move.

        What VisitStep.end() records is written here directly (ceil of the duration in seconds),
        because the rows go to the database in bulk.
        """
        actor = {"front": self.ids["petugas"], "triage": self.ids["kasubbag"], "consult": self.ids[plan["code"]]}
        roles = ["front", "front", "front", "triage", "consult", "consult", "front"]
        at = plan["arrived"]
        events.append(_event(visit_id, at, actor["front"], "check_in", "", State.ARRIVING))
        step = _step(visit_id, 1, at, self.standards.get(1))
        state = State.ARRIVING
        for index in range(plan["moves"]):
            at = at + plan["durations"][index]
            by, name, target = actor[roles[index]], FORWARD[index], STATES_AFTER[index]
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
        if plan["moves"] < len(FORWARD):
            at = at + timedelta(minutes=1)
            _end(step, StepResult.CANCELLED, at, actor["front"])
            steps.append(step)
            events.append(_event(visit_id, at, actor["front"], "cancel", state, State.CANCELLED,
                                 "Tamu pulang sebelum selesai dilayani"))


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


def add_today(count: int, *, people: dict, bidang: dict) -> int:
    """Today's visits at every stage, made through the real lifecycle so the boards have life."""
    now = clock.now()
    existing = Visit.objects.of_day(timezone.localdate(now)).count()
    rng = random.Random(existing)
    plan = ["greet", "report", "route", "receive", "finish", "see_out"]
    actors = {"greet": "petugas", "report": "petugas", "route": "kasubbag", "see_out": "petugas"}
    made = 0
    for index in range(existing, count):
        code = rng.choice(list(NEEDS))
        moves = plan[: (count - 1 - index) % (len(plan) + 1)]
        arrived = max(now - timedelta(minutes=4 * (len(moves) + 1)), timezone.localtime(now).replace(hour=0, minute=0))
        guest = {"guest_name": f"{rng.choice(NAMES)} {rng.choice(SURNAMES)}", "origin": rng.choice(ORIGINS),
                 "keperluan": rng.choice(NEEDS[code])}
        if index % 4 == 3:  # every fourth: a request by telephone, WhatsApp, video meeting or letter
            _remote_today(rng, people, bidang, code, guest, arrived, len(moves))
            made += 1
            continue
        visit = Visit.check_in(by=people["petugas"], arrived_at=arrived, at=arrived + timedelta(minutes=1), **guest)
        for step, name in enumerate(moves, start=2):
            if name == "finish":
                record_consultation(visit=visit, by=people[code], mode=Mode.PRESCRIPTION,
                                    problem=visit.keperluan, outcome=rng.choice(OUTCOMES))
            visit.advance(name, by=people[actors.get(name, code)], at=arrived + timedelta(minutes=step * 2),
                          bidang=bidang[code] if name == "route" else None)
        made += 1
    return made


def _remote_today(rng, people, bidang, code, guest, at, stage: int) -> None:
    """A remote request of today taken by the Kasubbag: routed, received and closed as far as `stage`."""
    channel = sorted(REMOTE)[stage % len(REMOTE)]
    phone = f"+628{rng.randint(11, 13)}{rng.randint(10000000, 99999999)}"  # as the form keeps it
    visit = Visit.record_remote(by=people["kasubbag"], channel=channel, phone=phone, at=at, **guest)
    moves = ["route", "receive", "close"][: stage % 4]
    for step, name in enumerate(moves, start=1):
        if name == "close":
            record_consultation(visit=visit, by=people[code], mode=Mode.PRESCRIPTION, problem=visit.keperluan,
                                outcome=rng.choice(OUTCOMES))
        by = people["kasubbag" if name == "route" else code]
        visit.advance(name, by=by, at=at + timedelta(minutes=step * 2),
                      bidang=bidang[code] if name == "route" else None)
