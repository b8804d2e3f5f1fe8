"""At the door the code becomes the visit: details filled in, once only, on its own day only."""

from datetime import timedelta

import pytest
from django.urls import reverse

from booking.models import Booking
from pojok import clock
from tests.factories import bidang, make_visit
from visits.models import State, Visit

from .conftest import make_booking

pytestmark = pytest.mark.django_db


def _arrive(client, code, next_url=None):
    return client.post(reverse("booking:arrive"), {"code": code, **({"next": next_url} if next_url else {})})


def test_the_petugas_types_the_code_and_the_visit_starts_with_the_details(client_of, petugas):
    booking = make_booking()
    response = _arrive(client_of(petugas), "pk-7q3 xkd")
    visit = Visit.objects.get()
    assert response.status_code == 302 and response.url == reverse("visits:slip", args=[visit.pk])
    assert (visit.guest_name, visit.origin, visit.phone, visit.keperluan) == (
        "Rudi Hartono", "Dinas Pendidikan", "+6281234567890", "Konsultasi pergeseran anggaran DPA")
    assert visit.state == State.GREETING and visit.created_by == petugas  # arrival recorded, as at the desk
    booking.refresh_from_db()
    assert booking.visit == visit and booking.used_at is not None


def test_a_used_code_is_refused_with_the_queue_number_it_became(client_of, petugas):
    make_booking()
    desk = client_of(petugas)
    _arrive(desk, "PK-7Q3XKD")
    visit = Visit.objects.get()
    response = _arrive(desk, "PK-7Q3XKD", next_url=reverse("visits:desk"))
    assert response.status_code == 302 and response.url == reverse("visits:desk")
    html = desk.get(response.url).content.decode()
    assert f"Kode PK-7Q3XKD sudah dipakai: tamu tercatat dengan nomor antrean {visit.queue_number}" in html
    assert Visit.objects.count() == 1


@pytest.mark.parametrize("days, message", [
    (-1, "sudah kedaluwarsa"),
    (2, "belum berlaku hari ini"),
])
def test_a_code_for_another_day_is_refused(client_of, petugas, days, message):
    make_booking(planned_date=clock.today() + timedelta(days=days))
    desk = client_of(petugas)
    html = desk.get(_arrive(desk, "PK-7Q3XKD").url).content.decode()
    assert message in html and not Visit.objects.exists()
    assert Booking.objects.get().visit is None


@pytest.mark.parametrize("typed, message", [
    ("PK-ZZZZZZ", "Kode PK-ZZZZZZ tidak ditemukan"),
    ("", "Ketik atau pindai kode pendaftaran"),
    ("<b>", "Ketik atau pindai kode pendaftaran"),
])
def test_an_unknown_or_empty_code_changes_nothing(client_of, petugas, typed, message):
    make_booking()
    desk = client_of(petugas)
    html = desk.get(_arrive(desk, typed).url).content.decode()
    assert message in html and not Visit.objects.exists()


def test_only_the_front_desk_records_an_arrival(client, client_of, staf, pimpinan):
    make_booking()
    assert _arrive(client, "PK-7Q3XKD").url.startswith(reverse("login"))
    assert _arrive(client_of(staf), "PK-7Q3XKD").status_code == 403
    assert _arrive(client_of(pimpinan), "PK-7Q3XKD").status_code == 403
    assert client_of(staf).get(reverse("booking:expected")).status_code == 403
    assert not Visit.objects.exists()


def test_arrival_is_post_only(client_of, petugas):
    make_booking()
    assert client_of(petugas).get(reverse("booking:arrive"), {"code": "PK-7Q3XKD"}).status_code == 405
    assert not Visit.objects.exists()


@pytest.mark.parametrize("next_url", ["https://jahat.example/", "//jahat.example/", "bukan-url", "visits:desk"])
def test_next_cannot_send_the_petugas_off_site_or_break_the_page(client_of, petugas, next_url):
    response = _arrive(client_of(petugas), "PK-ZZZZZZ", next_url=next_url)
    assert response.url == reverse("booking:expected")


def test_the_desk_sees_the_days_expected_guests_and_who_came(client_of, petugas):
    make_booking(code="AAAAAA", guest_name="Rudi Hartono")
    make_booking(code="BBBBBB", guest_name="Maya Sari", phone="+6281300000000")
    make_booking(code="CCCCCC", guest_name="Besok Datang", planned_date=clock.today() + timedelta(days=1))
    desk = client_of(petugas)
    _arrive(desk, "PK-AAAAAA")
    html = desk.get(reverse("booking:expected")).content.decode()
    visit = Visit.objects.get()
    assert "Rudi Hartono" in html and "Maya Sari" in html and "Besok Datang" not in html
    assert f"Datang · {visit.queue_number}" in html
    board = desk.get(reverse("visits:desk")).content.decode()
    assert 'data-expected-count>1<' in board and 'name="code"' in board
    tomorrow = (clock.today() + timedelta(days=1)).isoformat()
    assert "Besok Datang" in desk.get(reverse("booking:expected"), {"tanggal": tomorrow}).content.decode()
    assert desk.get(reverse("booking:expected"), {"tanggal": "kemarin"}).status_code == 200


def test_the_kasubbag_sees_the_guest_registered_and_the_suggested_bidang(client_of, people):
    make_booking(suggested_bidang=bidang("aset"))
    _arrive(client_of(people["petugas"]), "PK-7Q3XKD")
    visit = Visit.objects.get()
    for move in ["greet", "report"]:
        visit.advance(move, by=people["petugas"])
    walk_in = make_visit(people["petugas"], guest_name="Tanpa Daftar")
    for move in ["greet", "report"]:
        walk_in.advance(move, by=people["petugas"])
    triage = client_of(people["kasubbag"])
    queue = triage.get(reverse("visits:triage")).content.decode()
    assert queue.count("data-booking-badge") == 1 and "Terdaftar PK-7Q3XKD" in queue
    assert "usulan saat mendaftar: <strong>Bidang Aset" in queue
    route = triage.get(reverse("visits:triage_route", args=[visit.pk])).content.decode()
    assert "Terdaftar PK-7Q3XKD" in route
