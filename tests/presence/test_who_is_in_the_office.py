"""Who is in the office today: set for everyone or one Bidang with exceptions per person, marked by staff
themselves, and read by triage (which prefers a present official) and the Bidang inbox."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from pojok import roles
from presence.models import Presence, Status
from presence.today import arrange
from tests.factories import make_user, make_visit
from visits.models import Channel, Visit

pytestmark = pytest.mark.django_db

MONDAY = date(2026, 11, 23)  # the suite's today


def statuses(day=MONDAY) -> dict:
    return dict(Presence.objects.filter(day=day).values_list("user__username", "status"))


def test_the_kasubbag_sets_the_day_for_everyone_then_an_exception(client_of, kasubbag, staf, staf_lain):
    client = client_of(kasubbag)
    assert client.get(reverse("presence:day")).status_code == 200
    response = client.post(reverse("presence:day"), {"action": "semua", "day": "2026-11-24", "status": "wfh"})
    assert response.status_code == 302 and response["Location"] == "/kehadiran/?tanggal=2026-11-24"
    assert statuses(date(2026, 11, 24)) == {"ani": "wfh", "dodi": "wfh"}
    client.post(reverse("presence:day"), {"action": "orang", "day": "2026-11-24", "user": staf.pk, "status": "wfo"})
    assert statuses(date(2026, 11, 24)) == {"ani": "wfo", "dodi": "wfh"}
    page = client.get(reverse("presence:day"), {"tanggal": "2026-11-24"}).content.decode()
    assert 'data-person="dodi" data-status="wfh"' in page and 'data-in-office="1"' in page
    assert statuses() == {}  # another day is untouched


def test_one_bidang_at_once(client_of, admin_user, staf, staf_lain):
    client_of(admin_user).post(reverse("presence:day"), {"action": "semua", "day": "2026-11-23",
                                                        "status": "dinas_luar", "bidang": staf_lain.bidang_id})
    assert statuses() == {"dodi": "dinas_luar"}


@pytest.mark.parametrize("data", [
    {"action": "semua", "day": "2026-11-23", "status": "libur"},
    {"action": "semua", "day": "kemarin", "status": "wfh"},
    {"action": "orang", "day": "2026-11-23", "user": "999999", "status": "wfh"},
    {"action": "orang", "day": "2026-11-23", "status": "wfh"},
])
def test_bad_input_gets_a_message_and_changes_nothing(client_of, kasubbag, staf, data):
    response = client_of(kasubbag).post(reverse("presence:day"), data)
    assert response.status_code == 400 and "belum disimpan" in response.content.decode()
    assert not Presence.objects.exists()


def test_staff_mark_themselves_and_see_their_colleagues(client_of, staf, kabid_anggaran):
    client = client_of(staf)
    assert client.post(reverse("presence:day"), {"action": "semua", "day": "2026-11-23",
                                                 "status": "wfh"}).status_code == 403
    response = client.post(reverse("presence:mine"), {"status": "wfh", "next": "/bidang/"})
    assert response.status_code == 302 and response["Location"] == "/bidang/"
    assert statuses() == {"ani": "wfh"}
    inbox = client.get(reverse("visits:inbox")).content.decode()
    assert 'data-colleague="ani" data-status="wfh"' in inbox
    assert 'data-colleague="budiman" data-status="wfo"' in inbox  # not marked: in the office
    assert client.post(reverse("presence:mine"), {"status": "libur"}).status_code == 302
    assert statuses() == {"ani": "wfh"}


def test_the_petugas_and_the_pimpinan_may_not_set_anything(client_of, petugas, pimpinan, staf):
    for person in (petugas, pimpinan):
        client = client_of(person)
        assert client.get(reverse("presence:day")).status_code == 403
        assert client.post(reverse("presence:mine"), {"status": "wfh"}).status_code == 403
    assert not Presence.objects.exists()


@pytest.fixture
def kabid_anggaran(seeded):
    return make_user("budiman", roles.STAF, bidang_code="anggaran", full_name="Budiman Kabid", jabatan="kabid",
                     whatsapp="6281311112222")


def _route_page(client, visit):
    return client.get(reverse("visits:triage_route", args=[visit.pk]))


def test_triage_prefers_a_present_official(client_of, people, kabid_anggaran, topics):
    Presence.objects.create(day=MONDAY, user=kabid_anggaran, status=Status.CUTI, set_at=people["petugas"].date_joined)
    visit = Visit.record_remote(by=people["kasubbag"], channel=Channel.TELEPON, guest_name="Pak Joko",
                                origin="Dinas Sosial", keperluan="Revisi DPA belanja modal")
    response = _route_page(client_of(people["kasubbag"]), visit)
    # the Kabid outranks her, but is on leave
    assert response.context["form"].initial["assigned_to"] == people["staf"].pk
    html = response.content.decode()
    assert 'data-official="budiman" data-status="cuti"' in html and 'data-official="ani" data-status="wfo"' in html
    assert "Ani Lestari (Pelaksana) \u00b7 WFO (di kantor)" in html
    assert "data-nobody-in" not in html.split('data-officials-of="')[1].split("data-officials-of")[0]


def test_when_nobody_of_the_bidang_is_in_triage_says_so_and_offers_the_remote_path(
        client_of, people, kabid_anggaran, topics):
    for person in (people["staf"], kabid_anggaran):
        Presence.objects.create(day=MONDAY, user=person, status=Status.WFH, set_at=person.date_joined)
    walk_in = make_visit(people["petugas"], keperluan="Revisi DPA belanja modal")
    walk_in.advance("greet", by=people["petugas"])
    walk_in.advance("report", by=people["petugas"])
    response = _route_page(client_of(people["kasubbag"]), walk_in)
    assert response.context["form"].initial["assigned_to"] is None
    html = response.content.decode()
    assert "Tidak ada staf Bidang Anggaran di kantor hari ini." in html
    assert reverse("visits:remote_new") in html
    assert 'data-wa="official" data-wa-number="6281311112222"' in html  # the Kabid's WhatsApp
    assert 'data-wa-none="official"' in html  # Ani has no number in her profile: no link, and why


def test_setting_the_day_for_everyone_takes_the_same_queries_for_any_number_of_staff(kasubbag, staf):
    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            arrange(day=MONDAY, status=Status.WFH, by=kasubbag)
        return len(captured)

    queries()  # the first also reads the Kasubbag's permissions
    few = queries()
    for i in range(12):
        make_user(f"staf{i}", roles.STAF, bidang_code="aset")
    assert queries() == few  # 13 people, most with a row already: one upsert, not one per person
    assert Presence.objects.filter(day=MONDAY, status=Status.WFH).count() == 13
