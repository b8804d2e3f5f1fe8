"""manage.py anonymize_guests: old guests' personal data becomes placeholders, nothing else changes."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from notifications.models import Notification
from privacy.holders import GUEST, REMOVED
from privacy.models import Kind, PersonalDataLog, PrivacySetting
from visits.models import Consultation, RoutingDecision, Visit, VisitEvent, VisitStep

from .conftest import guest_visit

pytestmark = pytest.mark.django_db


def run(*args) -> str:
    out = StringIO()
    call_command("anonymize_guests", *args, stdout=out)
    return out.getvalue()


def test_it_replaces_name_phone_and_free_text_of_old_visits_only(staff_with_email):
    old = guest_visit(staff_with_email, days=400, guest_name="Siti Aminah", phone="+6281234567890")
    recent = guest_visit(staff_with_email, days=30, guest_name="Rudi Hartono", phone="+6281311112222")

    run()

    old.refresh_from_db()
    assert (old.guest_name, old.phone, old.keperluan) == (GUEST, "", REMOVED)
    assert (old.consultation.problem, old.consultation.outcome) == (REMOVED, REMOVED)
    assert set(RoutingDecision.objects.filter(visit=old).values_list("keperluan", flat=True)) == {REMOVED}
    mails = Notification.objects.filter(visit=old)
    assert mails.exists() and not mails.exclude(subject=REMOVED, body=REMOVED).exists()
    recent.refresh_from_db()
    assert (recent.guest_name, recent.phone) == ("Rudi Hartono", "+6281311112222")
    assert "Rudi Hartono" in Notification.objects.get(visit=recent).body
    assert "Rudi Hartono" in recent.consultation.outcome


def test_it_keeps_what_the_statistics_need(people):
    old = guest_visit(people, days=400, origin="Kecamatan Natar")
    before = (old.day, old.arrived_at, old.state, old.bidang_id, old.topic_id, old.origin, old.party_size,
              old.queue_seq, old.consultation.mode, old.consultation.follow_up_needed)
    steps = list(VisitStep.objects.filter(visit=old).values())
    events = list(VisitEvent.objects.filter(visit=old).values())

    run()

    old.refresh_from_db()
    assert (old.day, old.arrived_at, old.state, old.bidang_id, old.topic_id, old.origin, old.party_size,
            old.queue_seq, old.consultation.mode, old.consultation.follow_up_needed) == before
    assert list(VisitStep.objects.filter(visit=old).values()) == steps
    assert list(VisitEvent.objects.filter(visit=old).values()) == events


def test_visits_still_in_use_are_left_for_later(people):
    still_open = guest_visit(people, days=400, guest_name="Masih Konsultasi", finish=False)
    followed = guest_visit(people, days=400, guest_name="Tunggu Tindak Lanjut")
    Consultation.objects.filter(visit=followed).update(follow_up_needed=True)

    run()

    assert Visit.objects.get(pk=still_open.pk).guest_name == "Masih Konsultasi"
    assert Visit.objects.get(pk=followed.pk).guest_name == "Tunggu Tindak Lanjut"
    Consultation.objects.filter(visit=followed).update(follow_up_done_at=followed.arrived_at)
    run()
    assert Visit.objects.get(pk=followed.pk).guest_name == GUEST


def test_a_second_run_changes_nothing(staff_with_email):
    guest_visit(staff_with_email, days=400, phone="+6281234567890")

    first = run()
    second = run()

    assert "kunjungan: 1 baris diubah" in first
    assert "Jumlah: 0 baris diubah." in second
    assert PersonalDataLog.objects.filter(kind=Kind.RETENTION).count() == 1  # an idle run logs nothing


def test_it_prints_how_many_rows_changed_per_place(staff_with_email):
    guest_visit(staff_with_email, days=400)
    guest_visit(staff_with_email, days=401, guest_name="Rudi Hartono")

    out = run()

    assert "kunjungan: 2 baris diubah" in out
    assert "catatan konsultasi: 2 baris diubah" in out
    assert "keputusan rute: 2 baris diubah" in out
    log = PersonalDataLog.objects.get(kind=Kind.RETENTION)
    assert log.by is None and log.counts["kunjungan"] == 2
    assert log.rows == int(out.split("Jumlah: ")[1].split()[0])


def test_the_retention_period_comes_from_the_admin_setting(people):
    at_200 = guest_visit(people, days=200, guest_name="Dua Ratus Hari")
    at_400 = guest_visit(people, days=400, guest_name="Empat Ratus Hari")
    PrivacySetting(retention_days=180).save()

    run()

    assert Visit.objects.get(pk=at_200.pk).guest_name == GUEST
    assert Visit.objects.get(pk=at_400.pk).guest_name == GUEST


def test_older_than_overrides_the_setting(people):
    at_200 = guest_visit(people, days=200, guest_name="Dua Ratus Hari")
    at_400 = guest_visit(people, days=400, guest_name="Empat Ratus Hari")
    PrivacySetting(retention_days=100).save()

    run("--older-than", "300")

    assert Visit.objects.get(pk=at_200.pk).guest_name == "Dua Ratus Hari"
    assert Visit.objects.get(pk=at_400.pk).guest_name == GUEST


def test_the_cutoff_day_itself_is_kept(people):
    on_the_day = guest_visit(people, days=365, guest_name="Tepat Setahun")
    one_more = guest_visit(people, days=366, guest_name="Lewat Sehari")

    run()  # the default setting: 365 days

    assert Visit.objects.get(pk=on_the_day.pk).guest_name == "Tepat Setahun"
    assert Visit.objects.get(pk=one_more.pk).guest_name == GUEST


def test_it_updates_in_batches_one_query_each(people):
    for n in range(5):
        guest_visit(people, days=400 + n, guest_name=f"Tamu Lama {n}")
    table = Visit._meta.db_table

    with CaptureQueriesContext(connection) as queries:
        out = run("--batch-size", "2")

    updates = [q["sql"] for q in queries.captured_queries
               if q["sql"].startswith(f'UPDATE "{table}"')]
    assert len(updates) == 3  # 2 + 2 + 1: the short batch says nothing is left
    assert not [q for q in queries.captured_queries if q["sql"].startswith(f'SELECT "{table}"."id"')]
    assert "kunjungan: 5 baris diubah" in out
    assert not Visit.objects.exclude(guest_name=GUEST).exists()


@pytest.mark.parametrize("args, message", [
    (("--older-than", "7"), "paling sedikit 90 hari"),
    (("--batch-size", "0"), "paling sedikit 1"),
])
def test_it_refuses_a_dangerous_argument_and_changes_nothing(people, args, message):
    guest_visit(people, days=400)
    with pytest.raises(CommandError, match=message):
        run(*args)
    assert not Visit.objects.filter(guest_name=GUEST).exists()
