import io
from datetime import timedelta
from itertools import pairwise

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db.models import F
from django.utils import timezone

from pojok import clock as clock_module
from routing.models import Bidang
from survey.models import Response
from tests.factories import wib
from visits import demo_calendar
from visits.models import OPEN_STATES, RoutingDecision, SopStep, Visit, VisitEvent, VisitStep


def counts():
    return {
        "users": get_user_model().objects.count(), "bidang": Bidang.objects.count(),
        "sop": SopStep.objects.count(), "visits": Visit.objects.count(),
        "steps": VisitStep.objects.count(), "events": VisitEvent.objects.count(),
    }


def test_seed_demo_twice_creates_no_duplicates(db, capsys):
    call_command("seed_demo", "--visits", "60", "--days", "10", "--today", "4", "--password", "demo-pass-1")
    first = counts()
    call_command("seed_demo", "--visits", "60", "--days", "10", "--today", "4", "--password", "demo-pass-1")
    assert counts() == first
    assert first["bidang"] == 5 and first["sop"] == 6 and first["users"] == 9
    assert first["visits"] == 64


def test_seed_demo_creates_the_named_users_with_the_printed_password(db, capsys):
    call_command("seed_demo", "--password", "demo-pass-2")
    out = capsys.readouterr().out
    assert "sandi: demo-pass-2" in out
    User = get_user_model()
    names = {"petugas", "kasubbag", "pimpinan", "admin", "anggaran", "perbendaharaan", "akuntansi", "aset",
             "sekretariat"}
    assert set(User.objects.values_list("username", flat=True)) == names
    assert all(user.check_password("demo-pass-2") for user in User.objects.all())
    assert User.objects.get(username="aset").bidang.code == "aset"
    assert set(Bidang.objects.values_list("code", flat=True)) == {
        "anggaran", "perbendaharaan", "akuntansi", "aset", "sekretariat"}
    assert dict(SopStep.objects.values_list("number", "standard_minutes")) == {1: 5, 2: 2, 3: 2, 4: 5, 5: None, 6: 2}


def test_seed_demo_generates_and_prints_a_password_when_none_is_given(db, capsys):
    call_command("seed_demo")
    password = capsys.readouterr().out.split("sandi: ")[1].strip()
    assert len(password) >= 10
    assert get_user_model().objects.get(username="petugas").check_password(password)


def test_historical_visits_are_realistic(db):
    call_command("seed_demo", "--visits", "200", "--days", "20", "--password", "x")
    visits = Visit.objects.all()
    assert visits.count() == 200
    assert 0 < visits.filter(state="batal").count() < 40
    done = VisitStep.objects.filter(result="selesai", standard_minutes__isnull=False)
    within = [s for s in done if s.complies]
    assert 0.6 < len(within) / done.count() < 1  # most within standard, some over
    # every finished visit went through the six steps in order, each starting when the last ended
    visit = visits.filter(state="selesai", channel="tatap_muka").first()
    steps = list(visit.steps.all())
    assert [s.number for s in steps] == [1, 2, 3, 4, 5, 6]
    assert all(a.ended_at == b.started_at for a, b in pairwise(steps))
    assert steps[4].received_at is not None


# --- a demo that looks like a real office (issue 19): the calendar, the hours, and today by the clock ---

def seed(*args):
    call_command("seed_demo", "--password", "x", *args, stdout=io.StringIO())


def stamps(visit) -> list:
    """Every moment recorded for a visit: its arrival, its steps, its history."""
    moments = [visit.arrived_at, visit.created_at]
    for step in visit.steps.all():
        moments += [m for m in (step.started_at, step.ended_at, step.received_at) if m is not None]
    return moments + [event.at for event in visit.events.all()]


def outside_office_hours(visits) -> list:
    return [(visit.queue_number, visit.day, moment) for visit in visits.prefetch_related("steps", "events")
            for moment in stamps(visit)
            if not demo_calendar.opens(visit.day) <= moment <= demo_calendar.closes(visit.day)
            or timezone.localdate(moment) != visit.day]


def test_the_demo_history_keeps_to_working_days_and_office_hours(db, clock):
    seed("--visits", "200", "--days", "30", "--today", "10")
    visits = Visit.objects.all()
    assert visits.count() == 210
    assert not [v.day for v in visits if v.day.weekday() >= 5]  # no Saturday, no Sunday
    assert outside_office_hours(visits) == []
    history = visits.filter(day__lt=clock.today())
    in_the_break = [v for v in history if demo_calendar.midday_break(v.day)[0] <= v.arrived_at
                    < demo_calendar.midday_break(v.day)[1]]
    assert in_the_break == []  # nobody is let in over the midday break
    assert len({v.day for v in history}) == len(demo_calendar.working_days(clock.today() - timedelta(days=30),
                                                                            clock.today() - timedelta(days=1)))
    # queue numbers follow the order the guests came in
    for day in {v.day for v in history}:
        arrivals = list(history.filter(day=day).order_by("queue_seq").values_list("arrived_at", flat=True))
        assert arrivals == sorted(arrivals)


def test_the_demo_has_remote_requests_through_their_own_steps(db):
    seed("--visits", "200", "--days", "30")
    remote = Visit.objects.exclude(channel="tatap_muka")
    assert {"telepon", "whatsapp"} <= set(remote.values_list("channel", flat=True))
    assert 10 < remote.count() < 60
    done = remote.filter(state="selesai").first()
    assert [s.number for s in done.steps.order_by("number")] == [4, 5]
    assert [e.action for e in done.events.order_by("at", "pk")] == ["check_in", "route", "receive", "close"]
    assert done.consultation.problem == done.keperluan and done.created_by.username == "kasubbag"


def test_every_routed_demo_visit_has_a_topic_of_its_bidang_and_some_overrides(db):
    seed("--visits", "150", "--days", "30", "--today", "10")
    routed = Visit.objects.filter(events__action="route").distinct()
    assert routed.count() > 100
    assert not routed.filter(topic__isnull=True).exists()
    assert not routed.exclude(topic__bidang=F("bidang")).exists()
    decisions = RoutingDecision.objects.all()
    assert decisions.count() == routed.count() and not decisions.filter(topic__isnull=True).exists()
    assert decisions.exclude(override_reason="").count() >= 5  # "Mutu rute" has overrides to show
    today = decisions.filter(visit__day=timezone.localdate(clock_module.now()))
    assert today.exists()  # today's guests were routed through route_visit, with a decision each


def test_before_the_office_opens_today_has_no_guests_and_the_last_working_day_is_complete(db, clock):
    clock.set(wib(2026, 11, 24, 4, 20))  # Tuesday, 04.20 WIB
    out = io.StringIO()
    call_command("seed_demo", "--password", "x", "--visits", "80", "--days", "14", "--today", "10", stdout=out)
    assert "Kunjungan hari ini ditambahkan: 0." in out.getvalue() and "Kantor sedang tutup" in out.getvalue()
    assert not Visit.objects.filter(day=clock.today()).exists()
    assert not Visit.objects.filter(state__in=OPEN_STATES).exists()
    monday = Visit.objects.filter(day=wib(2026, 11, 23).date())
    assert monday.filter(state="selesai").count() > 5  # yesterday was a whole working day
    assert outside_office_hours(Visit.objects.all()) == []


def test_the_next_morning_the_demo_closes_the_guests_left_open_the_day_before(db, clock):
    clock.set(wib(2026, 11, 23, 10, 30))  # Monday: a run during the day leaves guests open ...
    seed("--today", "10")
    assert Visit.objects.filter(state__in=OPEN_STATES).count() > 5
    clock.set(wib(2026, 11, 24, 4, 20))  # ... and the next morning, before opening, the demo is run again
    seed("--today", "10")
    assert not Visit.objects.filter(state__in=OPEN_STATES).exists()  # closed, as the nightly job does
    assert not Visit.objects.filter(day=clock.today()).exists()
    closing = VisitEvent.objects.filter(action="close_stale")
    assert closing.exists() and max(closing.values_list("at", flat=True)) <= demo_calendar.closes(wib().date())


def test_on_a_weekend_today_has_no_guests(db, clock):
    clock.set(wib(2026, 11, 28, 10, 30))  # Saturday
    seed("--visits", "40", "--days", "10", "--today", "10")
    assert not Visit.objects.filter(day=clock.today()).exists()
    assert Visit.objects.count() == 40 and not Visit.objects.filter(state__in=OPEN_STATES).exists()


def test_while_the_office_is_open_today_has_guests_at_several_steps_none_in_the_future(db, clock):
    clock.set(wib(2026, 11, 25, 10, 30))  # a Wednesday morning
    seed("--visits", "40", "--days", "10", "--today", "12")
    now = clock.now()
    today = Visit.objects.filter(day=clock.today())
    assert today.count() == 12
    states = set(today.values_list("state", flat=True))
    assert {"tiba", "sambut", "lapor", "triase", "menunggu", "konsultasi", "keluar", "selesai"} <= states
    assert today.exclude(channel="tatap_muka").exists()  # a request by telephone or WhatsApp too
    assert max(m for visit in today for m in stamps(visit)) <= now  # nothing stamped after now
    assert outside_office_hours(today) == []
    for visit in today.filter(state__in=OPEN_STATES):
        step = visit.current_step()
        assert now - visit.arrived_at < timedelta(hours=1), visit  # none waiting since early morning
        assert now - (step.received_at or step.started_at) < timedelta(minutes=25), visit
    numbers = list(today.order_by("queue_seq").values_list("arrived_at", flat=True))
    assert numbers == sorted(numbers)


@pytest.mark.parametrize("moment", [
    wib(2026, 11, 25, 7, 36),   # six minutes after OFFICE_OPENS (07:30)
    wib(2026, 11, 25, 13, 3),   # just after the break
    wib(2026, 11, 27, 11, 45),  # a Friday, in its longer break
    wib(2026, 11, 27, 15, 58),  # two minutes before closing
])
def test_at_any_hour_of_the_day_todays_guests_keep_to_office_hours_and_the_clock(db, clock, moment):
    clock.set(moment)
    seed("--today", "12")
    today = Visit.objects.filter(day=clock.today())
    assert today.count() == 12
    assert outside_office_hours(today) == []
    assert max(m for visit in today for m in stamps(visit)) <= clock.now()


def test_after_closing_today_is_a_finished_day(db, clock):
    clock.set(wib(2026, 11, 25, 17, 45))
    seed("--visits", "40", "--days", "10", "--today", "10")
    today = Visit.objects.filter(day=clock.today())
    assert today.count() == 10 and not today.filter(state__in=OPEN_STATES).exists()
    assert outside_office_hours(today) == []
    assert RoutingDecision.objects.filter(visit__day=clock.today()).exists()


def test_the_demo_survey_answers_spread_over_the_days_and_channels(db):
    seed("--visits", "200", "--days", "30", "--today", "10")
    call_command("seed_survey_demo", stdout=io.StringIO())
    responses = Response.objects.all()
    assert responses.count() > 50
    assert len(set(responses.values_list("day", flat=True))) > 15
    assert {"tatap_muka", "telepon", "whatsapp"} <= set(responses.values_list("channel", flat=True))


def test_over_the_midday_break_nobody_has_come_in_since_it_began(db, clock):
    clock.set(wib(2026, 11, 25, 12, 40))  # Wednesday, in the break (12.00-13.00)
    seed("--today", "10")
    today = Visit.objects.filter(day=clock.today())
    assert today.filter(state__in=OPEN_STATES).count() > 5  # guests still there, waiting it out
    rest_starts = demo_calendar.midday_break(clock.today())[0]
    assert max(m for visit in today for m in stamps(visit)) <= rest_starts
