"""The Kasubbag names a petugas piket for a day; the stand-in has the triage screen that day only."""

from datetime import timedelta

import pytest

from pojok import clock, roles
from tests.factories import bidang, make_user
from visits.models import Piket, RoutingDecision

pytestmark = pytest.mark.django_db


def today():
    return clock.today()


def test_the_kasubbag_names_a_petugas_piket(client_of, kasubbag, petugas):
    response = client_of(kasubbag).post("/triase/piket/", {"user": petugas.pk, "day": today().isoformat()})
    assert response.status_code == 302
    piket = Piket.objects.get()
    assert (piket.user, piket.day, piket.assigned_by) == (petugas, today(), kasubbag)
    html = client_of(kasubbag).get("/triase/").content.decode()
    assert "petugas piket: <strong>Budi Santoso</strong>" in html and 'id="piket-roster"' in html


def test_the_piket_has_the_screen_on_their_day_and_routes(client_of, kasubbag, petugas, in_triage):
    Piket.objects.create(day=today(), user=petugas, assigned_by=kasubbag)
    visit = in_triage("Revisi DPA")
    client = client_of(petugas)
    page = client.get("/triase/")
    assert page.status_code == 200
    assert 'id="piket"' not in page.content.decode()  # a stand-in does not name stand-ins
    assert "Triase" in [item.label for item in page.context["nav_areas"]]
    client.post(f"/triase/{visit.pk}/", {"keperluan": "Revisi DPA", "bidang": bidang("anggaran").pk})
    assert RoutingDecision.objects.get().by == petugas


@pytest.mark.parametrize("offset", [-1, 1])
def test_the_piket_of_another_day_does_not_have_it(client_of, kasubbag, petugas, in_triage, offset):
    Piket.objects.create(day=today() + timedelta(days=offset), user=petugas, assigned_by=kasubbag)
    visit = in_triage("Revisi DPA")
    client = client_of(petugas)
    assert client.get("/triase/").status_code == 403
    assert client.get(f"/triase/{visit.pk}/").status_code == 403


def test_a_piket_cannot_name_another(client_of, kasubbag, petugas):
    Piket.objects.create(day=today(), user=petugas, assigned_by=kasubbag)
    other = make_user("wati", roles.PETUGAS)
    assert client_of(petugas).post("/triase/piket/", {"user": other.pk, "day": today().isoformat()}).status_code == 403
    assert Piket.objects.count() == 1


@pytest.mark.parametrize("data, message", [
    ({"day": "2026-11-23"}, "Pilih petugas."),
    ({"user": "petugas", "day": ""}, "Isi tanggal piket."),
    ({"user": "petugas", "day": "kemarin"}, "Tanggal tidak valid."),
    ({"user": "petugas", "day": "past"}, "Tanggal piket tidak boleh sebelum hari ini."),
    ({"user": "staf", "day": "today"}, "Petugas tidak dikenal."),
    ({"user": "petugas", "day": "twice"}, "Budi Santoso sudah piket pada tanggal itu."),
])
def test_bad_input_gets_a_message_and_changes_nothing(client_of, kasubbag, petugas, staf, data, message):
    data = dict(data)
    data["user"] = {"petugas": petugas.pk, "staf": staf.pk}.get(data.get("user"), data.get("user", ""))
    if data["day"] in ("today", "twice"):
        if data["day"] == "twice":
            Piket.objects.create(day=today(), user=petugas, assigned_by=kasubbag)
        data["day"] = today().isoformat()
    elif data["day"] == "past":
        data["day"] = (today() - timedelta(days=1)).isoformat()
    before = list(Piket.objects.values())
    response = client_of(kasubbag).post("/triase/piket/", data)
    assert response.status_code == 400 and message in response.content.decode()
    assert list(Piket.objects.values()) == before


def test_the_kasubbag_removes_a_piket(client_of, kasubbag, petugas):
    piket = Piket.objects.create(day=today(), user=petugas, assigned_by=kasubbag)
    assert client_of(petugas).post(f"/triase/piket/{piket.pk}/hapus/").status_code == 403
    assert client_of(kasubbag).get(f"/triase/piket/{piket.pk}/hapus/").status_code == 405
    assert client_of(kasubbag).post(f"/triase/piket/{piket.pk}/hapus/").status_code == 302
    assert not Piket.objects.exists()
    assert client_of(petugas).get("/triase/").status_code == 403
