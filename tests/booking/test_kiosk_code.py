"""A guest who registered ahead types only the code at the kiosk; a retry still makes one visit."""

import uuid

import pytest
from django.urls import reverse

from booking.models import Booking
from lobby.models import Device
from tests.lobby.conftest import pair_device
from visits.models import State, Visit

from .conftest import make_booking

pytestmark = pytest.mark.django_db


@pytest.fixture
def tablet(admin_user):
    return pair_device(name="Tablet pintu", kind=Device.Kind.KIOSK, by=admin_user)[1]


def test_the_code_alone_gives_a_queue_number_with_the_registered_details(tablet):
    make_booking()
    key = str(uuid.uuid4())
    html = tablet.post(reverse("lobby:kiosk"), {"key": key, "code": "pk7q3xkd"}).content.decode()
    visit = Visit.objects.get()
    assert visit.queue_number in html and visit.state == State.ARRIVING and visit.created_by is None
    assert visit.guest_name == "Rudi Hartono" and Booking.objects.get().visit == visit
    tablet.post(reverse("lobby:kiosk"), {"key": key, "code": "pk7q3xkd"})  # the connection dropped: sent again
    assert Visit.objects.count() == 1


def test_a_used_code_is_refused_at_the_kiosk_with_a_clear_message(tablet):
    make_booking()
    tablet.post(reverse("lobby:kiosk"), {"key": str(uuid.uuid4()), "code": "PK-7Q3XKD"})
    html = tablet.post(reverse("lobby:kiosk"), {"key": str(uuid.uuid4()), "code": "PK-7Q3XKD"}).content.decode()
    assert "sudah dipakai" in html and Visit.objects.count() == 1


def test_without_a_code_the_guest_fills_in_name_origin_and_need(tablet):
    html = tablet.post(reverse("lobby:kiosk"), {"key": str(uuid.uuid4())}).content.decode()
    assert html.count("Wajib diisi.") == 3 and not Visit.objects.exists()
