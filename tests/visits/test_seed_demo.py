from itertools import pairwise

from django.contrib.auth import get_user_model
from django.core.management import call_command

from routing.models import Bidang
from visits.models import SopStep, Visit, VisitEvent, VisitStep


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
    visit = visits.filter(state="selesai").first()
    steps = list(visit.steps.all())
    assert [s.number for s in steps] == [1, 2, 3, 4, 5, 6]
    assert all(a.ended_at == b.started_at for a, b in pairwise(steps))
    assert steps[4].received_at is not None
