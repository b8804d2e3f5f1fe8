"""A move out of order, by the wrong person, or on an ended visit is refused and changes nothing.

The wrong person gets PermissionDenied; the wrong order or state gets MoveRefused (with the reason).
"""

import pytest
from django.core.exceptions import PermissionDenied

from tests.factories import advance_to, bidang, make_visit, wib
from visits.models import MoveRefused

UP_TO_TRIAGE = ["greet", "report"]
UP_TO_WAITING = ["greet", "report", "route"]
UP_TO_CONSULTING = ["greet", "report", "route", "receive"]
ALL = ["greet", "report", "route", "receive", "finish", "see_out"]


def refuse(visit, move, by, record_of, *, error=MoveRefused, **kwargs) -> str:
    """Try the move; assert it was refused and that nothing changed. Returns the message."""
    before = record_of(visit)
    kwargs.setdefault("bidang", bidang("anggaran") if move == "route" else None)
    with pytest.raises(error) as refusal:
        visit.advance(move, by=by, at=wib(hour=11), **kwargs)
    assert record_of(visit) == before
    return str(refusal.value)


@pytest.mark.parametrize(
    "done, move, actor, stage",
    [
        ([], "report", "petugas", "Menunggu disambut"),
        ([], "see_out", "petugas", "Menunggu disambut"),
        (["greet"], "route", "kasubbag", "Menunggu dilaporkan ke Kasubbag"),
        (UP_TO_TRIAGE, "see_out", "petugas", "Menunggu diarahkan ke Bidang"),
        (UP_TO_WAITING, "finish", "staf", "Menunggu diterima Bidang"),
        (UP_TO_CONSULTING, "see_out", "petugas", "Sedang konsultasi"),
    ],
)
def test_it_rejects_skipping_a_step(people, record_of, done, move, actor, stage):
    visit = advance_to(make_visit(people["petugas"], at=wib(hour=9)), done, people)

    message = refuse(visit, move, people[actor], record_of)

    assert "belum dapat dilakukan" in message
    assert f"tahap \u201c{stage}\u201d" in message


@pytest.mark.parametrize(
    "done, move, actor",
    [
        (UP_TO_TRIAGE, "route", "petugas"),
        (UP_TO_WAITING, "receive", "petugas"),
        ([], "greet", "kasubbag"),
        (["greet"], "report", "kasubbag"),
        (UP_TO_WAITING, "receive", "staf_lain"),
        (UP_TO_CONSULTING, "finish", "staf_lain"),
        ([], "cancel", "staf"),
        (UP_TO_CONSULTING, "see_out", "staf"),
    ],
)
def test_it_refuses_a_move_outside_the_role(people, staf_lain, record_of, done, move, actor):
    visit = advance_to(make_visit(people["petugas"], at=wib(hour=9)), done, people)
    by = staf_lain if actor == "staf_lain" else people[actor]

    message = refuse(visit, move, by, record_of, note="alasan", error=PermissionDenied)

    assert message.startswith("Anda tidak berwenang untuk langkah")


@pytest.mark.parametrize("move", ["greet", "report", "route", "receive", "finish", "see_out", "cancel"])
def test_pimpinan_cannot_move_anything(people, pimpinan, record_of, move):
    visit = advance_to(make_visit(people["petugas"], at=wib(hour=9)), [], people)

    assert refuse(visit, move, pimpinan, record_of, note="alasan", error=PermissionDenied).startswith(
        "Anda tidak berwenang")


def test_staff_of_another_bidang_cannot_receive_through_a_colleague(people, staf_lain, record_of):
    visit = advance_to(make_visit(people["petugas"], at=wib(hour=9)), UP_TO_WAITING, people)

    message = refuse(visit, "receive", people["staf"], record_of, official=staf_lain)

    assert message == "Pejabat yang menerima harus dari Bidang tujuan tamu."


@pytest.mark.parametrize(
    "move, expected",
    [
        ("greet", "Tamu ini sudah disambut oleh Budi Santoso pukul 09.01."),
        ("see_out", "Tamu ini sudah diantar keluar oleh Budi Santoso pukul 09.06."),
        ("cancel", "Kunjungan ini sudah berakhir (selesai)."),
    ],
)
def test_a_finished_visit_takes_no_more_moves(people, record_of, move, expected):
    visit = advance_to(make_visit(people["petugas"], at=wib(hour=9)), ALL, people)

    assert refuse(visit, move, people["petugas"], record_of, note="alasan") == expected


@pytest.mark.parametrize(
    "move, expected",
    [
        ("greet", "Kunjungan ini sudah berakhir (batal)."),
        ("report", "Kunjungan ini sudah berakhir (batal)."),
        ("cancel", "Tamu ini sudah dibatalkan oleh Budi Santoso pukul 09.01."),
    ],
)
def test_a_cancelled_visit_takes_no_more_moves(people, record_of, move, expected):
    visit = make_visit(people["petugas"], at=wib(hour=9))
    visit.advance("cancel", by=people["petugas"], at=wib(hour=9, minute=1), note="salah input")

    assert refuse(visit, move, people["petugas"], record_of, note="alasan") == expected


@pytest.mark.parametrize("note", ["", "   \n "])
def test_it_refuses_to_cancel_without_a_reason(people, record_of, note):
    visit = make_visit(people["petugas"], at=wib(hour=9))

    assert refuse(visit, "cancel", people["petugas"], record_of, note=note) == "Alasan wajib diisi."


def test_it_refuses_to_route_without_a_bidang(people, record_of):
    visit = advance_to(make_visit(people["petugas"], at=wib(hour=9)), UP_TO_TRIAGE, people)

    assert refuse(visit, "route", people["kasubbag"], record_of, bidang=None) == "Pilih Bidang tujuan."


def test_it_refuses_a_time_before_the_guest_arrived(people, record_of):
    visit = make_visit(people["petugas"], at=wib(hour=9))
    before = record_of(visit)

    with pytest.raises(MoveRefused, match=r"sebelum langkah 2 dimulai \(pukul 09\.00\)"):
        visit.advance("greet", by=people["petugas"], at=wib(hour=8, minute=59))

    assert record_of(visit) == before


def test_it_refuses_a_time_before_the_current_step_started(people, record_of):
    visit = advance_to(make_visit(people["petugas"], at=wib(hour=9)), ["greet"], people)  # step 3 from 09.01
    before = record_of(visit)

    with pytest.raises(MoveRefused, match=r"sebelum langkah 3 dimulai \(pukul 09\.01\)"):
        visit.advance("report", by=people["petugas"], at=wib(hour=9, minute=0, second=30))

    assert record_of(visit) == before
