"""loadtest/prepare.py (make load-cluster) makes the other offices as an administrator would: each from the
generic template, with a guest desk's people of its own, its own paired display and its own history."""

import importlib.util
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model

from lobby.models import Device
from offices.current import acting_for
from offices.models import Office
from pojok import roles
from routing.models import Bidang
from tests.factories import make_user, wib
from visits.models import Visit

pytestmark = pytest.mark.django_db
PREPARE = Path(__file__).resolve().parents[2] / "loadtest" / "prepare.py"


@pytest.fixture
def prepare(monkeypatch, clock):
    clock.set(wib(2026, 12, 3, 10, 0))
    for name, value in {"LOAD_PETUGAS": "2", "LOAD_KASUBBAG": "1", "LOAD_STAF_PER_BIDANG": "1",
                        "LOAD_PIMPINAN": "1", "LOAD_DISPLAYS": "1"}.items():
        monkeypatch.setenv(name, value)
    make_user("admin", roles.ADMIN, is_staff=True)  # seed_demo's, answerable for BPKAD's displays
    spec = importlib.util.spec_from_file_location("loadtest_prepare", PREPARE)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.prepare


def test_bpkad_keeps_its_crowd_and_no_office_is_made_by_default(prepare):
    accounts = prepare("uji-beban-2026")
    assert accounts["offices"] == [] and not Office.objects.filter(code__startswith="opd-").exists()
    assert [a["username"] for a in accounts["petugas"]] == ["load-petugas-01", "load-petugas-02"]
    assert len(accounts["staf"]) == 5 and {a["office"] for a in accounts["staf"]} == {"bpkad"}


def test_each_office_gets_a_guest_desk_of_its_own(prepare):
    accounts = prepare("uji-beban-2026", offices=2, history=5)
    assert [o["code"] for o in accounts["offices"]] == ["opd-01", "opd-02"]
    for entry in accounts["offices"]:
        office = Office.objects.get(code=entry["code"])
        assert office.template == "umum"
        people = [a for role in ("petugas", "kasubbag", "staf", "pimpinan") for a in entry[role]]
        with acting_for(office):
            users = get_user_model().objects.filter(username__in=[a["username"] for a in people])
            assert len(people) == users.count() == 7 and {u.office_id for u in users} == {office.pk}
            units = set(Bidang.objects.values_list("code", flat=True))
            assert {a["bidang"] for a in entry["staf"]} == units == {"sekretariat", "umum", "keuangan", "perencanaan"}
            assert Device.objects.filter(kind=Device.Kind.DISPLAY).exclude(pairing_hash="").count() == 1
            history = Visit.objects.all()
            assert history.count() == 5 and not history.filter(day__gte=wib(2026, 12, 3).date()).exists()
            assert set(history.values_list("created_by__office", flat=True)) == {office.pk}


def test_the_offices_history_stays_out_of_bpkad(prepare):
    before = set(Visit.objects.values_list("pk", flat=True))  # BPKAD's, the office acted for
    prepare("uji-beban-2026", offices=1, history=5)
    assert set(Visit.objects.values_list("pk", flat=True)) == before
