"""The guests' pages (pre-registration, privacy notice, survey) and the paired devices belong to one
office and say so; what a guest leaves there is that office's."""

import uuid

import pytest
from django.urls import reverse

from booking.models import Booking
from lobby.models import Device
from offices.current import acting_for
from pojok import roles
from survey.answering import invite
from survey.models import Answer
from tests.booking.conftest import booking_form
from tests.factories import advance_to, make_user, make_visit
from tests.lobby.conftest import pair_device
from visits.models import Visit

pytestmark = pytest.mark.django_db


def test_each_offices_pages_carry_its_name(client, other_office):
    for office, name in (("bpkad", "Badan Pengelola Keuangan dan Aset Daerah"), ("bappeda", other_office.name)):
        for page in ("booking:register", "privacy:notice"):
            answer = client.get(reverse(page, args=[office]))
            assert answer.status_code == 200 and name in answer.content.decode(), (office, page)
    assert client.get("/o/tidak-ada/daftar/").status_code == 404


def test_with_two_offices_the_short_address_lets_the_guest_choose(client, other_office):
    page = client.get(reverse("booking:choose")).content.decode()
    assert reverse("booking:register", args=["bappeda"]) in page and reverse("booking:register", args=["bpkad"]) in page


def test_a_booking_made_on_an_offices_page_is_that_offices(client, other_office, petugas):
    client.post(reverse("booking:register", args=["bappeda"]), booking_form(client, guest_name="Rudi Bappeda"))
    assert not Booking.objects.exists()  # none of BPKAD's
    with acting_for(other_office):
        assert Booking.objects.get().guest_name == "Rudi Bappeda"
    client.force_login(petugas)
    assert "Rudi Bappeda" not in client.get(reverse("booking:expected")).content.decode()


def test_a_kiosk_of_another_office_checks_guests_in_there(other_office):
    with acting_for(other_office):
        admin = make_user("lina", roles.ADMIN, full_name="Lina Bappeda", is_staff=True)
        device, tablet = pair_device(name="Kios Bappeda", kind=Device.Kind.KIOSK, by=admin)
    page = tablet.get(reverse("lobby:kiosk")).content.decode()
    assert "Bappeda" in page
    tablet.post(reverse("lobby:kiosk"), {"key": str(uuid.uuid4()), "guest_name": "Siti Kios", "origin": "Dinas",
                                         "keperluan": "Konsultasi renja"})
    assert not Visit.objects.exists()
    with acting_for(other_office):
        assert Visit.objects.get().guest_name == "Siti Kios"


def test_the_survey_link_opens_as_its_visits_office(client, other_office):
    with acting_for(other_office):
        people = {"petugas": make_user("tono", roles.PETUGAS), "kasubbag": make_user("wati", roles.KASUBBAG),
                  "staf": make_user("joko", roles.STAF, bidang_code="keuangan")}
        visit = advance_to(make_visit(people["petugas"]), ["greet", "report", "route", "receive", "finish"], people,
                           bidang_code="keuangan")
        token = invite(visit=visit).token
    page = client.get(reverse("survey:answer", args=[token])).content.decode()
    assert other_office.name in page and "Badan Pengelola Keuangan" not in page
    client.post(reverse("survey:answer", args=[token]), {f"u{number}": "4" for number in range(1, 10)})
    assert not Answer.objects.exists()  # none of BPKAD's
    with acting_for(other_office):
        stored = set(Answer.objects.values_list("unsur__office__code", "unsur__number"))
        assert stored == {("bappeda", number) for number in range(1, 10)}
        pimpinan = make_user("bima", roles.PIMPINAN)
    client.force_login(pimpinan)
    report = client.get(reverse("survey:report"), {"periode": "bulan", "bulan": "2026-11"}).content.decode()
    assert "100,00" in report  # nine answers of 4: IKM 100 (at BPKAD's Unsur ids the report found none)
