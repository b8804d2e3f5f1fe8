"""Guests at known ages: visits walked through the real lifecycle (routing with its decision and its
e-mail to the Bidang, a consultation record), dated a number of days before today (WIB)."""

from datetime import datetime, time, timedelta

import pytest

from pojok import clock
from tests.factories import WIB, bidang, consult, make_visit
from visits.models import route_visit


def days_ago(days: int, hour: int = 9) -> datetime:
    day = clock.today() - timedelta(days=days)
    return datetime.combine(day, time(hour, 0), tzinfo=WIB)


def guest_visit(people, *, days: int, guest_name="Siti Aminah", phone="", origin="Dinas Kesehatan",
                keperluan="Pergeseran anggaran DPA, dibantu Pak Joko", hour=9, finish=True):
    """A visit `days` ago, routed to Anggaran (decision and e-mail kept), consulted and seen out."""
    at = days_ago(days, hour)
    visit = make_visit(people["petugas"], at=at, guest_name=guest_name, phone=phone, origin=origin,
                       keperluan=keperluan)
    visit.advance("greet", by=people["petugas"], at=at + timedelta(minutes=1))
    visit.advance("report", by=people["petugas"], at=at + timedelta(minutes=2))
    route_visit(visit=visit, by=people["kasubbag"], bidang=bidang("anggaran"), override_reason="uji",
                at=at + timedelta(minutes=4))
    visit.advance("receive", by=people["staf"], at=at + timedelta(minutes=6))
    if finish:
        consult(visit, people["staf"], outcome=f"Dijelaskan kepada {guest_name} cara menggeser anggaran.")
        visit.advance("finish", by=people["staf"], at=at + timedelta(minutes=30))
        visit.advance("see_out", by=people["petugas"], at=at + timedelta(minutes=32))
    visit.refresh_from_db()
    return visit


@pytest.fixture
def staff_with_email(people):
    """Ani gets e-mail, so every routing to Anggaran writes a notification naming the guest."""
    people["staf"].email = "ani@bpkad.example"
    people["staf"].save(update_fields=["email"])
    return people
