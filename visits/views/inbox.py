"""The Bidang's screen: guests routed to the user's own Bidang today."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from .. import policy
from ..models import State, Visit
from .common import board_rows

INBOX_STATES = [State.WAITING, State.CONSULTING, State.LEAVING, State.DONE]


def _inbox(user):
    visits = (
        Visit.objects.of_day(timezone.localdate())
        .filter(bidang_id=user.bidang_id, state__in=INBOX_STATES)
        .order_by("queue_seq")
    )
    return board_rows(visits, user)


@login_required
@require_GET
def inbox(request: HttpRequest) -> HttpResponse:
    policy.require(policy.can_consult, request.user)
    return render(request, "visits/inbox/inbox.html", {"rows": _inbox(request.user)})


@login_required
@require_GET
def inbox_rows(request: HttpRequest) -> HttpResponse:
    policy.require(policy.can_consult, request.user)
    return render(request, "visits/inbox/_inbox_rows.html", {"rows": _inbox(request.user)})
