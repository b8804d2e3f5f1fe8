"""The public form cannot be flooded: limits per phone and per network a day, and robots are turned away."""

from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse

from booking.models import Booking
from pojok import clock

from .conftest import booking_form, ticket

pytestmark = pytest.mark.django_db


def _register(client, forwarded_for=None, **changes):
    headers = {"X-Forwarded-For": forwarded_for} if forwarded_for else {}
    return client.post(reverse("booking:register", args=["bpkad"]), booking_form(client, **changes), headers=headers)


def test_one_phone_books_three_times_a_day_then_is_told_to_wait(client, settings):
    settings.BOOKING_PER_PHONE_PER_DAY = 3
    for _ in range(3):
        assert _register(client).status_code == 302
    refused = _register(client, phone="+62 812-3456-7890")  # the same number, written differently
    assert refused.status_code == 400 and "sudah dipakai untuk 3 pendaftaran hari ini" in refused.content.decode()
    assert Booking.objects.count() == 3
    assert _register(client, phone="0813 1111 2222").status_code == 302


def test_yesterdays_bookings_do_not_count_today(client, settings):
    settings.BOOKING_PER_PHONE_PER_DAY = 1
    assert _register(client).status_code == 302
    Booking.objects.update(created_on=clock.today() - timedelta(days=1))
    assert _register(client).status_code == 302


def test_one_network_is_limited_too(settings):
    settings.BOOKING_PER_SOURCE_PER_DAY = 2
    office, elsewhere = Client(REMOTE_ADDR="10.1.2.3"), Client(REMOTE_ADDR="10.9.9.9")
    assert _register(office, phone="0812 0000 0001").status_code == 302
    assert _register(office, phone="0812 0000 0002").status_code == 302
    refused = _register(office, phone="0812 0000 0003")
    assert "Terlalu banyak pendaftaran dari jaringan ini" in refused.content.decode()
    assert _register(elsewhere, phone="0812 0000 0003").status_code == 302
    assert Booking.objects.count() == 3
    assert "10.1.2.3" not in set(Booking.objects.values_list("source", flat=True))


def test_behind_the_proxy_the_network_is_the_one_the_proxy_saw(settings):
    settings.BEHIND_PROXY = True
    settings.BOOKING_PER_SOURCE_PER_DAY = 1
    proxy = Client(REMOTE_ADDR="127.0.0.1")
    assert _register(proxy, forwarded_for="10.1.2.3").status_code == 302
    assert _register(proxy, phone="0812 0000 0002", forwarded_for="10.1.2.3").status_code == 400
    # A forged first entry does not make a new sender: the proxy appends the address it saw, last.
    assert _register(proxy, phone="0812 0000 0003", forwarded_for="1.1.1.1, 10.1.2.3").status_code == 400
    assert _register(proxy, phone="0812 0000 0004", forwarded_for="10.7.7.7").status_code == 302


def test_the_hidden_field_filled_in_is_turned_away_and_says_why(client):
    response = _register(client, website="http://spam.example")  # the field people never see
    assert response.status_code == 400 and "“Jangan diisi” terisi" in response.content.decode()
    assert not Booking.objects.exists()


def test_a_form_sent_too_fast_says_so(client, settings):
    settings.BOOKING_MIN_SECONDS = 3
    response = _register(client, started=ticket(client, seconds_ago=1))  # a robot posting at once
    html = response.content.decode()
    assert response.status_code == 400
    assert "Formulir terkirim terlalu cepat: 1 detik setelah halaman dibuka, paling cepat 3 detik" in html
    assert "Rudi Hartono" in html and not Booking.objects.exists()


@pytest.mark.parametrize("started", ["dipalsukan", ""])
def test_a_ticket_the_app_never_gave_is_turned_away(client, started):
    response = _register(client, started=started)
    assert response.status_code == 400 and "tidak dibuka di peramban ini" in response.content.decode()
    assert not Booking.objects.exists()


def test_a_page_left_open_too_long_asks_to_send_again(client, settings):
    settings.BOOKING_FORM_MINUTES = 30
    response = _register(client, started=ticket(client, seconds_ago=31 * 60))
    html = response.content.decode()
    assert response.status_code == 400 and "sudah lebih dari 30 menit terbuka" in html
    assert "Rudi Hartono" in html
    assert not Booking.objects.exists()
