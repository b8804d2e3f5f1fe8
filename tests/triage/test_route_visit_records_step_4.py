"""route_visit: one transaction moves the visit to its Bidang and keeps the decision against the suggestion."""

from datetime import timedelta

import pytest

from pojok import clock
from routing.models import Bidang
from tests.factories import bidang, wib
from tests.triage.conftest import topic
from visits.models import RoutingDecision, State, StepResult, route_visit

pytestmark = pytest.mark.django_db


def test_following_the_suggestion_routes_the_guest_and_keeps_the_decision(in_triage, kasubbag, staf):
    visit = in_triage("Konsultasi SPJ bendahara")
    at = wib(minute=5)
    decision = route_visit(visit=visit, by=kasubbag, bidang=bidang("perbendaharaan"), topic=topic("SPJ"), at=at)

    visit.refresh_from_db()
    assert (visit.state, visit.bidang.code, visit.topic.name) == (State.WAITING, "perbendaharaan", "SPJ")
    step4 = visit.steps.get(number=4)
    assert (step4.ended_at, step4.result, step4.ended_by) == (at, StepResult.DONE, kasubbag)
    assert step4.duration_seconds == 3 * 60  # reported at 09.02, routed at 09.05
    assert visit.events.last().action == "route"
    assert (decision.at, decision.by, decision.keperluan) == (at, kasubbag, "Konsultasi SPJ bendahara")
    assert (decision.suggested_bidang.code, decision.suggested_topic.name) == ("perbendaharaan", "SPJ")
    assert decision.followed_suggestion and decision.override_reason == ""


def test_the_kasubbag_may_rewrite_the_keperluan_and_the_suggestion_follows_the_new_text(in_triage, kasubbag):
    visit = in_triage("mau konsultasi")
    decision = route_visit(visit=visit, by=kasubbag, bidang=bidang("aset"), keperluan="  Penghapusan BMD rusak berat ",
                           topic=topic("Penghapusan BMD"), at=wib(minute=4))
    visit.refresh_from_db()
    assert visit.keperluan == decision.keperluan == "Penghapusan BMD rusak berat"
    assert decision.suggested_bidang.code == "aset" and decision.followed_suggestion


def test_an_override_keeps_its_reason_and_the_suggestion(in_triage, kasubbag, staf):
    visit = in_triage("Konsultasi SPJ bendahara")
    decision = route_visit(visit=visit, by=kasubbag, bidang=bidang("anggaran"), assigned_to=staf,
                           override_reason="SPJ dana hibah, ditangani Anggaran", at=wib(minute=4))
    assert not decision.followed_suggestion
    assert (decision.suggested_bidang.code, decision.bidang.code) == ("perbendaharaan", "anggaran")
    assert decision.override_reason == "SPJ dana hibah, ditangani Anggaran"
    visit.refresh_from_db()
    assert visit.assigned_to == staf


def test_text_that_matches_nothing_suggests_the_sekretariat(in_triage, kasubbag):
    decision = route_visit(visit=in_triage("bertemu kawan lama"), by=kasubbag, bidang=bidang("sekretariat"),
                           at=wib(minute=4))
    assert decision.suggested_bidang.code == "sekretariat" and decision.suggested_topic is None
    assert decision.followed_suggestion


def test_a_piket_on_duty_routes_on_their_day(in_triage, kasubbag, petugas):

    from visits.models import Piket

    Piket.objects.create(day=clock.today(), user=petugas, assigned_by=kasubbag)
    visit = in_triage("Revisi DPA")
    decision = route_visit(visit=visit, by=petugas, bidang=bidang("anggaran"))
    assert decision.by == petugas
    assert RoutingDecision.objects.count() == 1


def test_a_second_routing_of_the_same_guest_is_refused_and_says_who_did_it(in_triage, kasubbag):
    from visits.models import MoveRefused

    visit = in_triage("Revisi DPA")
    route_visit(visit=visit, by=kasubbag, bidang=bidang("anggaran"), at=wib(minute=4))
    with pytest.raises(MoveRefused, match="sudah diarahkan ke Bidang oleh Sri Rahayu pukul 09.04"):
        route_visit(visit=visit, by=kasubbag, bidang=bidang("anggaran"), at=wib(minute=5))
    assert RoutingDecision.objects.count() == 1


def test_a_routing_refused_by_the_lifecycle_leaves_no_decision(in_triage, kasubbag):
    from visits.models import MoveRefused

    visit = in_triage("Revisi DPA")
    with pytest.raises(MoveRefused):  # stamped before step 4 began
        route_visit(visit=visit, by=kasubbag, bidang=bidang("anggaran"), at=wib() - timedelta(hours=1))
    assert RoutingDecision.objects.count() == 0
    assert Bidang.objects.get(code="anggaran").visits.count() == 0
