"""A month of hand-built visits at fixed times, each step lasting exactly what the test says.

October 2026 (WIB). Steps' durations in seconds; step 5 is waiting + consultation.
  V1  5 Oct, Anggaran, topic "Topik uji laporan SOP": 300 (exactly the standard) 120 (exactly) 121 60 | 600 + 1200 | 30
  V2  5 Oct, Aset (dodi):                             301 60 60 300 (exactly)                      | 120 + 1800 | 180
  V3  6 Oct, Anggaran, from Kecamatan Natar:          60 30 30 240                                 | 300 + 600  | 60
  V4  6 Oct, cancelled in step 3 after steps 1 (120) and 2 (90)
  V5  1 Nov: outside October, never counted
"""

from datetime import timedelta

import pytest

from routing.models import Topic
from tests.factories import bidang, consult, make_visit, wib

FULL = [300, 120, 121, 60, 600, 1200, 30]


def walk(people, *, arrived, seconds, staff, bidang_code="anggaran", topic=None, origin="Dinas Kesehatan"):
    """A visit through the real lifecycle, each move `seconds[i]` after the one before."""
    moments = [arrived]
    for value in seconds:
        moments.append(moments[-1] + timedelta(seconds=value))
    visit = make_visit(people["petugas"], arrived_at=arrived, at=moments[1], origin=origin)
    moves = ["greet", "report", "route", "receive", "finish", "see_out"]
    for name, at in zip(moves, moments[2:], strict=False):
        by = {"route": people["kasubbag"], "receive": staff, "finish": staff}.get(name, people["petugas"])
        if name == "finish":
            consult(visit, staff)
        visit.advance(name, by=by, at=at, bidang=bidang(bidang_code) if name == "route" else None,
                      topic=topic if name == "route" else None)
    return visit


@pytest.fixture
def october(people, staf_lain):
    staf = people["staf"]
    topic = Topic.objects.create(name="Topik uji laporan SOP", bidang=bidang("anggaran"))
    v1 = walk(people, arrived=wib(2026, 10, 5, 9, 0), seconds=FULL, staff=staf, topic=topic)
    v2 = walk(people, arrived=wib(2026, 10, 5, 10, 0), seconds=[301, 60, 60, 300, 120, 1800, 180],
              staff=staf_lain, bidang_code="aset")
    v3 = walk(people, arrived=wib(2026, 10, 6, 9, 0), seconds=[60, 30, 30, 240, 300, 600, 60], staff=staf,
              origin="Kecamatan Natar")
    v4 = walk(people, arrived=wib(2026, 10, 6, 11, 0), seconds=[120, 90], staff=staf)
    v4.advance("cancel", by=people["petugas"], at=wib(2026, 10, 6, 11, 10), note="Tamu pulang")
    v5 = walk(people, arrived=wib(2026, 11, 1, 9, 0), seconds=FULL, staff=staf)
    return {"v1": v1, "v2": v2, "v3": v3, "v4": v4, "v5": v5, "topic": topic, "staf_lain": staf_lain}


OCTOBER = {"periode": "bulan", "bulan": "2026-10"}
