"""The SOP report of one hand-made day with walk-ins and remote requests, every figure by hand.

Tuesday 10 November 2026 (WIB). Durations in seconds; step 5 is waiting + consultation.
  W1  tatap muka, Anggaran:           steps 1-6: 300 120 121 60 | 600 + 1200 | 30
  R1  telepon (Kasubbag), Anggaran:   step 4: 240          | 120 + 900
  R2  WhatsApp (Kasubbag), Aset:      step 4: 400 (over)    | 60 + 300
  R3  daring, taken by Ani herself:   (no step 4)          | 30 + 600
  R4  telepon (Kasubbag), cancelled in step 4 after 100 s
Steps 1-3 and 6 do not apply to R1-R4: no rows, so in no share as missing, late or complied.
"""

from datetime import timedelta

import pytest
from django.urls import reverse

from tests.factories import bidang, consult, wib
from tests.reports.conftest import walk
from visits.forms.reports import ReportFilter
from visits.models import Channel, State, Visit
from visits.reports import build_report

DAY = {"periode": "rentang", "dari": "2026-11-10", "sampai": "2026-11-10"}


def remote(people, by, channel, *, at, route_after=None, bidang_code="anggaran", receive_after, close_after):
    visit = Visit.record_remote(by=by, channel=channel, guest_name="Pak Joko", origin="Dinas Sosial",
                                keperluan="Tanya SPJ", phone="0812-3456-7890", at=at)
    moment = at
    if route_after is not None:
        moment += timedelta(seconds=route_after)
        visit.advance("route", by=people["kasubbag"], at=moment, bidang=bidang(bidang_code))
    moment += timedelta(seconds=receive_after)
    staff = people["staf"] if bidang_code == "anggaran" else people["dodi"]
    visit.advance("receive", by=staff, at=moment)
    consult(visit, staff)
    visit.advance("close", by=staff, at=moment + timedelta(seconds=close_after))
    return visit


@pytest.fixture
def mixed_day(people, staf_lain):
    people = {**people, "dodi": staf_lain}
    walk(people, arrived=wib(2026, 11, 10, 9, 0), seconds=[300, 120, 121, 60, 600, 1200, 30], staff=people["staf"])
    remote(people, people["kasubbag"], Channel.TELEPON, at=wib(2026, 11, 10, 10, 0), route_after=240,
           receive_after=120, close_after=900)
    remote(people, people["kasubbag"], Channel.WHATSAPP, at=wib(2026, 11, 10, 11, 0), route_after=400,
           bidang_code="aset", receive_after=60, close_after=300)
    remote(people, people["staf"], Channel.DARING, at=wib(2026, 11, 10, 13, 0), receive_after=30, close_after=600)
    cancelled = Visit.record_remote(by=people["kasubbag"], channel=Channel.TELEPON, guest_name="Bu Rina",
                                    origin="Dinas Pertanian", keperluan="Tanya RKA", at=wib(2026, 11, 10, 14, 0))
    cancelled.advance("cancel", by=people["kasubbag"], at=wib(2026, 11, 10, 14, 0, 100 - 60), note="salah sambung")


def report_of(data):
    filterset = ReportFilter(data)
    assert filterset.is_valid(), filterset.errors
    return build_report(filterset.scope())


def test_the_headline_counts_only_the_steps_that_apply(mixed_day):
    h = report_of(DAY).headline
    assert (h["visits"], h["remote"], h["finished"], h["cancelled"]) == (5, 4, 4, 1)
    # W1: 6 steps, 5 with a standard, 4 within; R1: 4 and 5 (4 within); R2: 4 (over) and 5; R3: 5
    assert (h["steps"], h["with_standard"], h["within"], h["over"]) == (11, 7, 5, 2)
    assert h["share"] == 71.4
    assert h["median_wait"] == 90  # of 600, 120, 60, 30
    assert h["median_consult"] == 750  # of 1200, 900, 300, 600


def test_each_door_step_counts_the_walk_in_alone(mixed_day):
    steps = {step["number"]: step for step in report_of(DAY).steps}
    counts = {number: (s["steps"], s["with_standard"], s["within"]) for number, s in steps.items()}
    assert counts == {1: (1, 1, 1), 2: (1, 1, 1), 3: (1, 1, 0), 4: (3, 3, 2), 5: (4, 0, 0), 6: (1, 1, 1)}
    assert steps[4]["share"] == 66.7 and steps[1]["share"] == 100.0


def test_per_channel(mixed_day):
    rows = {row["code"]: row for row in report_of(DAY).by_channel}
    figures = {code: (r["visits"], r["steps"], r["with_standard"], r["within"], r["share"]) for code, r in rows.items()}
    assert figures == {
        "tatap_muka": (1, 6, 5, 4, 80.0),
        "telepon": (1, 2, 1, 1, 100.0),  # the cancelled call has no step done
        "whatsapp": (1, 2, 1, 0, 0.0),
        "daring": (1, 1, 0, 0, None),
    }
    assert [row["label"] for row in report_of(DAY).by_channel] == [
        "Tatap muka", "Telepon", "WhatsApp", "Daring (rapat video)"]


def test_in_the_office_and_remote_per_bidang(mixed_day):
    rows = {r["label"]: (r["in_office"], r["remote"], r["total"]) for r in report_of(DAY).by_bidang_place}
    assert rows == {"Bidang Anggaran": (1, 2, 3), "Bidang Aset": (0, 1, 1)}


def test_the_monitoring_sheet_says_the_door_steps_did_not_apply(mixed_day):
    sheet = {row["number"]: row for row in report_of(DAY).monitoring}
    assert "Tidak berlaku untuk 4 permintaan jarak jauh" in sheet[1]["note"]
    assert "1 dari 1" in sheet[1]["note"]
    assert "Tidak berlaku" not in sheet[4]["note"] and "2 dari 3" in sheet[4]["note"]


def test_one_channel_alone(mixed_day):
    h = report_of({**DAY, "kanal": "whatsapp"}).headline
    assert (h["visits"], h["remote"], h["steps"], h["with_standard"], h["within"]) == (1, 1, 2, 1, 0)
    walk_ins = report_of({**DAY, "kanal": "tatap_muka"}).headline
    assert (walk_ins["visits"], walk_ins["steps"], walk_ins["within"]) == (1, 6, 4)


def test_the_page_and_the_exports_carry_the_channel(mixed_day, client_of, pimpinan):
    client = client_of(pimpinan)
    page = client.get(reverse("visits:reports"), DAY).content.decode()
    assert 'data-figure="remote">4 jarak jauh' in page
    assert 'data-dimension="channel"' in page and 'data-label="WhatsApp"' in page
    filtered = client.get(reverse("visits:reports"), {**DAY, "kanal": "telepon"}).content.decode()
    assert "Kanal: Telepon" in filtered
    csv = b"".join(client.get(reverse("visits:report_csv"), DAY).streaming_content).decode("utf-8-sig")
    assert "Per kanal" in csv and "Di kantor vs jarak jauh" in csv
    assert '"Bidang Anggaran";1;2;3' in csv  # the Indonesian-Excel dialect: ";"
    detail = csv.split("Rincian langkah yang dihitung")[1].splitlines()
    assert detail[1].endswith('"Kanal"') and sum(line.endswith('"WhatsApp"') for line in detail) == 2
    assert client.get(reverse("visits:report_xlsx"), DAY).status_code == 200


def test_a_bad_channel_is_refused_with_a_message(mixed_day, client_of, pimpinan):
    response = client_of(pimpinan).get(reverse("visits:reports"), {**DAY, "kanal": "merpati"})
    assert response.status_code == 400
    assert "Pilih" in response.content.decode() or "valid" in response.content.decode()


def test_the_remote_visits_never_opened_a_door_step(mixed_day):
    for visit in Visit.objects.exclude(channel=Channel.TATAP_MUKA):
        assert not visit.steps.filter(number__in=[1, 2, 3, 6]).exists()
        assert visit.state in (State.DONE, State.CANCELLED)
