"""The desk's check-in, the routing form and the consultation record carry a key: sent twice, done once."""

import re
import uuid

import pytest
from django.db import connection
from django.urls import reverse

from pojok.idempotency import FIELD
from pojok.models import IdempotencyKey
from tests.concurrency import run_at_once
from tests.factories import advance_to, bidang, make_visit
from visits.models import Consultation, RoutingDecision, State, Visit

pytestmark = pytest.mark.django_db

GUEST = {"guest_name": "Siti Aminah", "origin": "Dinas Kesehatan", "keperluan": "Konsultasi SPJ",
         "party_size": 1}


def _key_on(html: str) -> str:
    keys = re.findall(rf'name="{FIELD}" value="([0-9a-f-]{{36}})"', html)
    assert len(keys) == 1
    return keys[0]


def test_the_check_in_form_carries_a_fresh_key_each_time(client_of, petugas):
    desk = client_of(petugas)
    first = _key_on(desk.get(reverse("visits:check_in")).content.decode())
    assert first != _key_on(desk.get(reverse("visits:check_in")).content.decode())


def test_a_check_in_sent_twice_makes_one_visit_and_says_so(client_of, petugas):
    desk = client_of(petugas)
    form = {**GUEST, FIELD: _key_on(desk.get(reverse("visits:check_in")).content.decode())}
    first = desk.post(reverse("visits:check_in"), form)
    second = desk.post(reverse("visits:check_in"), form, follow=True)
    visit = Visit.objects.get()
    assert first["Location"] == reverse("visits:slip", args=[visit.pk])
    assert second.redirect_chain == [(first["Location"], 302)]
    assert "sudah tersimpan sebelumnya; tidak dicatat dua kali" in second.content.decode()


def test_a_form_with_errors_keeps_its_key_free_for_the_corrected_one(client_of, petugas):
    desk = client_of(petugas)
    key = str(uuid.uuid4())
    wrong = desk.post(reverse("visits:check_in"), {**GUEST, "guest_name": "", FIELD: key})
    assert wrong.status_code == 200 and _key_on(wrong.content.decode()) == key  # the same key comes back
    assert desk.post(reverse("visits:check_in"), {**GUEST, FIELD: key}).status_code == 302
    assert Visit.objects.count() == 1


def test_the_same_key_with_other_data_is_a_new_guest(client_of, petugas):
    """An old page brought back with the browser's Back button and filled in again for the next guest."""
    desk = client_of(petugas)
    key = str(uuid.uuid4())
    desk.post(reverse("visits:check_in"), {**GUEST, FIELD: key})
    desk.post(reverse("visits:check_in"), {**GUEST, "guest_name": "Budi Hartono", FIELD: key})
    assert sorted(Visit.objects.values_list("guest_name", flat=True)) == ["Budi Hartono", "Siti Aminah"]


def test_an_old_page_without_a_key_still_checks_in(client_of, petugas):
    desk = client_of(petugas)
    assert desk.post(reverse("visits:check_in"), GUEST).status_code == 302
    assert desk.post(reverse("visits:check_in"), {**GUEST, FIELD: "bukan-kunci"}).status_code == 302
    assert Visit.objects.count() == 2 and not IdempotencyKey.objects.exists()


def test_another_persons_key_is_not_their_answer(client_of, petugas, seeded):
    from tests.factories import make_user

    key = str(uuid.uuid4())
    client_of(petugas).post(reverse("visits:check_in"), {**GUEST, FIELD: key})
    other = make_user("wati", "Petugas")
    client_of(other).post(reverse("visits:check_in"), {**GUEST, FIELD: key})
    assert Visit.objects.count() == 2


def _in_triage(petugas):
    visit = make_visit(petugas)
    for name in ["greet", "report"]:
        visit.advance(name, by=petugas)
    return visit


def test_a_routing_sent_twice_routes_once_without_an_error(client_of, petugas, kasubbag, topics):
    visit = _in_triage(petugas)
    triage = client_of(kasubbag)
    page = triage.get(reverse("visits:triage_route", args=[visit.pk])).content.decode()
    form = {"keperluan": visit.keperluan, "bidang": bidang("anggaran").pk, "topic": "", "assigned_to": "",
            "override_reason": "Tamu minta ke Anggaran", FIELD: _key_on(page)}
    assert triage.post(reverse("visits:triage_route", args=[visit.pk]), form).status_code == 302
    again = triage.post(reverse("visits:triage_route", args=[visit.pk]), form, follow=True)
    text = again.content.decode()
    assert RoutingDecision.objects.filter(visit=visit).count() == 1
    assert "sudah tersimpan sebelumnya" in text and "tidak sedang menunggu diarahkan" not in text


def test_a_long_note_sent_twice_finishes_the_consultation_once(client_of, people, staf):
    visit = advance_to(make_visit(people["petugas"]), ["greet", "report", "route", "receive"], people)
    staff = client_of(staf)
    page = staff.get(reverse("visits:consultation", args=[visit.pk])).content.decode()
    note = "Dijelaskan tata cara SPJ. " * 150
    form = {"action": "finish", "mode": "provision", "problem": "SPJ belum lengkap", "outcome": note,
            "other_documents": "", FIELD: _key_on(page)}
    first = staff.post(reverse("visits:consultation", args=[visit.pk]), form)
    second = staff.post(reverse("visits:consultation", args=[visit.pk]), form)
    assert first.status_code == second.status_code == 302 and second["Location"] == first["Location"]
    visit.refresh_from_db()
    assert visit.state == State.LEAVING and Consultation.objects.get(visit=visit).outcome == note.strip()


@pytest.mark.skipif(connection.vendor != "postgresql", reason="races are tested on PostgreSQL")
@pytest.mark.django_db(transaction=True)
def test_ten_copies_of_one_check_in_at_once_make_one_visit(petugas):
    from django.test import Client

    key = str(uuid.uuid4())

    def send():
        desk = Client()
        desk.force_login(petugas)
        return desk.post(reverse("visits:check_in"), {**GUEST, FIELD: key})["Location"]

    locations = run_at_once(send, threads=10)
    visit = Visit.objects.get()
    assert locations == [reverse("visits:slip", args=[visit.pk])] * 10
    assert visit.queue_seq == 1
