"""People and visits for the Bidang's tests.

ani (staf) is a Pelaksana of Bidang Anggaran and wati its Kabid; dodi (staf_lain) is staff of Bidang
Aset. Visits are made "today" a few minutes ago, or at fixed WIB times where a time rule is tested.
"""

from datetime import timedelta

import pytest
from django.utils import timezone

from pojok import clock, roles
from routing.models import Topic
from tests.factories import bidang, make_user, make_visit
from tests.visits.conftest import record_of  # noqa: F401  (a fixture: everything a move may change)
from visits.models import Mode, record_consultation


@pytest.fixture
def kabid(db):
    return make_user("wati", roles.STAF, bidang_code="anggaran", full_name="Wati Kusuma", jabatan="kabid")


@pytest.fixture
def topic(db):
    topic, _ = Topic.objects.get_or_create(
        name="Pergeseran anggaran (uji)", defaults={"bidang": bidang("anggaran")}
    )
    return topic


def _start_of_visit():
    """A few minutes ago, but never yesterday: the inbox shows today's guests only."""
    now = clock.now()
    midnight = timezone.localtime(now).replace(hour=0, minute=0, second=0, microsecond=0)
    return max(now - timedelta(minutes=6), midnight)


@pytest.fixture
def routed(people, topic):
    """A guest routed to Bidang Anggaran (waiting to be received), moves one minute apart."""

    def make(
        *,
        at=None,
        guest_name="Siti Aminah",
        origin="Dinas Kesehatan",
        keperluan="Pergeseran DPA",
        bidang_code="anggaran",
        with_topic=True,
    ):
        at = at or _start_of_visit()
        visit = make_visit(
            people["petugas"], at=at, guest_name=guest_name, origin=origin, keperluan=keperluan
        )
        visit.advance("greet", by=people["petugas"], at=at + timedelta(seconds=20))
        visit.advance("report", by=people["petugas"], at=at + timedelta(seconds=40))
        visit.advance(
            "route",
            by=people["kasubbag"],
            at=at + timedelta(seconds=60),
            bidang=bidang(bidang_code),
            topic=topic if with_topic and bidang_code == "anggaran" else None,
        )
        return visit

    return make


@pytest.fixture
def consulting(routed, people):
    """A guest received by ani, in consultation."""

    def make(**kwargs):
        visit = routed(**kwargs)
        visit.advance(
            "receive", by=people["staf"], at=visit.current_step().started_at + timedelta(seconds=30)
        )
        return visit

    return make


@pytest.fixture
def finished(consulting, people):
    """A consultation recorded and closed: the guest waits to be seen out."""

    def make(
        *, outcome="Pergeseran dapat diajukan lewat SIPD.", problem="Pergeseran antar objek belanja", **kwargs
    ):
        visit = consulting(**kwargs)
        record_consultation(
            visit=visit, by=people["staf"], mode=Mode.PRESCRIPTION, problem=problem, outcome=outcome
        )
        visit.advance(
            "finish", by=people["staf"], at=visit.current_step().received_at + timedelta(seconds=90)
        )
        return visit

    return make
