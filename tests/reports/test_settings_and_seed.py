"""The admin sets the compliance threshold; seed_demo places history where it is told to."""

import io

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.urls import reverse

from visits.models import ReportSettings, Visit, VisitStep


def test_the_threshold_defaults_to_ninety_percent_without_a_row(db):
    assert ReportSettings.current().compliance_threshold == 90
    assert not ReportSettings.objects.exists()


def test_the_admin_sets_the_threshold(client_of, admin_user):
    client = client_of(admin_user)
    response = client.post(reverse("admin:visits_reportsettings_add"), {"compliance_threshold": "85"})
    assert response.status_code == 302
    assert ReportSettings.current().compliance_threshold == 85
    saved = ReportSettings.current().pk
    response = client.post(reverse("admin:visits_reportsettings_change", args=[saved]), {"compliance_threshold": "101"})
    assert response.status_code == 200 and ReportSettings.current().compliance_threshold == 85


def test_seed_demo_end_places_history_before_that_day(db):
    call_command("seed_demo", "--visits", "40", "--days", "10", "--end", "2020-01-11", "--password", "x",
                 stdout=io.StringIO())
    days = Visit.objects.values_list("day", flat=True)
    assert len(days) == 40 and min(days).isoformat() == "2020-01-01" and max(days).isoformat() == "2020-01-10"
    call_command("seed_demo", "--visits", "40", "--days", "10", "--end", "2020-01-11", "--password", "x",
                 stdout=io.StringIO())
    assert Visit.objects.count() == 40  # the same window is not filled twice
    finished = Visit.objects.filter(state="selesai", channel="tatap_muka").first()
    steps = list(VisitStep.objects.filter(visit=finished).order_by("number"))
    assert [s.number for s in steps] == [1, 2, 3, 4, 5, 6]
    assert all(s.duration_seconds == -(-(s.ended_at - s.started_at).total_seconds() // 1) for s in steps)
    assert finished.consultation.bidang_id == finished.bidang_id


@pytest.mark.skipif(connection.vendor == "postgresql", reason="the benchmark itself runs on PostgreSQL")
def test_the_benchmark_refuses_sqlite(db):
    with pytest.raises(CommandError, match="PostgreSQL"):
        call_command("bench_reports", stdout=io.StringIO())
