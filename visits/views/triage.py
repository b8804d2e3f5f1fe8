"""The Kasubbag Umum's queue: guests reported to them, waiting to be routed to a Bidang (step 4)."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from routing.models import Bidang

from .. import policy
from ..models import State, Visit
from .common import board_rows


def _queue(user):
    visits = Visit.objects.of_day(timezone.localdate()).in_states(State.TRIAGE).order_by("queue_seq")
    return board_rows(visits, user)


@login_required
@require_GET
def queue(request: HttpRequest) -> HttpResponse:
    policy.require(policy.can_triage, request.user)
    context = {"rows": _queue(request.user), "bidang_list": Bidang.objects.filter(active=True)}
    return render(request, "visits/triage/queue.html", context)


@login_required
@require_GET
def queue_rows(request: HttpRequest) -> HttpResponse:
    policy.require(policy.can_triage, request.user)
    context = {"rows": _queue(request.user), "bidang_list": Bidang.objects.filter(active=True)}
    return render(request, "visits/triage/_queue_rows.html", context)
