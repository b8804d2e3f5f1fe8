"""Small factory functions for test data: people in their roles, and visits at fixed times."""

from datetime import datetime
from zoneinfo import ZoneInfo

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from offices import current
from routing.models import Bidang
from visits.models import Mode, Visit, record_consultation

WIB = ZoneInfo("Asia/Jakarta")
PASSWORD = "sandi-uji-123"


def wib(year=2026, month=11, day=23, hour=9, minute=0, second=0) -> datetime:
    """A fixed moment in Asia/Jakarta time."""
    return datetime(year, month, day, hour, minute, second, tzinfo=WIB)


def bidang(code: str) -> Bidang:
    return Bidang.objects.get(code=code)


def make_user(username: str, *roles: str, bidang_code: str | None = None, full_name: str = "", **extra):
    first, _, last = (full_name or username.title()).rpartition(" ")
    extra.setdefault("office", current.get())
    user = get_user_model().objects.create_user(
        username=username, password=PASSWORD, first_name=first or last, last_name=last if first else "",
        bidang=bidang(bidang_code) if bidang_code else None, **extra,
    )
    user.groups.set(Group.objects.filter(name__in=roles))
    return user


def make_visit(by, *, at=None, guest_name="Siti Aminah", origin="Dinas Kesehatan", keperluan="Konsultasi SPJ",
               **fields) -> Visit:
    """A visit checked in by `by` (a petugas): it starts at step 2, waiting to be greeted."""
    return Visit.check_in(by=by, guest_name=guest_name, origin=origin, keperluan=keperluan,
                          at=at or wib(), **fields)


def consult(visit: Visit, by, *, outcome="Dijelaskan tata cara penyusunan SPJ.") -> None:
    """Record a complete consultation (mode and outcome), as staff must before finishing."""
    record_consultation(visit=visit, by=by, mode=Mode.PROVISION, problem="SPJ belum lengkap", outcome=outcome)


def advance_to(visit: Visit, move_names: list[str], people: dict, *, at=None, bidang_code="anggaran") -> Visit:
    """Walk a visit through moves, each by the right person, one minute apart from `at`."""
    from datetime import timedelta

    at = at or visit.arrived_at
    actors = {"arrive": "petugas", "greet": "petugas", "report": "petugas", "route": "kasubbag",
              "receive": "staf", "finish": "staf", "see_out": "petugas"}
    for index, name in enumerate(move_names, start=1):
        if name == "finish":
            consult(visit, people["staf"])
        visit.advance(name, by=people[actors[name]], at=at + timedelta(minutes=index),
                      bidang=bidang(bidang_code) if name == "route" else None)
    return visit
