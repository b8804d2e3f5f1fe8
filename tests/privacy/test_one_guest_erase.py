"""The admin erases one guest's personal data on request: only that guest's, only by a confirmed POST."""

import json

import pytest
from django.test import Client
from django.urls import reverse

from notifications.models import Notification
from privacy.holders import GUEST, REMOVED
from privacy.models import Kind, PersonalDataLog
from visits.models import Consultation, RoutingDecision, Visit, VisitStep

from .conftest import guest_visit

pytestmark = pytest.mark.django_db

URL = reverse("privacy:guest_data")


@pytest.fixture
def guests(staff_with_email):
    people = staff_with_email
    return {
        "siti_1": guest_visit(people, days=10, guest_name="Siti Aminah", phone="+6281234567890"),
        "siti_2": guest_visit(people, days=3, guest_name="Siti Aminah", phone="+6281234567890"),
        "namesake": guest_visit(people, days=4, guest_name="Siti Aminah", phone="+6285299998888"),
        "other": guest_visit(people, days=4, guest_name="Rudi Hartono", phone="+6281311112222"),
    }


def erase_form(*visits, confirm=True, **criteria) -> dict:
    form = {"name": "Siti Aminah", "phone": "081234567890", **criteria, "aksi": "hapus",
            "pilih": [f"visits.visit:{visit.pk}" for visit in visits]}
    return {**form, "confirm": "on"} if confirm else form


def snapshot() -> list:
    """Every visit's every field, with its consultation, routing and e-mail texts."""
    return [
        list(Visit.objects.order_by("pk").values()), list(Consultation.objects.order_by("pk").values()),
        list(RoutingDecision.objects.order_by("pk").values()),
        list(Notification.objects.order_by("pk").values()),
        list(VisitStep.objects.order_by("pk").values()),
    ]


def test_erasing_replaces_the_chosen_visits_personal_data(client_of, admin_user, guests):
    response = client_of(admin_user).post(URL, erase_form(guests["siti_1"], guests["siti_2"]), follow=True)

    assert "Data pribadi tamu dihapus" in response.content.decode()
    for key in ("siti_1", "siti_2"):
        visit = Visit.objects.get(pk=guests[key].pk)
        assert (visit.guest_name, visit.phone, visit.keperluan) == (GUEST, "", REMOVED)
        assert (visit.consultation.problem, visit.consultation.outcome) == (REMOVED, REMOVED)
        assert set(visit.routings.values_list("keperluan", flat=True)) == {REMOVED}
        assert set(visit.notifications.values_list("body", flat=True)) == {REMOVED}
        assert (visit.origin, visit.bidang_id, visit.day, visit.state) == \
            (guests[key].origin, guests[key].bidang_id, guests[key].day, guests[key].state)


def test_erasing_leaves_every_other_guest_alone(client_of, admin_user, guests):
    others = [guests["namesake"].pk, guests["other"].pk]
    before = [[row for row in table if row.get("visit_id", row.get("id")) in others] for table in snapshot()]

    client_of(admin_user).post(URL, erase_form(guests["siti_1"], guests["siti_2"]))

    after = [[row for row in table if row.get("visit_id", row.get("id")) in others] for table in snapshot()]
    assert after == before
    assert Visit.objects.get(pk=guests["namesake"].pk).guest_name == "Siti Aminah"


def test_a_forged_row_of_another_guest_is_not_erased(client_of, admin_user, guests):
    client_of(admin_user).post(URL, erase_form(guests["siti_1"], guests["other"]))
    assert Visit.objects.get(pk=guests["other"].pk).guest_name == "Rudi Hartono"
    assert Visit.objects.get(pk=guests["siti_1"].pk).guest_name == GUEST


def test_the_erasure_is_logged_without_the_erased_data(client_of, admin_user, guests):
    client_of(admin_user).post(URL, erase_form(guests["siti_1"], guests["siti_2"]))
    log = PersonalDataLog.objects.get()
    assert (log.kind, log.by) == (Kind.ERASE, admin_user)
    assert log.counts["kunjungan"] == 2 and log.counts["catatan konsultasi"] == 2
    assert log.rows == sum(log.counts.values())
    stored = json.dumps(list(PersonalDataLog.objects.values()), default=str)
    assert "Siti" not in stored and "81234567890" not in stored


def test_without_the_confirmation_nothing_is_erased(client_of, admin_user, guests):
    before = snapshot()
    response = client_of(admin_user).post(URL, erase_form(guests["siti_1"], confirm=False))
    assert response.status_code == 400
    assert "Centang konfirmasi untuk menghapus." in response.content.decode()
    assert snapshot() == before and not PersonalDataLog.objects.exists()


def test_a_get_never_erases(client_of, admin_user, guests):
    before = snapshot()
    response = client_of(admin_user).get(URL, erase_form(guests["siti_1"], guests["siti_2"]))
    assert response.status_code == 200
    assert snapshot() == before and not PersonalDataLog.objects.exists()


def test_a_post_without_the_csrf_token_is_refused(admin_user, guests):
    client = Client(enforce_csrf_checks=True)
    client.force_login(admin_user)
    before = snapshot()
    assert client.post(URL, erase_form(guests["siti_1"])).status_code == 403
    assert snapshot() == before


@pytest.mark.parametrize("person", ["petugas", "kasubbag", "staf", "pimpinan"])
def test_other_roles_cannot_erase(request, client_of, guests, person):
    before = snapshot()
    client = client_of(request.getfixturevalue(person))
    assert client.post(URL, erase_form(guests["siti_1"])).status_code == 403
    assert snapshot() == before


def test_erasing_twice_changes_nothing_more(client_of, admin_user, guests):
    client = client_of(admin_user)
    client.post(URL, erase_form(guests["siti_1"]))
    before = snapshot()
    client.post(URL, erase_form(guests["siti_1"]))
    assert snapshot() == before
