"""The demo's routing history: routed demo visits carry realistic needs, topics, decisions and overrides."""

import pytest
from django.core.management import call_command
from django.db.models import F

from routing.models import LearnedModel
from visits.models import RoutingDecision, Visit

pytestmark = pytest.mark.django_db


def test_seed_demo_routes_its_visits_with_topics_and_some_overrides(capsys):
    call_command("seed_demo", "--visits", "120", "--days", "30", "--today", "3", "--password", "x")
    routed = Visit.objects.filter(events__action="route").distinct()
    decisions = RoutingDecision.objects.all()
    assert decisions.count() == routed.count() > 90
    assert not Visit.objects.filter(events__action="route", routings__isnull=True).exists()
    assert not decisions.filter(topic__isnull=True).exists()  # every routed visit has a topic
    overridden = decisions.exclude(override_reason="")
    assert 0.05 * decisions.count() < overridden.count() < 0.5 * decisions.count()
    assert all(d.suggested_bidang_id != d.bidang_id for d in overridden)
    assert not decisions.filter(override_reason="").exclude(bidang=F("suggested_bidang")).exists()  # each has a reason
    visit = routed.first()
    assert visit.keperluan == visit.routings.get().keperluan and visit.topic_id == visit.routings.get().topic_id
    assert LearnedModel.objects.get().decisions == decisions.count()
    assert "model rute versi 1 dilatih" in capsys.readouterr().out


def test_seed_demo_twice_adds_no_decision_twice(capsys):
    call_command("seed_demo", "--visits", "40", "--days", "10", "--password", "x")
    first = list(RoutingDecision.objects.order_by("pk").values_list("pk", "keperluan"))
    call_command("seed_demo", "--visits", "40", "--days", "10", "--password", "x")
    assert list(RoutingDecision.objects.order_by("pk").values_list("pk", "keperluan")) == first
    assert LearnedModel.objects.count() == 1
    assert "model rute sudah terbaru" in capsys.readouterr().out
