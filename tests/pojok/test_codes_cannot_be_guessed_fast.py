"""Survey codes (/s/<kode>, /survei/) and booking codes (the desk's box, the kiosk) cannot be guessed fast:
ten wrong tries from one address, then that address waits, told so in Indonesian; others do not."""

import uuid

import pytest
from django.test import Client
from django.urls import reverse

from lobby.models import Device
from tests.booking.conftest import make_booking
from tests.lobby.conftest import pair_device
from visits.models import Visit

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def limits(settings):
    settings.CODE_TRIES_LIMIT, settings.CODE_TRIES_MINUTES = 10, 10


def test_ten_wrong_survey_codes_then_the_address_waits(invitation_token, clock):
    guesser, guest = Client(REMOTE_ADDR="10.5.5.5"), Client(REMOTE_ADDR="10.6.6.6")
    for n in range(10):
        assert guesser.get(reverse("survey:answer", args=[f"tebak{n:04d}"])).status_code == 404
    refused = guesser.get(reverse("survey:answer", args=[invitation_token]))  # even the right code now
    assert refused.status_code == 429
    assert "Terlalu banyak percobaan kode dari jaringan ini" in refused.content.decode()
    assert "coba lagi dalam 10 menit" in refused.content.decode()
    assert guest.get(reverse("survey:answer", args=[invitation_token])).status_code == 200
    clock.advance(minutes=10)
    assert guesser.get(reverse("survey:answer", args=[invitation_token])).status_code == 200


def test_typing_codes_on_the_survey_start_page_counts_the_same(invitation_token):
    guesser = Client(REMOTE_ADDR="10.5.5.5")
    for n in range(5):
        guesser.get(reverse("survey:start"), {"kode": f"zz{n:06d}"})
    for n in range(5):
        guesser.get(reverse("survey:answer", args=[f"tebak{n:04d}"]))
    refused = guesser.get(reverse("survey:start"), {"kode": invitation_token})
    assert refused.status_code == 429 and "Terlalu banyak percobaan kode" in refused.content.decode()


def test_a_right_code_is_never_counted(invitation_token):
    guest = Client(REMOTE_ADDR="10.5.5.5")
    for _ in range(15):
        assert guest.get(reverse("survey:answer", args=[invitation_token])).status_code == 200


def test_the_desks_code_box_waits_after_ten_wrong_codes(client_of, petugas):
    make_booking(code="7Q3XKD")
    desk = client_of(petugas)
    for n in range(10):
        desk.post(reverse("booking:arrive"), {"code": f"PK-ZZZZ{n:02d}"}, REMOTE_ADDR="10.7.7.7")
    refused = desk.post(reverse("booking:arrive"), {"code": "PK-7Q3XKD"}, REMOTE_ADDR="10.7.7.7", follow=True)
    assert "Terlalu banyak percobaan kode dari jaringan ini" in refused.content.decode()
    assert not Visit.objects.exists()
    other_desk = desk.post(reverse("booking:arrive"), {"code": "PK-7Q3XKD"}, REMOTE_ADDR="10.7.7.8")
    assert other_desk.status_code == 302 and Visit.objects.count() == 1


def test_the_kiosks_code_box_waits_too(admin_user):
    make_booking(code="7Q3XKD")
    _, tablet = pair_device(name="Tablet pintu", kind=Device.Kind.KIOSK, by=admin_user)
    form = {"key": "", "guest_name": "", "origin": "", "keperluan": ""}
    for n in range(10):
        tablet.post(reverse("lobby:kiosk"), {**form, "key": str(uuid.uuid4()), "code": f"PK-ZZZZ{n:02d}"})
    refused = tablet.post(reverse("lobby:kiosk"), {**form, "key": str(uuid.uuid4()), "code": "PK-7Q3XKD"})
    assert "Terlalu banyak percobaan kode" in refused.content.decode() and not Visit.objects.exists()


@pytest.fixture
def invitation_token(people, staf):
    from survey.answering import invite
    from tests.factories import advance_to, make_visit

    moves = ["greet", "report", "route", "receive", "finish"]
    visit = advance_to(make_visit(people["petugas"]), moves, people)
    return invite(visit=visit).token
