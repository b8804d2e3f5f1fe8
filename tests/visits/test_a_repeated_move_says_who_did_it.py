"""A move already made is refused with who made it and when (local time), and changes nothing."""

import pytest

from pojok import roles
from tests.factories import bidang, make_user, make_visit, wib
from visits.models import MoveRefused


def test_a_second_greeting_names_the_first_greeter_and_the_time(people, record_of):
    visit = make_visit(people["petugas"], at=wib(hour=9, minute=10))
    visit.advance("greet", by=people["petugas"], at=wib(hour=9, minute=12, second=40))
    other_petugas = make_user("eko", roles.PETUGAS, full_name="Eko Saputra")
    before = record_of(visit)

    with pytest.raises(MoveRefused) as refusal:
        visit.advance("greet", by=other_petugas, at=wib(hour=9, minute=13))

    assert str(refusal.value) == "Tamu ini sudah disambut oleh Budi Santoso pukul 09.12."
    assert record_of(visit) == before


def test_a_second_routing_names_the_kasubbag(people, record_of):
    visit = make_visit(people["petugas"], at=wib(hour=14))
    visit.advance("greet", by=people["petugas"], at=wib(hour=14, minute=1))
    visit.advance("report", by=people["petugas"], at=wib(hour=14, minute=2))
    visit.advance("route", by=people["kasubbag"], at=wib(hour=14, minute=5), bidang=bidang("anggaran"))
    before = record_of(visit)

    with pytest.raises(MoveRefused) as refusal:
        visit.advance("route", by=people["kasubbag"], at=wib(hour=14, minute=6), bidang=bidang("aset"))

    assert str(refusal.value) == "Tamu ini sudah diarahkan ke Bidang oleh Sri Rahayu pukul 14.05."
    assert record_of(visit) == before
