"""The WhatsApp links where a person would otherwise copy a number: each carries the right number and,
decoded, the right polite message. A number that is not a mobile one gets no link and says why."""

import re
from html import unescape
from urllib.parse import parse_qs, urlsplit

import pytest
from django.urls import reverse

from booking.models import Booking
from tests.booking.conftest import booking_form
from tests.factories import bidang, consult, make_visit
from visits.models import Channel, Consultation, Visit

pytestmark = pytest.mark.django_db


def wa_links(html: str) -> dict:
    """{data-wa kind: (number, decoded text)} of every click-to-chat link on the page."""
    found = {}
    for tag in re.findall(r"<a [^>]*data-wa=[^>]*>", html):
        kind = re.search(r'data-wa="([^"]*)"', tag).group(1)
        url = urlsplit(unescape(re.search(r'href="([^"]*)"', tag).group(1)))
        assert url.netloc == "wa.me"
        found[kind] = (url.path.strip("/"), parse_qs(url.query)["text"][0])
    return found


def test_the_slip_offers_the_queue_number_by_whatsapp(client_of, petugas):
    visit = make_visit(petugas, phone="+6281234567890")
    links = wa_links(client_of(petugas).get(reverse("visits:slip", args=[visit.pk])).content.decode())
    number, text = links["queue"]
    assert number == "6281234567890"
    assert text.startswith("Yth. Bapak/Ibu Siti Aminah,") and "Nomor antrean Anda A-001" in text
    assert "ruang tunggu" in text


def test_a_landline_gets_no_link_and_says_why(client_of, petugas):
    visit = make_visit(petugas, phone="+62215551234")
    html = client_of(petugas).get(reverse("visits:slip", args=[visit.pk])).content.decode()
    assert "data-wa=" not in html
    assert 'data-wa-none="queue"' in html and "Bukan nomor ponsel Indonesia" in html


def test_the_bidang_answers_a_remote_request_and_sends_the_survey(client_of, kasubbag, staf):
    visit = Visit.record_remote(by=kasubbag, channel=Channel.TELEPON, guest_name="Pak Joko", origin="Dinas Sosial",
                                keperluan="Revisi DPA belanja modal", phone="+6281298765432")
    visit.advance("route", by=kasubbag, bidang=bidang("anggaran"))
    visit.advance("receive", by=staf)
    client = client_of(staf)
    number, text = wa_links(client.get(reverse("visits:consultation", args=[visit.pk])).content.decode())["contact"]
    assert number == "6281298765432"
    assert text.startswith("Yth. Bapak/Ibu Pak Joko (Dinas Sosial), kami dari Bidang Anggaran Badan Pengelola "
                           "Keuangan dan Aset Daerah Kabupaten Lampung Selatan menanggapi")
    assert "perihal: Revisi DPA belanja modal" in text
    consult(visit, staf)
    Consultation.objects.filter(visit=visit).update(follow_up_needed=True)
    visit.advance("close", by=staf)
    links = wa_links(client.get(reverse("visits:consultation", args=[visit.pk])).content.decode())
    survey_text = links["survey"][1]
    token = visit.survey_invitation.token
    assert f"/s/{token}" in survey_text or token in survey_text
    assert "Mohon kesediaan Anda mengisi survei" in survey_text
    assert links["follow_up"][1].startswith("Yth. Bapak/Ibu Pak Joko, menindaklanjuti konsultasi Anda")


def test_a_waiting_walk_in_can_be_told_they_are_called(client_of, people):
    visit = make_visit(people["petugas"], phone="+6281234567890")
    for move in ("greet", "report"):
        visit.advance(move, by=people["petugas"])
    visit.advance("route", by=people["kasubbag"], bidang=bidang("anggaran"))
    html = client_of(people["staf"]).get(reverse("visits:consultation", args=[visit.pk])).content.decode()
    assert "nomor antrean A-001 dipanggil. Silakan menuju Bidang Anggaran" in wa_links(html)["called"][1]


def test_a_guest_without_a_mobile_number_gets_no_link_but_the_reason(client_of, kasubbag, staf):
    visit = Visit.record_remote(by=staf, channel=Channel.SURAT, guest_name="Bu Rina", origin="Dinas Pertanian",
                                keperluan="RKA")
    html = client_of(staf).get(reverse("visits:consultation", args=[visit.pk])).content.decode()
    assert "data-wa=" not in html and "Nomor WhatsApp belum dicatat." in html


def test_the_booking_code_can_be_kept_in_the_guests_own_whatsapp(client, topics):
    client.post(reverse("booking:register", args=["bpkad"]), booking_form(client))
    booking = Booking.objects.get()
    number, text = wa_links(client.get(reverse("booking:done", args=["bpkad"])).content.decode())["booking"]
    assert number == "6281234567890"
    assert ("Kode pendaftaran kunjungan saya ke Pojok Konsultasi Badan Pengelola Keuangan dan Aset Daerah "
            f"Kabupaten Lampung Selatan: {booking.display_code}") in text


def test_the_admin_keeps_a_staff_members_whatsapp_number_in_one_form(client_of, admin_user, staf):
    client = client_of(admin_user)
    url = reverse("admin:pojok_user_change", args=[staf.pk])
    form = client.get(url).context["adminform"].form
    data = {name: value for name, value in form.initial.items() if value is not None and not isinstance(value, list)}
    data.update({"username": staf.username, "bidang": staf.bidang_id, "jabatan": "pelaksana",
                 "groups": [g.pk for g in staf.groups.all()], "date_joined_0": "2026-11-01",
                 "date_joined_1": "08:00:00",
                 "is_active": "on", "whatsapp": "0811-7200-123"})
    data.pop("password", None)
    data.pop("last_login", None)
    data.pop("date_joined", None)
    response = client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    staf.refresh_from_db()
    assert staf.whatsapp == "628117200123"
    data["whatsapp"] = "0721 123456"
    response = client.post(url, data)
    assert response.status_code == 200 and "Bukan nomor ponsel Indonesia" in response.content.decode()
    staf.refresh_from_db()
    assert staf.whatsapp == "628117200123"
