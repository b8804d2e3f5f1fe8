"""The see-out screen: the petugas shows the guest the survey's QR code and link on a tablet."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from visits.models import Visit

from .. import policy
from ..answering import ANSWERABLE_STATES, invite


@login_required
@require_GET
def show(request: HttpRequest, pk: int) -> HttpResponse:
    policy.require(policy.can_show_invitation, request.user)
    visit = get_object_or_404(Visit.objects.select_related("bidang"), pk=pk)
    invitation = invite(visit=visit)
    return render(request, "survey/invitation.html", {
        "visit": visit, "invitation": invitation, "answerable": visit.state in ANSWERABLE_STATES,
    })
