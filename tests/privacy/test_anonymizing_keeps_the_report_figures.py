"""The SOP report and the routing quality figures are the same before and after anonymization."""

from datetime import timedelta

import pytest
from django.core.management import call_command

from pojok import clock
from privacy.holders import GUEST
from tests.factories import bidang
from visits.models import Visit
from visits.reports import Period, Scope, build_report
from visits.triage import routing_quality

from .conftest import guest_visit

pytestmark = pytest.mark.django_db


def figures(scope: Scope) -> dict:
    report = build_report(scope)
    return {"headline": report.headline, "steps": report.steps, "by_bidang": report.by_bidang,
            "by_topic": report.by_topic, "by_officer": report.by_officer, "by_day": report.by_day,
            "worst": [step.pk for step in report.worst], "monitoring": report.monitoring}


def test_report_figures_and_counts_are_identical(staff_with_email):
    for days, hour, origin in [(400, 9, "Dinas Kesehatan"), (400, 10, "Kecamatan Natar"),
                               (420, 11, "Dinas Kesehatan")]:
        guest_visit(staff_with_email, days=days, hour=hour, origin=origin)
    cancelled = guest_visit(staff_with_email, days=410, finish=False)
    cancelled.advance("cancel", by=staff_with_email["petugas"], at=cancelled.arrived_at + timedelta(hours=1),
                      note="Tamu pulang")
    today = clock.today()
    whole = Scope(Period(today - timedelta(days=450), today))
    natar = Scope(Period(today - timedelta(days=450), today), origin="Natar", bidang=bidang("anggaran"))
    quality = Period(today - timedelta(days=450), today)
    before = (figures(whole), figures(natar), routing_quality(quality)["totals"], Visit.objects.count())

    call_command("anonymize_guests")

    assert Visit.objects.filter(guest_name=GUEST).count() == 4
    after = (figures(whole), figures(natar), routing_quality(quality)["totals"], Visit.objects.count())
    assert after == before
    assert before[0]["headline"]["visits"] == 4 and before[1]["headline"]["visits"] == 1
