"""A valid check-in stores the visit and leads to the slip with the queue number."""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from pojok import clock
from tests.factories import wib
from visits.models import State, Visit

FORM = {"guest_name": "Siti Aminah", "origin": "Dinas Kesehatan", "phone": "0812 3456 7890",
        "party_size": "2", "keperluan": "Konsultasi SPJ", "arrival_time": ""}


def test_a_valid_check_in_stores_the_visit_and_redirects_to_its_slip(client_of, petugas):
    response = client_of(petugas).post(reverse("visits:check_in"), FORM)

    visit = Visit.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("visits:slip", args=[visit.pk])
    assert (visit.guest_name, visit.origin, visit.party_size, visit.created_by) == (
        "Siti Aminah", "Dinas Kesehatan", 2, petugas)
    assert visit.state == State.GREETING
    assert visit.day == clock.today()


def test_the_slip_shows_number_name_origin_and_time(client_of, petugas):
    response = client_of(petugas).post(reverse("visits:check_in"), FORM, follow=True)

    visit = Visit.objects.get()
    html = response.content.decode()
    assert f'<div class="slip-number">{visit.queue_number}</div>' in html
    assert "<dt>Nama</dt><dd>Siti Aminah</dd>" in html
    assert "<dt>Asal</dt><dd>Dinas Kesehatan</dd>" in html
    assert f"pukul {timezone.localtime(visit.arrived_at):%H.%M}" in html
    assert f"Tamu Siti Aminah tercatat dengan nomor antrean {visit.queue_number}." in html


def test_a_set_back_arrival_time_is_stored(client_of, petugas, clock):
    clock.set(wib(hour=10))
    arrived = clock.local_now() - timedelta(minutes=20)

    client_of(petugas).post(reverse("visits:check_in"), {**FORM, "arrival_time": f"{arrived:%H:%M}"})

    assert Visit.objects.get().arrived_at == wib(hour=9, minute=40)


def test_only_the_front_desk_may_check_in(client_of, kasubbag):
    response = client_of(kasubbag).post(reverse("visits:check_in"), FORM)

    assert response.status_code == 403
    assert Visit.objects.count() == 0
