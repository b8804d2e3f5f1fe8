"""Historical demo visits with realistic step times, written in bulk for large volumes.

Each visit's steps are drawn from a seeded random generator, so a run is repeatable: most steps
keep their standard, some run over, a few visits are cancelled part-way.
"""

import math
import random
from datetime import date, datetime, time, timedelta

from django.db import transaction
from django.utils import timezone

from .models import (
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


def _end(step: VisitStep, result: str, at: datetime, by) -> None:
    """What VisitStep.end() records, without its save: the rows are written in bulk."""
    step.ended_at, step.ended_by, step.result = at, by, result
    step.duration_seconds = math.ceil((at - step.started_at).total_seconds())


class DemoVisits:
    def __init__(self, *, people: dict, bidang: dict, seed: int = 2026):
        self.people, self.bidang, self.rng = people, bidang, random.Random(seed)
        self.standards = dict(SopStep.objects.values_list("number", "standard_minutes"))
        self.counters = dict(QueueCounter.objects.values_list("day", "last"))

    def add(self, count: int, days: int, *, today: date | None = None) -> int:
        today = today or timezone.localdate()
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
        petugas = self.people["petugas"]
        visits = Visit.objects.bulk_create([
            Visit(day=p["day"], queue_seq=p["seq"], guest_name=p["name"], origin=p["origin"],
                  keperluan=p["need"], arrived_at=p["arrived"], created_by=petugas, created_at=p["arrived"],
                  state=STATES_AFTER[p["moves"] - 1] if p["moves"] == len(FORWARD) else State.CANCELLED,
                  bidang=self.bidang[p["code"]] if p["moves"] >= 4 else None)
            for p in plans
        ])
        steps, events = [], []
        for visit, plan in zip(visits, plans):
            self._history(visit, plan, steps, events)
        VisitStep.objects.bulk_create(steps, batch_size=5000)
        VisitEvent.objects.bulk_create(events, batch_size=5000)
        Consultation.objects.bulk_create(
            [self._consultation(visit, plan) for visit, plan in zip(visits, plans) if plan["moves"] > 5],
            batch_size=5000,
        )

    def _consultation(self, visit: Visit, plan: dict) -> Consultation:
        return Consultation(visit=visit, bidang=visit.bidang, mode=self.rng.choice(Mode.values),
                            problem=plan["need"], outcome=self.rng.choice(OUTCOMES),
                            recorded_by=self.people[plan["code"]])

    def _history(self, visit: Visit, plan: dict, steps: list, events: list) -> None:
        """Replay the lifecycle in memory: one step row per SOP step, one event per move."""
        actor = {"front": self.people["petugas"], "triage": self.people["kasubbag"],
                 "consult": self.people[plan["code"]]}
        roles = ["front", "front", "front", "triage", "consult", "consult", "front"]
        at = plan["arrived"]
        events.append(VisitEvent(visit=visit, at=at, by=actor["front"], action="check_in", to_state=State.ARRIVING))
        step = VisitStep(visit=visit, number=1, started_at=at, standard_minutes=self.standards.get(1))
        state = State.ARRIVING
        for index in range(plan["moves"]):
            at = at + plan["durations"][index]
            by, name, target = actor[roles[index]], FORWARD[index], STATES_AFTER[index]
            if name == "receive":
                step.received_at, step.received_by = at, by
            else:
                _end(step, StepResult.DONE, at, by)
                steps.append(step)
                if target != State.DONE:
                    number = step.number + 1
                    step = VisitStep(visit=visit, number=number, started_at=at,
                                     standard_minutes=self.standards.get(number))
            events.append(VisitEvent(visit=visit, at=at, by=by, action=name, from_state=state, to_state=target))
            state = target
        if plan["moves"] < len(FORWARD):
            at = at + timedelta(minutes=1)
            _end(step, StepResult.CANCELLED, at, actor["front"])
            steps.append(step)
            events.append(VisitEvent(visit=visit, at=at, by=actor["front"], action="cancel", from_state=state,
                                     to_state=State.CANCELLED, note="Tamu pulang sebelum selesai dilayani"))


def add_today(count: int, *, people: dict, bidang: dict) -> int:
    """Today's visits at every stage, made through the real lifecycle so the boards have life."""
    now = timezone.now()
    existing = Visit.objects.of_day(timezone.localdate(now)).count()
    rng = random.Random(existing)
    plan = ["greet", "report", "route", "receive", "finish", "see_out"]
    actors = {"greet": "petugas", "report": "petugas", "route": "kasubbag", "see_out": "petugas"}
    made = 0
    for index in range(existing, count):
        code = rng.choice(list(NEEDS))
        moves = plan[: (count - 1 - index) % (len(plan) + 1)]
        arrived = max(now - timedelta(minutes=4 * (len(moves) + 1)), timezone.localtime(now).replace(hour=0, minute=0))
        visit = Visit.check_in(by=people["petugas"], guest_name=f"{rng.choice(NAMES)} {rng.choice(SURNAMES)}",
                               origin=rng.choice(ORIGINS), keperluan=rng.choice(NEEDS[code]),
                               arrived_at=arrived, at=arrived + timedelta(minutes=1))
        for step, name in enumerate(moves, start=2):
            if name == "finish":
                record_consultation(visit=visit, by=people[code], mode=Mode.PRESCRIPTION,
                                    problem=visit.keperluan, outcome=rng.choice(OUTCOMES))
            visit.advance(name, by=people[actors.get(name, code)], at=arrived + timedelta(minutes=step * 2),
                          bidang=bidang[code] if name == "route" else None)
        made += 1
    return made
