"""A visit step carries its visit's office (visits.models.steps): the lifecycle, the demo writer and a
referral to another office all write it so, and a step is read by that column, without joining its visit."""

import io

import pytest
from django.core.management import call_command
from django.db.models import F
from django.urls import reverse

from offices.current import acting_for
from pojok import roles
from tests.factories import advance_to, make_user, make_visit, wib
from tests.referrals.conftest import referral_form
from visits.models import Channel, Visit, VisitStep

pytestmark = pytest.mark.django_db


def steps_by_office() -> dict:
    """{office id: its steps' count}, failing when any step's office is not its visit's."""
    assert not VisitStep.all_offices.exclude(office_id=F("visit__office_id")).exists()
    counts = {}
    for office in VisitStep.all_offices.values_list("office_id", flat=True):
        counts[office] = counts.get(office, 0) + 1
    return counts


def test_the_lifecycle_gives_each_step_its_visits_office(people, other_office):
    advance_to(make_visit(people["petugas"]), ["greet", "report", "route", "receive", "finish", "see_out"], people)
    with acting_for(other_office):
        theirs = make_user("tono", roles.PETUGAS)
        Visit.record_remote(by=make_user("wati", roles.KASUBBAG), channel=Channel.TELEPON, guest_name="Rudi",
                            origin="Kecamatan Natar", keperluan="RPJMD", at=wib())
        make_visit(theirs).advance("greet", by=theirs, at=wib(minute=5))
    assert steps_by_office() == {1: 6, other_office.pk: 1 + 3}


def test_the_demo_writer_gives_each_step_its_visits_office(clock):
    clock.set(wib(2026, 11, 23, 10, 30))
    call_command("seed_demo", visits=20, days=5, password="demo-uji-123", no_train=True, stdout=io.StringIO())
    call_command("seed_office_demo", visits=20, days=5, today=2, password="demo-uji-123", stdout=io.StringIO())
    counts = steps_by_office()
    assert len(counts) == 2 and all(counts.values())


def test_a_referral_to_another_office_opens_its_step_there(client_of, people, other_office):
    remote = Visit.record_remote(by=people["kasubbag"], channel=Channel.WHATSAPP, guest_name="Rudi Hartono",
                                 origin="Kecamatan Natar", keperluan="RPJMD", phone="0813-1111-2222", at=wib())
    sent = client_of(people["kasubbag"]).post(reverse("referrals:new", args=[remote.pk]),
                                              referral_form(other_office, planned_date="", part_of_day=""))
    assert sent.status_code == 302
    with acting_for(other_office):
        there = Visit.objects.get()
        assert list(there.steps.values_list("number", "office_id")) == [(4, other_office.pk)]
    assert list(remote.steps.values_list("number", "office_id")) == [(4, 1)]
    assert steps_by_office() == {1: 1, other_office.pk: 1}


def test_a_step_is_read_by_its_own_office_without_its_visit():
    sql = str(VisitStep.objects.filter(number=5).query)
    assert "visits_visit" not in sql.replace("visits_visitstep", "") and "office_id" in sql
