"""A guest registers ahead on the public page: a unique code, a QR code, the suggested Bidang, an email."""

from datetime import date, timedelta

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from booking import bookings
from booking.models import Booking, clean_code
from notifications.models import Notification
from tests.clock import TESTS_START

from .conftest import booking_form, next_office_day

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("topics")]


def test_it_needs_no_login_and_says_what_it_is_for(client):
    html = client.get(reverse("booking:register", args=["bpkad"])).content.decode()
    assert "Daftar sebelum datang" in html and 'name="started"' in html
    assert "Mengapa data ini dicatat?" in html  # and the notice says what is kept, and how long


def test_registering_gives_a_code_a_qr_and_the_suggested_bidang(client):
    response = client.post(reverse("booking:register", args=["bpkad"]), booking_form(client))
    assert response.status_code == 302 and response.url == reverse("booking:done", args=["bpkad"])
    booking = Booking.objects.get()
    assert booking.phone == "+6281234567890" and booking.planned_date == next_office_day()
    assert booking.suggested_bidang.code == "anggaran" and booking.visit is None
    html = client.get(reverse("booking:done", args=["bpkad"])).content.decode()
    assert booking.display_code in html and "<svg" in html and "Bidang Anggaran" in html


def test_the_code_is_shown_only_to_the_browser_that_registered(client):
    client.post(reverse("booking:register", args=["bpkad"]), booking_form(client))
    stranger = Client()
    response = stranger.get(reverse("booking:done", args=["bpkad"]))
    assert response.status_code == 302 and response.url == reverse("booking:register", args=["bpkad"])


def test_an_email_address_gets_the_code_by_email(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("booking:register", args=["bpkad"]),
                    booking_form(client, email="rudi@disdik.lampungselatankab.go.id"))
    booking = Booking.objects.get()
    assert Notification.objects.get().to_email == "rudi@disdik.lampungselatankab.go.id"
    assert len(mail.outbox) == 1 and booking.display_code in mail.outbox[0].body
    assert booking.display_code in mail.outbox[0].subject


def test_without_an_email_nothing_is_sent(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("booking:register", args=["bpkad"]), booking_form(client))
    assert not Notification.objects.exists() and not mail.outbox


def test_codes_are_unique_even_when_the_dice_repeat(monkeypatch):
    drawn = iter(["AAAAAA", "AAAAAA", "BBBBBB"])
    monkeypatch.setattr("booking.bookings.new_code", lambda: next(drawn))
    details = dict(guest_name="Rudi", origin="Disdik", phone="+6281234567890", email="", keperluan="SPJ",
                   planned_date=next_office_day(), part_of_day="pagi")
    first = bookings.register(**details)
    second = bookings.register(**details)
    assert (first.code, second.code) == ("AAAAAA", "BBBBBB")


@pytest.mark.parametrize("typed", ["PK-7Q3XKD", "pk-7q3xkd", " PK 7Q3 XKD ", "7q3xkd", "PK7Q3XKD"])
def test_a_code_is_read_however_it_is_typed_or_scanned(typed):
    assert clean_code(typed) == "7Q3XKD"


TODAY = TESTS_START.date()  # the parameters are made before any test sets the clock: from its start
SATURDAY = date(2026, 11, 28)


@pytest.mark.parametrize("changes, message", [
    ({"planned_date": "2020-01-06"}, "tidak boleh lewat dari hari ini"),
    ({"planned_date": (TODAY + timedelta(days=60)).isoformat()}, "paling jauh"),
    ({"planned_date": SATURDAY.isoformat()}, "Sabtu dan Minggu"),
    ({"planned_date": "besok"}, "Pilih tanggal yang benar"),
    ({"phone": ""}, "Wajib diisi"),
    ({"phone": "12345"}, "Nomor telepon diawali 0"),
    ({"email": "bukan-email"}, "Alamat email tidak valid"),
    ({"guest_name": "<script>alert(1)</script>"}, "Tidak boleh berisi tanda"),
    ({"keperluan": ""}, "Wajib diisi"),
    ({"part_of_day": "malam"}, "Pilih pagi atau siang"),
])
def test_bad_input_gets_a_message_and_stores_nothing(client, changes, message):
    response = client.post(reverse("booking:register", args=["bpkad"]), booking_form(client, **changes))
    assert response.status_code == 400 and message in response.content.decode()
    assert not Booking.objects.exists()


def test_a_guest_who_reaches_the_login_page_finds_the_way_to_register(client):
    html = client.get(reverse("login")).content.decode()
    assert f'href="{reverse("booking:choose")}"' in html
    assert client.get(reverse("booking:choose")).url == reverse("booking:register", args=["bpkad"])  # the one office
