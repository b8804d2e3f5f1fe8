"""How often the suggestion was taken, overridden (with reasons) and corrected by a transfer, per topic."""

import pytest

from pojok import clock
from pojok.periods import Period
from tests.factories import bidang, wib
from visits.models import Piket, route_visit
from visits.triage import routing_quality

pytestmark = pytest.mark.django_db
URL = "/mutu-rute/"
DAY = {"dari": "2026-11-23", "sampai": "2026-11-23"}


@pytest.fixture
def history(in_triage, kasubbag, staf):
    """Four guests on 23 November (one transferred back and routed again) and one in October."""
    def routed(keperluan, code, hour, reason=""):
        visit = in_triage(keperluan, at=wib(hour=hour))
        route_visit(visit=visit, by=kasubbag, bidang=bidang(code), override_reason=reason, at=wib(hour=hour, minute=5))
        return visit

    routed("Revisi DPA", "anggaran", 8)
    routed("Revisi DPA gedung", "aset", 9, reason="pergeseran untuk pemeliharaan gedung, urusan aset")
    routed("SP2D belum cair", "perbendaharaan", 10)
    moved = routed("Revisi DPA", "anggaran", 11)
    moved.advance("transfer", by=staf, note="ternyata SPJ dana BOS", at=wib(hour=11, minute=20))
    route_visit(visit=moved, by=kasubbag, bidang=bidang("perbendaharaan"), override_reason="SPJ dana BOS",
                at=wib(hour=11, minute=25))
    visit = in_triage("Revisi DPA", at=wib(month=10, day=1))
    route_visit(visit=visit, by=kasubbag, bidang=bidang("anggaran"), at=wib(month=10, day=1, minute=5))


def test_the_figures_count_taken_overridden_and_corrected(history):
    from datetime import date

    report = routing_quality(Period(date(2026, 11, 23), date(2026, 11, 23)))
    assert report["totals"] == {"routed": 5, "taken": 3, "overridden": 2, "corrected": 1}
    assert report["transfers"] == 1
    rows = {row["suggested_topic__name"]: row for row in report["per_topic"]}
    assert {k: rows["Pergeseran anggaran"][k] for k in ("routed", "taken", "overridden", "corrected", "taken_share")} \
        == {"routed": 4, "taken": 2, "overridden": 2, "corrected": 1, "taken_share": 50}
    assert {k: rows["SP2D"][k] for k in ("routed", "taken", "overridden", "corrected")} == {
        "routed": 1, "taken": 1, "overridden": 0, "corrected": 0}
    assert [d.override_reason for d in report["overrides"]] == [
        "SPJ dana BOS", "pergeseran untuk pemeliharaan gedung, urusan aset"]


def test_the_period_selects_the_decisions(history):
    from datetime import date

    report = routing_quality(Period(date(2026, 10, 1), date(2026, 10, 31)))
    assert report["totals"] == {"routed": 1, "taken": 1, "overridden": 0, "corrected": 0}
    assert report["transfers"] == 0


def test_the_page_shows_the_figures_reasons_and_transfers(client_of, kasubbag, history):
    html = client_of(kasubbag).get(URL, DAY).content.decode()
    assert 'data-figure="routed">5<' in html and 'data-figure="overridden">2<' in html
    assert 'data-figure="transfers">1<' in html
    assert "pergeseran untuk pemeliharaan gedung, urusan aset" in html and "ternyata SPJ dana BOS" in html


def test_its_query_count_does_not_grow_with_the_decisions(client_of, kasubbag, in_triage):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = client_of(kasubbag)
    counts = []
    for hour in (8, 9, 10):
        visit = in_triage("Revisi DPA", at=wib(hour=hour))
        route_visit(visit=visit, by=kasubbag, bidang=bidang("aset"), override_reason="aset",
                    at=wib(hour=hour, minute=5))
        with CaptureQueriesContext(connection) as queries:
            client.get(URL, DAY)
        counts.append(len(queries))
    assert counts[1] == counts[2]


@pytest.mark.parametrize("params", [{"dari": "abc"}, {"dari": "2026-12-01", "sampai": "2026-11-01"},
                                    {"sampai": "9999-12-31"}, {"dari": "0001-01-01"}, {"dari": "2026-02-30"}])
def test_a_bad_period_gets_a_message_and_the_last_30_days(client_of, kasubbag, params):
    response = client_of(kasubbag).get(URL, params)
    assert response.status_code == 200
    assert response.context["form"].errors
    assert response.context["end"] == clock.today()


def test_the_kasubbag_and_the_admin_may_read_it(client_of, kasubbag, admin_user):
    for user in (kasubbag, admin_user):
        response = client_of(user).get(URL)
        assert response.status_code == 200
        assert ("Mutu Rute", URL, True) in [item[:3] for item in response.context["nav_areas"]]
    assert "/admin/routing/topic/coba/" in client_of(admin_user).get(URL).content.decode()


@pytest.mark.parametrize("who", ["petugas", "staf", "pimpinan", "piket"])
def test_other_roles_may_not(request, client_of, kasubbag, petugas, who):
    if who == "piket":
        Piket.objects.create(day=clock.today(), user=petugas, assigned_by=kasubbag)
        who = "petugas"
    assert client_of(request.getfixturevalue(who)).get(URL).status_code == 403


def test_the_form_shows_the_period_in_force(client_of, kasubbag):
    html = client_of(kasubbag).get(URL).content.decode()
    assert f'value="{clock.today().isoformat()}"' in html
