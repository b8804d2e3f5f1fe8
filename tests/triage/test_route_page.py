"""/triase/<pk>/: the guest, the editable keperluan, the suggestion preselected with its reason; saving is step 4."""

import pytest
from django.test import Client

from notifications.models import Notification
from pojok import clock
from routing.models import Topic
from tests.factories import bidang
from tests.triage.conftest import topic
from visits.models import RoutingDecision, State

pytestmark = pytest.mark.django_db


def url(visit):
    return f"/triase/{visit.pk}/"


def test_it_shows_the_guest_and_preselects_the_suggestion_with_its_reason(client_of, kasubbag, in_triage):
    visit = in_triage("Pengajuan SPP-UP", guest_name="Rahmat Hidayat", origin="Kecamatan Natar")
    response = client_of(kasubbag).get(url(visit))
    html = response.content.decode()
    assert "Rahmat Hidayat" in html and "Kecamatan Natar" in html and "Pengajuan SPP-UP</textarea>" in html
    form = response.context["form"]
    assert form["bidang"].value() == bidang("perbendaharaan").pk
    assert form["topic"].value() == topic("SPP (UP/GU/TU/LS)").pk
    assert "kata kunci: \u201cSPP-UP\u201d" in html
    assert 'data-suggest-url="/routing/suggest/"' in html and "js/triage.js" in html
    assert f'data-bidang="{bidang("aset").pk}"' in html  # topics and staff carry their Bidang for the page script


def test_saving_the_suggestion_records_step_4_and_returns_to_the_queue(client_of, kasubbag, staf, in_triage):
    visit = in_triage("Revisi DPA")
    response = client_of(kasubbag).post(url(visit), {
        "keperluan": "Revisi DPA belanja modal", "bidang": bidang("anggaran").pk,
        "topic": topic("Pergeseran anggaran").pk, "assigned_to": staf.pk,
    })
    assert response.status_code == 302 and response["Location"] == "/triase/"
    visit.refresh_from_db()
    assert (visit.state, visit.bidang.code, visit.assigned_to, visit.keperluan) == (
        State.WAITING, "anggaran", staf, "Revisi DPA belanja modal")
    decision = RoutingDecision.objects.get()
    assert decision.followed_suggestion and decision.by == kasubbag


def test_an_override_without_a_reason_is_refused_with_a_message_next_to_the_field(client_of, kasubbag, in_triage):
    visit = in_triage("Konsultasi SPJ bendahara")
    response = client_of(kasubbag).post(url(visit), {"keperluan": visit.keperluan, "bidang": bidang("aset").pk})
    assert response.status_code == 400
    assert response.context["form"].errors["override_reason"] == [
        "Bidang yang dipilih berbeda dari usulan (Bidang Perbendaharaan): tuliskan alasan singkat."]
    visit.refresh_from_db()
    assert visit.state == State.TRIAGE and RoutingDecision.objects.count() == 0 and Notification.objects.count() == 0


def test_an_override_with_a_reason_is_saved(client_of, kasubbag, in_triage):
    visit = in_triage("Konsultasi SPJ bendahara")
    client_of(kasubbag).post(url(visit), {"keperluan": visit.keperluan, "bidang": bidang("aset").pk,
                                          "override_reason": "SPJ pemeliharaan gedung, urusan aset"})
    decision = RoutingDecision.objects.get()
    assert decision.bidang.code == "aset" and decision.override_reason == "SPJ pemeliharaan gedung, urusan aset"


def test_the_suggestion_is_judged_on_the_keperluan_as_edited(client_of, kasubbag, in_triage):
    visit = in_triage("mau konsultasi")
    response = client_of(kasubbag).post(url(visit), {"keperluan": "Inventarisasi BMD", "bidang": bidang("aset").pk})
    assert response.status_code == 302
    assert RoutingDecision.objects.get().suggested_bidang.code == "aset"


@pytest.mark.parametrize("data, field", [
    ({"keperluan": "", "bidang": "1"}, "keperluan"),
    ({"keperluan": "Revisi DPA"}, "bidang"),
    ({"keperluan": "Revisi DPA", "bidang": "abc"}, "bidang"),
    ({"keperluan": "Revisi DPA", "bidang": "999999"}, "bidang"),
    ({"keperluan": "x" * 1001, "bidang": "1"}, "keperluan"),
    ({"keperluan": "Revisi DPA", "bidang": "anggaran", "topic": "999999"}, "topic"),
    ({"keperluan": "Revisi DPA", "bidang": "anggaran", "topic": "SP2D"}, "topic"),
    ({"keperluan": "Revisi DPA", "bidang": "anggaran", "assigned_to": "dodi"}, "assigned_to"),
    ({"keperluan": "Revisi DPA", "bidang": "anggaran", "override_reason": "y" * 301}, "override_reason"),
])
def test_bad_input_gets_a_message_and_changes_nothing(client_of, kasubbag, staf_lain, in_triage, data, field):
    visit = in_triage("Revisi DPA")
    data = dict(data)
    if data.get("bidang") == "anggaran":
        data["bidang"] = bidang("anggaran").pk
    if data.get("topic") == "SP2D":
        data["topic"] = Topic.objects.get(name="SP2D").pk
    if data.get("assigned_to") == "dodi":
        data["assigned_to"] = staf_lain.pk
    response = client_of(kasubbag).post(url(visit), data)
    assert response.status_code == 400
    assert field in response.context["form"].errors
    visit.refresh_from_db()
    assert visit.state == State.TRIAGE and RoutingDecision.objects.count() == 0


def test_a_guest_already_routed_sends_the_kasubbag_back_to_the_queue(client_of, kasubbag, in_triage):
    visit = in_triage("Revisi DPA")
    client = client_of(kasubbag)
    client.post(url(visit), {"keperluan": "Revisi DPA", "bidang": bidang("anggaran").pk})
    choice = {"keperluan": "Revisi DPA", "bidang": bidang("anggaran").pk}
    for response in (client.get(url(visit), follow=True), client.post(url(visit), choice, follow=True)):
        assert response.redirect_chain[-1][0] == "/triase/"
        assert "tidak sedang menunggu diarahkan" in response.content.decode()
    assert RoutingDecision.objects.count() == 1


@pytest.mark.parametrize("who", ["petugas", "staf", "pimpinan", "admin_user"])
def test_other_roles_cannot_open_or_post_it(request, client_of, in_triage, who):
    visit = in_triage("Revisi DPA")
    client = client_of(request.getfixturevalue(who))
    assert client.get(url(visit)).status_code == 403
    assert client.post(url(visit), {"keperluan": "Revisi DPA", "bidang": bidang("anggaran").pk}).status_code == 403
    assert RoutingDecision.objects.count() == 0


def test_it_needs_the_csrf_token(kasubbag, in_triage):
    visit = in_triage("Revisi DPA")
    client = Client(enforce_csrf_checks=True)
    client.force_login(kasubbag)
    assert client.post(url(visit), {"keperluan": "Revisi DPA", "bidang": bidang("anggaran").pk}).status_code == 403
    assert RoutingDecision.objects.count() == 0


def test_an_unknown_visit_is_404(client_of, kasubbag):
    assert client_of(kasubbag).get("/triase/999999/").status_code == 404


def test_the_visit_page_and_the_boards_send_routing_to_this_page(client_of, kasubbag, petugas, in_triage):

    from visits.models import Piket

    visit = in_triage("Revisi DPA", at=clock.now())
    assert f'href="{url(visit)}"' in client_of(kasubbag).get(f"/kunjungan/{visit.pk}/").content.decode()
    Piket.objects.create(day=clock.today(), user=petugas, assigned_by=kasubbag)  # the desk routes today
    assert f'href="{url(visit)}"' in client_of(petugas).get("/meja-depan/").content.decode()


def test_a_guest_sent_back_by_a_bidang_shows_why(client_of, kasubbag, staf, in_triage):
    from tests.factories import wib
    from visits.models import route_visit

    visit = in_triage("Revisi DPA")
    route_visit(visit=visit, by=kasubbag, bidang=bidang("anggaran"), at=wib(minute=4))
    visit.advance("transfer", by=staf, note="ternyata urusan SPJ", at=wib(minute=10))
    html = client_of(kasubbag).get(url(visit)).content.decode()
    assert "oleh Ani Lestari: <em>ternyata urusan SPJ</em>" in html
