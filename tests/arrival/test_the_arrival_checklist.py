"""The manual's arrival rules: a checklist the admin edits (the manual's by default, or switched off),
ticked at the desk and the kiosk, kept on the visit and its timeline, and the monitoring sheet's
Mutu Baku "Kelengkapan"."""

import uuid

import pytest
from django.urls import reverse

from lobby.models import Device
from tests.lobby.conftest import pair_device
from visits.forms.reports import ReportFilter
from visits.models import ArrivalRule, Visit
from visits.reports import build_report
from visits.sop import ARRIVAL_RULES, ensure_arrival_rules

pytestmark = pytest.mark.django_db

GUEST = {"guest_name": "Siti Aminah", "origin": "Dinas Kesehatan", "phone": "", "party_size": "1",
         "keperluan": "Konsultasi SPJ", "arrival_time": ""}
TODAY = {"periode": "rentang", "dari": "2026-11-23", "sampai": "2026-11-23"}


@pytest.fixture
def rules(db):
    ensure_arrival_rules(ArrivalRule)  # what the migration seeds (a flushed test database lost it)
    return list(ArrivalRule.objects.order_by("order"))


def test_the_default_is_the_manuals(rules, client_of, petugas):
    assert [rule.text for rule in rules] == ARRIVAL_RULES
    html = client_of(petugas).get(reverse("visits:check_in")).content.decode()
    assert "data-arrival-checklist" in html
    for text in ("Melapor terlebih dahulu kepada petugas di pintu luar", "Memakai masker", "Menjaga jarak",
                 "Mencuci tangan memakai sabun"):
        assert text in html


def test_the_desk_ticks_it_and_the_visit_keeps_it_on_its_timeline(rules, client_of, petugas):
    client = client_of(petugas)
    client.post(reverse("visits:check_in"), {**GUEST, "arrival": [str(rule.pk) for rule in rules[:3]]})
    visit = Visit.objects.get()
    assert visit.arrival_complete is False
    assert visit.arrival_checks == [{"item": text, "ok": index < 3} for index, text in enumerate(ARRIVAL_RULES)]
    rules[1].text = "Memakai masker medis"  # an edit later does not rewrite what was ticked
    rules[1].save()
    html = client.get(reverse("visits:detail", args=[visit.pk])).content.decode()
    assert "belum lengkap" in html and "✗ Mencuci tangan" in html and "✓ Memakai masker<" in html


def test_the_kiosk_ticks_it_too(rules, admin_user):
    _, tablet = pair_device(name="Tablet pintu", kind=Device.Kind.KIOSK, by=admin_user)
    assert "data-arrival-checklist" in tablet.get(reverse("lobby:kiosk")).content.decode()
    tablet.post(reverse("lobby:kiosk"), {"key": str(uuid.uuid4()), "guest_name": "Siti Aminah",
                                         "origin": "Dinas Kesehatan", "keperluan": "Konsultasi SPJ",
                                         "arrival": [str(rule.pk) for rule in rules]})
    visit = Visit.objects.get()
    assert visit.arrival_complete is True and all(check["ok"] for check in visit.arrival_checks)


def test_an_unknown_item_is_refused_and_nothing_is_recorded(rules, client_of, petugas):
    response = client_of(petugas).post(reverse("visits:check_in"), {**GUEST, "arrival": ["99999"]})
    assert response.status_code == 200 and "Butir protokol tidak dikenal" in response.content.decode()
    assert not Visit.objects.exists()


def test_an_office_may_switch_it_off(rules, client_of, petugas):
    ArrivalRule.objects.update(active=False)
    client = client_of(petugas)
    assert "data-arrival-checklist" not in client.get(reverse("visits:check_in")).content.decode()
    client.post(reverse("visits:check_in"), GUEST)
    visit = Visit.objects.get()
    assert (visit.arrival_checks, visit.arrival_complete) == ([], None)
    report = build_report(_scope(TODAY))
    assert report.monitoring[0]["kelengkapan"] == "Tanpa daftar periksa"


def _scope(data):
    filterset = ReportFilter(data)
    assert filterset.is_valid()
    return filterset.scope()


def test_the_monitoring_sheet_shows_how_complete_the_arrivals_were(rules, client_of, petugas, pimpinan):
    desk = client_of(petugas)
    everything = [str(rule.pk) for rule in rules]
    for ticked in (everything, everything, everything[:1]):
        desk.post(reverse("visits:check_in"), {**GUEST, "arrival": ticked})
    sheet = build_report(_scope(TODAY)).monitoring
    assert sheet[0]["kelengkapan"] == "2 dari 3 kedatangan lengkap (66,7%)"
    assert [row["kelengkapan"] for row in sheet[1:]] == ["—"] * 6  # steps 2-6 and the wait (5a)
    page = client_of(pimpinan).get(reverse("visits:reports"), TODAY).content.decode()
    assert 'data-kelengkapan>2 dari 3 kedatangan lengkap (66,7%)<' in page
