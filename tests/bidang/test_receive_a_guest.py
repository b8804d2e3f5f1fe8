"""Terima tamu: the moment the official received the guest, and who it was."""

import pytest
from django.urls import reverse

from visits.models import State

pytestmark = pytest.mark.django_db


def _receive(client, visit, official):
    return client.post(reverse("visits:receive", args=[visit.pk]), {"official": official.pk})


def test_staff_receive_a_guest_themselves(client_of, staf, routed):
    visit = routed()
    response = _receive(client_of(staf), visit, staf)

    assert response.status_code == 302 and response["Location"] == reverse(
        "visits:consultation", args=[visit.pk]
    )
    visit.refresh_from_db()
    step = visit.current_step()
    assert visit.state == State.CONSULTING
    assert step.number == 5 and step.received_by == staf and step.received_at is not None
    assert visit.events.last().by == staf


def test_staff_record_that_another_official_of_the_bidang_received_the_guest(client_of, staf, kabid, routed):
    visit = routed()
    _receive(client_of(staf), visit, kabid)
    step = visit.current_step()
    assert step.received_by == kabid
    assert visit.events.last().by == staf  # who recorded it


def test_an_official_of_another_bidang_is_refused_and_nothing_changes(
    client_of, staf, staf_lain, routed, record_of
):
    visit = routed()
    before = record_of(visit)
    response = _receive(client_of(staf), visit, staf_lain)
    assert response.status_code == 302 and response["Location"] == reverse("visits:inbox")
    assert record_of(visit) == before
    messages = [str(m) for m in response.wsgi_request._messages]
    assert any("Pilih pejabat dari Bidang ini." in m for m in messages)


def test_receiving_twice_says_who_already_did(client_of, staf, kabid, routed):
    visit = routed()
    _receive(client_of(staf), visit, staf)
    response = _receive(client_of(kabid), visit, kabid)
    messages = [str(m) for m in response.wsgi_request._messages]
    assert any("sudah diterima oleh Ani Lestari" in m for m in messages)
    assert visit.current_step().received_by == staf


def test_receiving_needs_a_post(client_of, staf, routed):
    visit = routed()
    assert client_of(staf).get(reverse("visits:receive", args=[visit.pk])).status_code == 405
    visit.refresh_from_db()
    assert visit.state == State.WAITING
