"""`make run` shows two offices side by side: BPKAD (seed_demo) and Bappeda (seed_office_demo), each
with its own people, guests and catalog."""

import io

import pytest
from django.core.management import call_command
from django.urls import reverse

from offices.current import acting_for
from offices.models import Office
from referrals.models import Referral
from routing.models import Bidang
from tests.factories import wib
from visits.models import Channel, State, Visit

pytestmark = pytest.mark.django_db


def test_the_second_demo_office_has_its_own_people_and_guests(client, clock):
    clock.set(wib(2026, 11, 23, 10, 30))  # a Monday, the office open
    call_command("seed_demo", visits=30, days=10, password="demo-uji-123", no_train=True, stdout=io.StringIO())
    out = io.StringIO()
    call_command("seed_office_demo", visits=30, days=10, today=4, password="demo-uji-123", stdout=out)
    call_command("seed_office_demo", visits=30, days=10, today=4, password="demo-uji-123", stdout=io.StringIO())
    bappeda = Office.objects.get(code="bappeda")
    with acting_for(bappeda):
        theirs = set(Visit.objects.values_list("pk", flat=True))
        assert 30 <= len(theirs) <= 34 and Bidang.objects.filter(code="keuangan").exists()
    assert "Bappeda" in out.getvalue() and theirs.isdisjoint(Visit.objects.values_list("pk", flat=True))
    login = client.post(reverse("login"), {"username": "bappeda-petugas", "password": "demo-uji-123"})
    assert login.status_code == 302
    board = client.get(reverse("visits:desk"))
    assert board.status_code == 200 and "Bappeda" in board.content.decode()
    client.logout()
    client.post(reverse("login"), {"username": "inspektorat", "password": "demo-uji-123"})
    overview = client.get(reverse("kabupaten:overview")).content.decode()
    assert 'data-office="bpkad"' in overview and 'data-office="bappeda"' in overview


def test_the_demo_refers_a_walk_in_and_a_whatsapp_request_between_them(client, clock):
    clock.set(wib(2026, 11, 23, 10, 30))
    call_command("seed_demo", visits=10, days=3, password="demo-uji-123", no_train=True, stdout=io.StringIO())
    call_command("seed_office_demo", visits=10, days=3, today=2, password="demo-uji-123", stdout=io.StringIO())
    call_command("seed_referral_demo", stdout=io.StringIO())
    call_command("seed_referral_demo", stdout=io.StringIO())  # run again, nothing more
    sent, received = Referral.objects.sent().get(), Referral.objects.received().get()
    assert sent.booking.referred_from.code == "bpkad" and sent.remote_request is None
    assert received.remote_request.channel == Channel.WHATSAPP and received.remote_request.state == State.TRIAGE
    client.post(reverse("login"), {"username": "kasubbag", "password": "demo-uji-123"})
    queue = client.get(reverse("visits:triage")).content.decode()
    assert received.remote_request.guest_name in queue
