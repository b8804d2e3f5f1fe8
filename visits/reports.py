"""Compliance figures as database queries over the recorded steps."""


from django.db.models import Avg, Count, F, Max, Q

from .models import SopStep, clock_text


def _clock(seconds: float | None) -> str:
    return clock_text(round(seconds)) if seconds is not None else ""


def step_figures(done_steps) -> list[dict]:
    """Per SOP step: how many were recorded, how many within their standard, average and longest."""
    has_standard = Q(standard_minutes__isnull=False)
    rows = (
        done_steps.values("number")
        .annotate(
            count=Count("id"),
            with_standard=Count("id", filter=has_standard),
            within=Count("id", filter=has_standard & Q(duration_seconds__lte=F("standard_minutes") * 60)),
            average=Avg("duration_seconds"),
            longest=Max("duration_seconds"),
        )
        .order_by("number")
    )
    sop = {step.number: step for step in SopStep.objects.all()}
    return [
        {
            **row,
            "name": sop[row["number"]].short_name if row["number"] in sop else "",
            "standard_minutes": sop[row["number"]].standard_minutes if row["number"] in sop else None,
            "share": row["within"] / row["with_standard"] if row["with_standard"] else None,
            "average_text": _clock(row["average"]),
            "longest_text": _clock(row["longest"]),
        }
        for row in rows
    ]
