"""The see-out screen: the petugas shows the guest the survey's QR code and link on a tablet."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from visits.access import FRONT_DESK, visit_for

from ..answering import ANSWERABLE_STATES, invite


@login_required
@require_GET
def show(request: HttpRequest, pk: int) -> HttpResponse:
    visit = visit_for(request.user, pk, purpose=FRONT_DESK)  # the desk shows it (policy.can_show_invitation)
    invitation = invite(visit=visit)
    return render(request, "survey/invitation.html", {
        "visit": visit, "invitation": invitation, "answerable": visit.state in ANSWERABLE_STATES,
    })
