"""Searching past consultations: by guest, origin, topic, document, date and words; paginated."""

import csv
import io
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from pojok import roles
from tests.factories import bidang, make_user, make_visit, wib
from visits import search
from visits.models import DocumentType, Mode, record_consultation

pytestmark = pytest.mark.django_db


@pytest.fixture
def history(people, staf_lain, topic):
    """Closed consultations on fixed days, in Bidang Anggaran (ani) and one in Bidang Aset (dodi)."""
    actors = {"anggaran": people["staf"], "aset": staf_lain}

    def make(
        *,
        day,
        guest="Siti Aminah",
        origin="Dinas Kesehatan",
        problem="",
        outcome="Dijelaskan",
        documents=(),
        other_documents="",
        code="anggaran",
        with_topic=False,
    ):
        at = wib(day=day, hour=9)
        visit = make_visit(people["petugas"], at=at, guest_name=guest, origin=origin)
        for minute, name in enumerate(["greet", "report", "route"], start=1):
            by = people["kasubbag" if name == "route" else "petugas"]
            visit.advance(
                name,
                by=by,
                at=at + timedelta(minutes=minute),
                bidang=bidang(code) if name == "route" else None,
                topic=topic if name == "route" and with_topic else None,
            )
        visit.advance("receive", by=actors[code], at=at + timedelta(minutes=5))
        record_consultation(
            visit=visit,
            by=actors[code],
            mode=Mode.PROVISION,
            problem=problem,
            outcome=outcome,
            other_documents=other_documents,
            documents=list(DocumentType.objects.filter(code__in=documents)),
        )
        visit.advance("finish", by=actors[code], at=at + timedelta(minutes=30))
        return visit

    return make


def _found(client, **params) -> str:
    response = client.get(reverse("visits:consultation_search"), params)
    assert response.status_code == 200
    return response.content.decode()


def _rows(html: str) -> int:
    return html.count("data-consultation=")


@pytest.fixture
def sample(history):
    return {
        "dpa": history(
            day=3,
            guest="Rahmat Hidayat",
            origin="Kecamatan Natar",
            problem="Pergeseran anggaran DPA",
            outcome="Ajukan pergeseran lewat SIPD dengan nota dinas",
            documents=["DPA"],
            with_topic=True,
        ),
        "spj": history(
            day=10,
            guest="Dewi Lestari",
            origin="Dinas Sosial",
            problem="SPJ ganda",
            outcome="Kembalikan kelebihan bayar ke kas daerah",
            other_documents="Kuitansi, SP2D",
        ),
        "rka": history(
            day=17,
            guest="Rahmat Hidayat",
            origin="Kecamatan Natar",
            problem="Penyusunan RKA",
            outcome="Gunakan format RKA terbaru",
            documents=["RKA"],
        ),
        "aset": history(
            day=12,
            guest="Rahmat Hidayat",
            origin="Kecamatan Natar",
            problem="Pergeseran KIB",
            outcome="Rahasia Bidang Aset: pemutakhiran KIB",
            code="aset",
        ),
    }


@pytest.mark.parametrize(
    "params, expected",
    [
        ({}, ["rka", "spj", "dpa"]),  # newest first, only the user's Bidang
        ({"tamu": "rahmat"}, ["rka", "dpa"]),
        ({"asal": "sosial"}, ["spj"]),
        ({"q": "pergeseran"}, ["dpa"]),
        ({"q": "kas daerah"}, ["spj"]),
        ({"q": "nota SIPD"}, ["dpa"]),
        ({"q": "kuitansi"}, ["spj"]),
        ({"q": "tidakada"}, []),
        ({"dokumen": "DPA"}, ["dpa"]),
        ({"dokumen": "SP2D"}, ["spj"]),  # written in the free text
        ({"dari": "2026-11-05", "sampai": "2026-11-15"}, ["spj"]),
        ({"dari": "2026-11-10"}, ["rka", "spj"]),
        ({"topik": "topic"}, ["dpa"]),
    ],
)
def test_staff_find_their_bidangs_consultations(client_of, staf, sample, topic, params, expected):
    params = dict(params)
    if "dokumen" in params:
        params["dokumen"] = DocumentType.objects.get(code=params["dokumen"]).pk
    if "topik" in params:
        params["topik"] = topic.pk
    html = _found(client_of(staf), **params)
    found = [name for name, visit in sample.items() if f'data-consultation="{visit.consultation.pk}"' in html]
    order = sorted(found, key=lambda name: html.index(f'data-consultation="{sample[name].consultation.pk}"'))
    assert order == expected
    assert "Rahasia Bidang Aset" not in html


def test_results_paginate_and_keep_the_filters(client_of, staf, history):
    for day in range(1, 24):
        history(day=day, guest=f"Tamu {day:02d}", problem="Konsultasi SPM", outcome="Lengkapi SPM")
    client = client_of(staf)
    first = _found(client, q="SPM")
    assert _rows(first) == 20 and "23 konsultasi ditemukan" in first
    assert "halaman=2" in first and "q=SPM" in first.split("data-next-page")[0].rsplit("href=", 1)[1]
    second = _found(client, q="SPM", halaman=2)
    assert _rows(second) == 3 and "Halaman 2 dari 2" in second


def test_a_guests_earlier_visits_are_one_click_away(client_of, staf, sample):
    html = _found(client_of(staf), q="RKA")
    link = html.split("data-guest-history")[0].rsplit('href="', 1)[1].split('"')[0]
    assert link == "?tamu=Rahmat%20Hidayat"
    again = _found(client_of(staf), tamu="Rahmat Hidayat")
    assert _rows(again) == 2


def test_the_consultation_page_lists_the_guests_earlier_visits(client_of, staf, sample):
    page = client_of(staf).get(reverse("visits:consultation", args=[sample["rka"].pk])).content.decode()
    earlier = page.split("Kunjungan sebelumnya dari tamu ini")[1]
    assert "Ajukan pergeseran lewat SIPD" in earlier and "Rahasia Bidang Aset" not in earlier


@pytest.mark.parametrize(
    "params, field_message",
    [
        ({"dari": "kemarin"}, "Tulis tanggal seperti 2026-11-01."),
        ({"dari": "2026-11-20", "sampai": "2026-11-01"}, "Tanggal akhir tidak boleh sebelum tanggal awal."),
        ({"dokumen": "999999"}, "Pilih dokumen dari daftar."),
        ({"topik": "abc"}, "Pilih topik dari daftar."),
        ({"q": "x" * 201}, "200"),
    ],
)
def test_bad_search_input_gets_a_message_and_no_500(client_of, staf, sample, params, field_message):
    html = _found(client_of(staf), **params)
    assert field_message in html and _rows(html) == 0


def test_managers_search_every_bidang_and_may_pick_one(client_of, pimpinan, admin_user, sample):
    for reader in (pimpinan, admin_user):
        html = _found(client_of(reader))
        assert _rows(html) == 4 and "Rahasia Bidang Aset" in html
        only_aset = _found(client_of(reader), bidang="aset")
        assert _rows(only_aset) == 1


def test_the_export_has_the_same_results_as_the_page(client_of, staf, sample):
    response = client_of(staf).get(reverse("visits:consultation_export"), {"tamu": "Rahmat"})
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig")), delimiter=";"))
    assert rows[0][:4] == ["Tanggal", "Antrean", "Bidang", "Tamu"]
    assert [row[0] for row in rows[1:]] == ["17/11/2026", "03/11/2026"]
    assert rows[2][9] == "DPA" and rows[2][6] == "Penyelesaian langsung"
    assert all("Rahasia" not in cell for row in rows for cell in row)


def test_the_export_neutralises_spreadsheet_formulas(client_of, staf, history):
    history(day=4, guest='=HYPERLINK("http://x")', outcome="+62 angka")
    response = client_of(staf).get(reverse("visits:consultation_export"))
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig")), delimiter=";"))
    assert rows[1][3] == '\'=HYPERLINK("http://x")' and rows[1][8] == "'+62 angka"


def test_the_search_page_query_count_does_not_grow_with_the_results(client_of, staf, history):
    client = client_of(staf)
    history(day=1, documents=["SPD", "SPM"])
    with CaptureQueriesContext(connection) as few:
        client.get(reverse("visits:consultation_search"))
    for day in range(2, 8):
        history(day=day, documents=["SPD", "SPM"])
    with CaptureQueriesContext(connection) as many:
        client.get(reverse("visits:consultation_search"))
    assert len(many) == len(few)


def test_only_readers_of_consultations_open_the_search(client_of, petugas, kasubbag):
    for user in (petugas, kasubbag):
        assert client_of(user).get(reverse("visits:consultation_search")).status_code == 403
        assert client_of(user).get(reverse("visits:consultation_export")).status_code == 403


def test_a_kasubbag_who_is_also_pimpinan_reads_them(client_of, sample):
    both = make_user("yanti", roles.KASUBBAG, roles.PIMPINAN)
    assert _rows(_found(client_of(both))) == 4


def test_a_word_found_more_often_than_a_page_counts_says_more_and_the_export_has_every_match(
        client_of, staf, history, monkeypatch):
    """Past PAGE_COUNT_CAP matches the page says "more than" (on PostgreSQL it ranks only the newest
    PAGE_COUNT_CAP + 1 of them); the export still carries every match, newest first among equals."""
    monkeypatch.setattr(search, "PAGE_COUNT_CAP", 2)
    for day in range(3, 8):
        history(day=day, problem="Pengajuan SP2D ditolak")
    history(day=10, problem="Revisi DPA")
    client = client_of(staf)

    page = client.get(reverse("visits:consultation_search"), {"q": "sp2d"}).content.decode()
    assert "Lebih dari 2 konsultasi ditemukan" in page

    response = client.get(reverse("visits:consultation_export"), {"q": "sp2d"})
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig")), delimiter=";"))
    assert sorted(row[0] for row in rows[1:]) == [f"0{day}/11/2026" for day in range(3, 8)]
