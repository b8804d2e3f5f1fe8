"""The wait between routing and being received has an admin-set standard, snapshotted when the guest is
routed: its verdicts are exact on a hand-made day, it colours the Bidang's inbox and the desk board, and
it is counted in the report, its monitoring sheet (row 5a) and the files.

12 October 2026, waits in seconds (routed -> received):
  A 300 (exactly the 5-minute standard)  B 301  C 60   -- routed under a 5-minute standard
  D 600 (exactly the new 10 minutes)     E 601         -- routed after the admin set 10 minutes
  F 900, its snapshot emptied: history from before any wait standard, never judged
"""

from datetime import timedelta

import pytest
from django.urls import reverse

from tests.factories import advance_to, make_visit, wib
from tests.reports.conftest import walk
from visits.models import SopStep, VisitStep
from visits.reports import NOT_GOOD, build_report
from visits.reports.tables import tables
from visits.views.inbox import inbox_sections

DAY = {"periode": "rentang", "dari": "2026-10-12", "sampai": "2026-10-12"}


def set_wait_standard(client, minutes) -> None:
    """Through the admin's change form for step 5, as the administrator does it."""
    step = SopStep.objects.get(number=5)
    response = client.post(reverse("admin:visits_sopstep_change", args=[5]), {
        "name": step.name, "short_name": step.short_name, "performer": step.performer,
        "standard_minutes": step.standard_minutes or "", "wait_standard_minutes": minutes})
    assert response.status_code == 302, response.content.decode()[:2000]


def waits(people, seconds_list, hour):
    staf = people["staf"]
    return [walk(people, arrived=wib(2026, 10, 12, hour, 10 * i), seconds=[60, 60, 60, 60, wait, 300, 60],
                 staff=staf) for i, wait in enumerate(seconds_list)]


@pytest.fixture
def hand_made_day(people, admin_user, client_of):
    admin = client_of(admin_user)
    set_wait_standard(admin, 5)
    a, b, c = waits(people, [300, 301, 60], 8)
    set_wait_standard(admin, 10)
    d, e, f = waits(people, [600, 601, 900], 10)
    VisitStep.objects.filter(visit=f, number=5).update(wait_standard_minutes=None)
    return {"a": a, "b": b, "c": c, "d": d, "e": e, "f": f}


def _step5(visit) -> VisitStep:
    return visit.steps.get(number=5)


def test_each_wait_is_judged_against_the_standard_of_its_routing(hand_made_day):
    verdicts = {name: (_step5(v).wait_seconds, _step5(v).wait_standard_minutes, _step5(v).wait_complies)
                for name, v in hand_made_day.items()}
    assert verdicts == {"a": (300, 5, True), "b": (301, 5, False), "c": (60, 5, True),
                        "d": (600, 10, True), "e": (601, 10, False), "f": (900, None, None)}


def test_the_report_counts_the_wait_in_its_own_row(hand_made_day, pimpinan):
    from visits.forms.reports import ReportFilter

    filterset = ReportFilter(DAY)
    assert filterset.is_valid(), filterset.errors
    report = build_report(filterset.scope())
    wait = report.wait
    assert (wait["steps"], wait["with_standard"], wait["within"], wait["over"], wait["share"]) == (6, 5, 3, 2, 60.0)
    # waits 60 300 301 600 601 900: median (301+600)/2 = 450.5 -> 451 (half up); p90 = 601 + 0.5 * 299 = 750.5 -> 751
    assert (wait["median"], wait["p90"], wait["longest"]) == (451, 751, 900)
    assert [row["number"] for row in report.step_rows] == [1, 2, 3, 4, 5, "5a", 6]
    sheet = {row["number"]: row for row in report.monitoring}
    assert sheet["5a"]["assessment"] == NOT_GOOD
    assert "3 dari 5 (60,0%) sesuai standar 10 menit" in sheet["5a"]["note"]
    assert (report.headline["wait_within"], report.headline["wait_with_standard"]) == (3, 5)
    # the step table and the sheet of every file carry the row
    by_title = {table.title: table for table in tables(report)}
    row = next(r for r in by_title["Per langkah SOP"].rows if r[0] == "5a")
    assert row[1:8] == ["Menunggu diterima Bidang", 10, 6, 5, 3, 2, 60.0]
    # the sheet: No, Prosedur, Kelengkapan, Penilaian, …
    assert any(r[0] == "5a" and r[3] == NOT_GOOD for r in by_title["Monitoring Pelaksanaan SOP AP"].rows)
    assert ["Tunggu sesuai standar (%)", 60.0] in by_title["Ringkasan"].rows


def test_the_page_and_the_csv_show_the_wait_row(hand_made_day, pimpinan, client_of):
    client = client_of(pimpinan)
    html = client.get(reverse("visits:reports"), DAY).content.decode()
    assert 'data-step="5a" data-count="6" data-within="3" data-with-standard="5" data-share="60.0"' in html
    assert 'data-step="5a" data-assessment="Tidak berjalan dengan baik"' in html
    assert 'data-figure="wait_share" data-value="60.0">60,0%<' in html
    csv_text = b"".join(client.get(reverse("visits:report_csv"), DAY).streaming_content).decode("utf-8-sig")
    assert "Menunggu diterima Bidang" in csv_text


def test_the_wait_colours_the_inbox_and_the_desk_board(people, staf, client_of, clock):
    SopStep.objects.filter(number=5).update(wait_standard_minutes=10)
    routed_at = clock.now()
    visit = advance_to(make_visit(people["petugas"], at=routed_at - timedelta(minutes=3)),
                       ["greet", "report", "route"], people, at=routed_at - timedelta(minutes=3))
    levels = []
    for minutes in (7, 9, 11):  # routed at 11.00: 7 of 10 minutes ok, 9 near (last 20%), 11 over
        clock.set(routed_at + timedelta(minutes=minutes))
        levels.append(inbox_sections(staf)["waiting"][0]["timer"].level)
    assert levels == ["ok", "near", "over"]
    inbox = client_of(staf).get(reverse("visits:inbox")).content.decode()
    assert 'text-bg-danger" data-elapsed="660" data-standard="600" title="Standar tunggu Bidang 10 menit"' in inbox
    board = client_of(people["petugas"]).get(reverse("visits:desk")).content.decode()
    assert 'text-bg-danger" data-elapsed="660" data-standard="600"' in board
    assert visit.steps.get(number=5).level == "over"


def test_a_wait_standard_belongs_to_step_5_only(admin_user, client_of):
    step = SopStep.objects.get(number=2)
    response = client_of(admin_user).post(reverse("admin:visits_sopstep_change", args=[2]), {
        "name": step.name, "short_name": step.short_name, "performer": step.performer,
        "standard_minutes": step.standard_minutes, "wait_standard_minutes": 5})
    assert response.status_code == 200
    assert "hanya untuk langkah 5" in response.content.decode()
    assert SopStep.objects.get(number=2).wait_standard_minutes is None
