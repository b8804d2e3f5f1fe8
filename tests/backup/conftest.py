"""What the backup tests share: a day of real visits, a second database to read a restore with,
and a snapshot of every row of every table to compare the two.

The visits go through the real lifecycle (check-in, moves, routing decisions, consultation records,
a transfer, a cancellation, a lobby call), so every kind of history row exists when the backup is made.
"""

from contextlib import contextmanager
from datetime import timedelta

import pytest
from django.db import connections

from lobby.calls import call_guest
from offices.tenancy import ALL_MARK
from routing.catalog import ensure_topics
from routing.models import Bidang, Topic
from tests.factories import make_visit, wib
from visits.models import (
    Consultation,
    DocumentType,
    Mode,
    RoutingDecision,
    Visit,
    VisitEvent,
    VisitStep,
    finish_consultation,
    record_consultation,
    route_visit,
    transfer_visit,
)

RESTORED = "restored"


def _minutes(n: int):
    return wib(hour=9) + timedelta(minutes=n)


def make_a_day_of_visits(people: dict) -> None:
    """Four guests on 23 November 2026: finished, transferred and re-routed, cancelled, in consultation."""
    petugas, kasubbag, ani, dodi = people["petugas"], people["kasubbag"], people["staf"], people["staf_lain"]
    ensure_topics(Topic, Bidang)  # an earlier transactional test flushed them; the suggestion needs them
    anggaran, aset = Bidang.objects.get(code="anggaran"), Bidang.objects.get(code="aset")
    dpa, _ = DocumentType.objects.get_or_create(code="DPA", defaults={"name": "Dokumen Pelaksanaan Anggaran"})
    need = "Konsultasi pergeseran anggaran DPA"

    finished = make_visit(petugas, at=_minutes(0), guest_name="Siti Aminah", keperluan=need,
                          phone="+6281234567890")
    for n, move in enumerate(["greet", "report"], start=1):
        finished.advance(move, by=petugas, at=_minutes(n))
    route_visit(visit=finished, by=kasubbag, bidang=anggaran, assigned_to=ani, at=_minutes(4))
    finished.advance("receive", by=ani, at=_minutes(6))
    record_consultation(visit=finished, by=ani, mode=Mode.PROVISION, problem="Pergeseran antar sub kegiatan",
                        outcome="Dijelaskan dasar aturannya.", documents=[dpa], follow_up_needed=True,
                        follow_up_due=wib().date() + timedelta(days=7), follow_up_by=ani)
    finish_consultation(visit=finished, by=ani, at=_minutes(30), mode=Mode.PROVISION,
                        problem="Pergeseran antar sub kegiatan",
                        outcome="Dijelaskan dasar aturannya, berkas lengkap.")
    finished.advance("see_out", by=petugas, at=_minutes(32))

    transferred = make_visit(petugas, at=_minutes(10), guest_name="Rudi Hartono", origin="Kecamatan Natar",
                             keperluan=need)
    for n, move in enumerate(["greet", "report"], start=11):
        transferred.advance(move, by=petugas, at=_minutes(n))
    route_visit(visit=transferred, by=kasubbag, bidang=aset, override_reason="Tamu menyebut KIB",
                at=_minutes(13))
    transferred.advance("receive", by=dodi, at=_minutes(15))
    transfer_visit(visit=transferred, by=dodi, to_bidang=anggaran, reason="Urusannya pergeseran DPA",
                   at=_minutes(17))
    route_visit(visit=transferred, by=kasubbag, bidang=anggaran, at=_minutes(19))
    call_guest(visit=transferred, by=ani, at=_minutes(20))

    cancelled = make_visit(petugas, at=_minutes(21), guest_name="Dewi Lestari", origin="Dinas Sosial")
    cancelled.advance("cancel", by=petugas, note="Tamu pulang sebelum disambut", at=_minutes(23))

    consulting = make_visit(petugas, at=_minutes(24), guest_name="Agus <b>Setiawan</b>", keperluan=need)
    for n, move in enumerate(["greet", "report"], start=25):
        consulting.advance(move, by=petugas, at=_minutes(n))
    route_visit(visit=consulting, by=kasubbag, bidang=anggaran, at=_minutes(27))
    consulting.advance("receive", by=ani, at=_minutes(28))
    record_consultation(visit=consulting, by=ani, mode=Mode.MEDIATION, problem="Draf: selisih pagu")

    # The day really holds every kind of history row, so the comparison cannot pass on empty tables.
    assert Visit.objects.count() == 4
    assert VisitStep.objects.count() >= 20 and VisitEvent.objects.count() >= 20
    assert RoutingDecision.objects.count() == 4 and Consultation.objects.count() == 2


def every_row(db) -> dict[str, list[tuple]]:
    """Every row of every table in the database (migrations, sessions, many-to-many tables too), as stored."""
    tables = db.introspection.table_names()
    with db.cursor() as cursor:
        rows = {}
        for table in tables:
            cursor.execute(f"SELECT * FROM {db.ops.quote_name(table)} {ALL_MARK}")
            width = len(cursor.description)
            cursor.execute(f"SELECT * FROM {db.ops.quote_name(table)} {ALL_MARK} ORDER BY "
                           + ", ".join(str(n) for n in range(1, width + 1)))
            rows[table] = cursor.fetchall()
    return rows


@contextmanager
def connection_to(name: str):
    """A connection like the default one but to another database (the restore), not registered as an
    alias: the test reads it with plain SQL, and Django's test isolation lets such connections be."""
    default = connections["default"]
    db = default.__class__({**default.settings_dict, "NAME": name}, alias=RESTORED)
    try:
        yield db
    finally:
        db.close()


HISTORY_TABLES = [model._meta.db_table for model in (
    Visit, VisitStep, VisitEvent, RoutingDecision, Consultation, Consultation.documents.through)]


def assert_restored_identically(restored) -> None:
    """Every visit, step, event, routing decision, consultation... is in the restore, field for field."""
    original, copy = every_row(connections["default"]), every_row(restored)
    for table in HISTORY_TABLES + ["lobby_call"]:
        assert original[table], f"{table} has no rows to compare"
        assert copy[table] == original[table], f"{table} differs after the restore"
    assert sorted(copy) == sorted(original)
    assert copy == original


@pytest.fixture
def day_of_visits(petugas, kasubbag, staf, staf_lain):
    make_a_day_of_visits({"petugas": petugas, "kasubbag": kasubbag, "staf": staf, "staf_lain": staf_lain})
