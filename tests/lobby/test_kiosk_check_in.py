"""A guest checks in at the paired kiosk: a queue number, step 1 on the petugas' board, never twice."""

import re
import uuid

import pytest
from django.urls import reverse

from lobby.kiosk import check_in_at_kiosk
from lobby.models import Device
from pojok.models import IdempotencyKey
from visits.models import State, Visit

from .conftest import pair_device

pytestmark = pytest.mark.django_db


@pytest.fixture
def kiosk(admin_user):
    return pair_device(name="Tablet pintu", kind=Device.Kind.KIOSK, by=admin_user)


def _form(key=None, **changes):
    return {"key": str(key or uuid.uuid4()), "guest_name": "Siti Aminah", "origin": "Dinas Kesehatan",
            "keperluan": "Konsultasi SPJ", **changes}


def test_pairing_a_kiosk_opens_the_kiosk_page_with_a_fresh_key(kiosk):
    _, tablet = kiosk
    html = tablet.get(reverse("lobby:kiosk")).content.decode()
    keys = re.findall(r'name="key" value="([0-9a-f-]{36})"', html)
    assert len(keys) == 1 and "Ambil nomor antrean" in html
    again = tablet.get(reverse("lobby:kiosk")).content.decode()
    assert re.findall(r'name="key" value="([0-9a-f-]{36})"', again) != keys


def test_the_guest_gets_a_queue_number_and_waits_at_step_1(kiosk, admin_user):
    device, tablet = kiosk
    response = tablet.post(reverse("lobby:kiosk"), _form())
    visit = Visit.objects.get()
    assert f'data-kiosk-number>{visit.queue_number}<' in response.content.decode()
    assert (visit.state, visit.guest_name, visit.origin, visit.keperluan) == (
        State.ARRIVING, "Siti Aminah", "Dinas Kesehatan", "Konsultasi SPJ")
    assert visit.current_step().number == 1
    event = visit.events.get()
    assert (event.action, event.by, event.note) == ("check_in", None, "kios: Tablet pintu")
    assert visit.created_by is None  # no person recorded it: the event note names the kiosk


def test_posting_the_same_key_twice_makes_one_visit(kiosk):
    _, tablet = kiosk
    form = _form()
    first = tablet.post(reverse("lobby:kiosk"), form).content.decode()
    second = tablet.post(reverse("lobby:kiosk"), form).content.decode()
    visit = Visit.objects.get()
    assert IdempotencyKey.objects.get().result == str(visit.pk)
    for html in (first, second):
        assert f'data-kiosk-number>{visit.queue_number}<' in html
    tablet.post(reverse("lobby:kiosk"), _form())  # a new guest, a new key
    assert Visit.objects.count() == 2


def test_a_retry_finds_the_visit_the_first_request_made(kiosk):
    device, _ = kiosk
    key = uuid.uuid4()
    made = check_in_at_kiosk(device=device, key=key, guest_name="A", origin="B", keperluan="C")
    again = check_in_at_kiosk(device=device, key=key, guest_name="A", origin="B", keperluan="C")
    assert again == made and Visit.objects.count() == 1


@pytest.mark.parametrize("changes, field_message", [
    ({"guest_name": ""}, "Wajib diisi"),
    ({"keperluan": "<script>alert(1)</script>"}, "Tidak boleh berisi tanda &lt; atau &gt;"),
    ({"key": "bukan-uuid"}, "Muat ulang halaman."),
])
def test_bad_input_gets_a_message_and_makes_nothing(kiosk, changes, field_message):
    _, tablet = kiosk
    response = tablet.post(reverse("lobby:kiosk"), _form(**changes))
    assert response.status_code == 200 and field_message in response.content.decode()
    assert not Visit.objects.exists()


def test_a_kiosk_keeps_working_after_whoever_paired_it_has_left(kiosk):
    device, tablet = kiosk
    Device.objects.filter(pk=device.pk).update(paired_by=None)
    tablet.post(reverse("lobby:kiosk"), _form())
    visit = Visit.objects.get()
    assert visit.created_by is None and visit.events.get().by is None


def test_only_a_paired_kiosk_opens_the_kiosk_page(client, display_device, kiosk):
    _, tv = display_device
    assert tv.get(reverse("lobby:kiosk")).status_code == 403
    assert client.get(reverse("lobby:kiosk")).status_code == 403
    assert client.post(reverse("lobby:kiosk"), _form()).status_code == 403
    device, tablet = kiosk
    Device.objects.filter(pk=device.pk).update(active=False)
    assert tablet.post(reverse("lobby:kiosk"), _form()).status_code == 403
    assert not Visit.objects.exists()


def test_the_petugas_sees_the_guest_at_step_1_and_confirms_the_arrival(kiosk, client, petugas):
    _, tablet = kiosk
    tablet.post(reverse("lobby:kiosk"), _form(guest_name="Rahmat Hidayat"))
    visit = Visit.objects.get()
    client.force_login(petugas)
    html = client.get(reverse("visits:desk")).content.decode()
    row = re.search(rf'<tr id="visit-{visit.pk}".*?</tr>', html, re.S).group(0)
    assert "Rahmat Hidayat" in row and "1. Tamu datang" in row and 'data-move="arrive"' in row
    visit.advance("arrive", by=petugas)
    assert visit.state == State.GREETING
