"""/daftar/: one page given to one browser is good for one booking, for half an hour; the day's limits
hold however many posts arrive at once."""

import re

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse

from booking import bookings
from booking.models import Booking
from tests.concurrency import run_at_once

from .conftest import booking_form, next_office_day, ticket

pytestmark = pytest.mark.django_db


def _page_ticket(client) -> str:
    page = client.get(reverse("booking:register", args=["bpkad"])).content.decode()
    return re.search(r'name="started" value="([^"]+)"', page).group(1)


def test_one_page_load_and_35_posts_with_changing_phones_make_one_booking(client, clock):
    started = _page_ticket(client)
    clock.advance(seconds=20)
    answers = [client.post(reverse("booking:register", args=["bpkad"]), {**booking_form(), "started": started,
                                                         "phone": f"0812 5555 {n:04d}"}) for n in range(35)]
    booking = Booking.objects.get()
    assert {answer.status_code for answer in answers} == {302}
    assert booking.phone == "+6281255550000"
    assert booking.display_code in client.get(reverse("booking:done", args=["bpkad"])).content.decode()


def test_a_ticket_copied_to_another_browser_is_refused(client, clock):
    started = _page_ticket(client)
    clock.advance(seconds=20)
    script = Client()
    response = script.post(reverse("booking:register", args=["bpkad"]), {**booking_form(), "started": started})
    assert response.status_code == 400 and "tidak dibuka di peramban ini" in response.content.decode()
    assert not Booking.objects.exists()


def test_every_new_page_gets_a_new_ticket_and_a_few_tabs_work(client, clock):
    tickets = [_page_ticket(client) for _ in range(3)]
    clock.advance(seconds=20)
    assert len(set(tickets)) == 3
    for n, started in enumerate(tickets):
        client.post(reverse("booking:register", args=["bpkad"]),
                    {**booking_form(), "started": started, "phone": f"0812 000{n} 1111"})
    assert Booking.objects.count() == 3


def test_the_ticket_lasts_half_an_hour(client, clock, settings):
    settings.BOOKING_FORM_MINUTES = 30
    started = _page_ticket(client)
    clock.advance(minutes=29)
    register = reverse("booking:register", args=["bpkad"])
    assert client.post(register, {**booking_form(), "started": started}).status_code == 302
    late = _page_ticket(client)
    clock.advance(minutes=31)
    refused = client.post(reverse("booking:register", args=["bpkad"]),
                          {**booking_form(), "started": late, "phone": "0813 1234 5678"})
    assert refused.status_code == 400 and Booking.objects.count() == 1


@pytest.mark.skipif(connection.vendor != "postgresql", reason="races are tested on PostgreSQL")
@pytest.mark.django_db(transaction=True)
def test_the_limits_hold_when_twenty_posts_arrive_at_once(settings, topics):
    settings.BOOKING_PER_PHONE_PER_DAY = 3
    settings.BOOKING_PER_SOURCE_PER_DAY = 5

    def register(phone):
        return bookings.register(guest_name="Rudi", origin="Dinas Pendidikan", phone=phone, email="",
                                 keperluan="Konsultasi DPA", planned_date=next_office_day(),
                                 part_of_day="pagi", source="kantor-a")

    outcomes = run_at_once(lambda: register("+6281234567890"), threads=10)
    assert sum(isinstance(o, Booking) for o in outcomes) == 3
    assert all(isinstance(o, bookings.BookingRefused) for o in outcomes if not isinstance(o, Booking))
    phones = iter(f"+62812000000{n:02d}" for n in range(10))
    outcomes = run_at_once(lambda: register(next(phones)), threads=10)
    # 3 before, 2 more, then the network's limit
    assert Booking.objects.filter(source="kantor-a").count() == 5


def test_the_same_burst_on_one_browser_keeps_the_limit(client, clock, settings):
    settings.BOOKING_PER_SOURCE_PER_DAY = 2
    for n in range(4):
        client.post(reverse("booking:register", args=["bpkad"]), booking_form(client, phone=f"0812 9999 {n:04d}"))
    assert Booking.objects.count() == 2
    assert ticket(client)  # the browser may still open the page
