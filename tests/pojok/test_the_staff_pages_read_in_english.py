"""A person who chose English reads the staff pages' own words in English (the guest's data, the
Bidang and SOP step names stay as stored). Each page: a few of its fixed words, in both languages."""

import html as html_lib
import re

import pytest
from django.urls import reverse

from pojok import clock
from tests.factories import advance_to, bidang, make_visit

pytestmark = pytest.mark.django_db


def visible_text(page: str) -> str:
    page = re.sub(r"<(script|style)\b.*?</\1>", " ", page, flags=re.S)
    return html_lib.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", page)))


@pytest.fixture
def english(client):
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    return client


@pytest.fixture
def a_day(people):
    """Today: one guest waiting at triage, one received by the Bidang, one consultation finished."""
    now = clock.now()
    waiting = make_visit(people["petugas"], at=now, guest_name="Rudi Hartono")
    advance_to(waiting, ["greet", "report"], people, at=now)
    received = make_visit(people["petugas"], at=now, guest_name="Siti Aminah")
    advance_to(received, ["greet", "report", "route", "receive"], people, at=now)
    done = make_visit(people["petugas"], at=now, guest_name="Joko Susilo")
    advance_to(done, ["greet", "report", "route", "receive", "finish"], people, at=now)
    return {"waiting": waiting, "received": received, "done": done}


# (who, address, English words on the page, the Indonesian words they replace)
PAGES = [
    ("petugas", lambda day: reverse("visits:desk"), ["Today's guest board", "New guest"], ["Papan tamu hari ini"]),
    ("petugas", lambda day: reverse("visits:check_in"), ["Record an arriving guest", "Save & give a queue number"],
     ["Catat tamu datang", "beri nomor antrean"]),
    ("petugas", lambda day: reverse("visits:slip", args=[day["waiting"].pk]), ["Print the slip", "Queue number"],
     ["Cetak slip", "Mohon menunggu"]),
    ("petugas", lambda day: reverse("visits:detail", args=[day["done"].pk]), ["SOP timeline", "Duration"],
     ["Linimasa SOP", "Kepatuhan"]),
    ("kasubbag", lambda day: reverse("visits:triage"), ["Guests waiting to be routed to a Division", "Assign duty"],
     ["Tamu menunggu diarahkan", "Tunjuk piket"]),
    ("kasubbag", lambda day: reverse("visits:routing_quality"), ["Suggestion followed", "Per suggested topic"],
     ["Usulan diikuti", "Per topik usulan"]),
    ("kasubbag", lambda day: reverse("visits:remote_new"), ["Record a remote consultation request", "Cancel"],
     ["Catat permintaan konsultasi", "Batal"]),
    ("staf", lambda day: reverse("visits:inbox"), ["Waiting to be received", "Done today", "Me today"],
     ["Menunggu diterima", "Selesai hari ini", "Saya hari ini"]),
    ("staf", lambda day: reverse("visits:consultation", args=[day["received"].pk]), ["Save draft", "Consultation mode"],
     ["Simpan draf", "Mode konsultasi"]),
    ("staf", lambda day: reverse("visits:consultation", args=[day["done"].pk]),
     ["Consultation record", "Answer or outcome"], ["Catatan konsultasi", "Jawaban atau hasil"]),
    ("staf", lambda day: reverse("visits:consultation_search"), ["1 consultation found.", "Clear the filters"],
     ["konsultasi ditemukan", "Hapus saringan"]),
    ("staf", lambda day: reverse("visits:follow_ups"), ["Follow-ups not done yet"], ["Tindak lanjut yang belum"]),
    ("pimpinan", lambda day: reverse("visits:reports"), ["SOP compliance report", "Per SOP step", "Download PDF"],
     ["Laporan kepatuhan SOP", "Per langkah SOP", "Unduh PDF"]),
    ("pimpinan", lambda day: reverse("visits:report_print"), ["Monitored by,", "Back to the report"],
     ["Yang melakukan monitoring", "Kembali ke laporan"]),
    ("admin_user", lambda day: reverse("audit:rule_changes"), ["History of rule changes", "What changed"],
     ["Riwayat perubahan aturan", "Yang diubah"]),
    ("admin_user", lambda day: reverse("admin:routing_topic_try"), ["Write purpose phrases", "Home"],
     ["Tulis frasa keperluan", "Beranda"]),
]


@pytest.mark.parametrize(("who", "address", "english_words", "indonesian_words"), PAGES,
                         ids=[f"{who}-{i}" for i, (who, *_) in enumerate(PAGES)])
def test_the_page_in_english(request, english, a_day, who, address, english_words, indonesian_words):
    english.force_login(request.getfixturevalue(who))
    url = address(a_day)
    response = english.get(url)
    assert response.status_code == 200, url
    text = visible_text(response.content.decode())
    assert [words for words in english_words if words not in text] == [], url
    assert [words for words in indonesian_words if words in text] == [], url


@pytest.mark.parametrize(("who", "address", "english_words", "indonesian_words"), PAGES,
                         ids=[f"{who}-{i}" for i, (who, *_) in enumerate(PAGES)])
def test_the_page_in_indonesian_by_default(request, client, a_day, who, address, english_words, indonesian_words):
    client.force_login(request.getfixturevalue(who))
    text = visible_text(client.get(address(a_day)).content.decode())
    assert [words for words in indonesian_words if words not in text] == []
    assert [words for words in english_words if words in text] == []


def test_the_route_of_a_guest_is_told_in_english(english, a_day, kasubbag):
    english.force_login(kasubbag)
    text = visible_text(english.get(reverse("visits:triage_route", args=[a_day["waiting"].pk])).content.decode())
    assert "Route to the Division" in text and "Step 4 (standard 5 minutes)" in text
    assert bidang("anggaran").name in text  # the data (a Bidang's name) stays as it is
