"""Managers' view of the SOP: today's figures per step, computed in the database."""

from django.contrib.auth.decorators import login_required
from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from .. import policy
from ..models import State, StepResult, Visit, VisitStep
from ..reports import step_figures


@login_required
@require_GET
def reports(request: HttpRequest) -> HttpResponse:
    policy.require(policy.can_read_reports, request.user)
    today = timezone.localdate()
    visits = Visit.objects.of_day(today).aggregate(
        total=Count("id"),
        finished=Count("id", filter=Q(state=State.DONE)),
        cancelled=Count("id", filter=Q(state=State.CANCELLED)),
    )
    steps = step_figures(VisitStep.objects.filter(visit__day=today, result=StepResult.DONE))
    return render(request, "visits/reports/today.html", {"today": today, "visits": visits, "steps": steps})
