"""What route_visit refuses: the wrong person, an override without a reason, a choice that does not fit."""

import pytest
from django.core.exceptions import PermissionDenied

from notifications.models import Notification
from pojok import clock, roles
from routing.models import Bidang
from tests.factories import bidang, make_user, wib
from tests.triage.conftest import topic
from visits.models import RoutingDecision, RoutingRefused, State, route_visit

pytestmark = pytest.mark.django_db


@pytest.fixture
def unchanged(record_of):
    """Assert the visit, decisions and outbox are exactly as before."""
    def check(visit, before):
        assert record_of(visit) == before
        assert RoutingDecision.objects.count() == 0 and Notification.objects.count() == 0
    return check


@pytest.mark.parametrize("who", ["petugas", "staf", "pimpinan", "admin_user"])
def test_routing_by_a_user_without_the_role_is_refused(request, in_triage, record_of, unchanged, who):
    visit = in_triage("Revisi DPA")
    before = record_of(visit)
    with pytest.raises(PermissionDenied):
        route_visit(visit=visit, by=request.getfixturevalue(who), bidang=bidang("anggaran"))
    unchanged(visit, before)


def test_a_piket_of_another_day_is_refused(in_triage, record_of, unchanged, kasubbag, petugas):
    from datetime import timedelta

    from visits.models import Piket

    Piket.objects.create(day=clock.today() + timedelta(days=1), user=petugas, assigned_by=kasubbag)
    visit = in_triage("Revisi DPA")
    before = record_of(visit)
    with pytest.raises(PermissionDenied):
        route_visit(visit=visit, by=petugas, bidang=bidang("anggaran"))
    unchanged(visit, before)


def test_an_override_without_a_reason_is_refused(in_triage, record_of, unchanged, kasubbag):
    visit = in_triage("Konsultasi SPJ bendahara")
    before = record_of(visit)
    for reason in ["", "   "]:
        with pytest.raises(RoutingRefused, match="berbeda dari usulan \\(Bidang Perbendaharaan\\)") as refusal:
            route_visit(visit=visit, by=kasubbag, bidang=bidang("akuntansi"), override_reason=reason, at=wib(minute=4))
        assert refusal.value.field == "override_reason"
    unchanged(visit, before)


@pytest.mark.parametrize("case, field", [
    ("topic_of_another_bidang", "topic"),
    ("staff_of_another_bidang", "assigned_to"),
    ("not_staff", "assigned_to"),
    ("inactive_bidang", "bidang"),
    ("empty_keperluan", "keperluan"),
])
def test_a_choice_that_does_not_fit_is_refused(in_triage, record_of, unchanged, kasubbag, staf_lain, petugas,
                                               case, field):
    visit = in_triage("Revisi DPA")
    before = record_of(visit)
    choice = {"bidang": bidang("anggaran")}
    if case == "topic_of_another_bidang":
        choice["topic"] = topic("SP2D")
    elif case == "staff_of_another_bidang":
        choice["assigned_to"] = staf_lain
    elif case == "not_staff":
        choice["assigned_to"] = make_user("tamu_lain", roles.PETUGAS, bidang_code="anggaran")
    elif case == "inactive_bidang":
        Bidang.objects.filter(code="anggaran").update(active=False)
        choice["bidang"] = bidang("anggaran")
    else:
        choice["keperluan"] = "   "
    with pytest.raises(RoutingRefused) as refusal:
        route_visit(visit=visit, by=kasubbag, override_reason="alasan", **choice)
    assert refusal.value.field == field
    unchanged(visit, before)
    assert visit.state == State.TRIAGE
