"""Follow-ups the Bidang promised its guests: the open ones, overdue first, and marking one done."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from pojok import clock

from .. import policy
from ..access import consultation_for
from ..consult import complete_follow_up, open_follow_ups
from ..models import MoveRefused

PAGE_SIZE = 50


@login_required
@require_GET
def follow_ups(request: HttpRequest) -> HttpResponse:
    """Staff see their Bidang's; Pimpinan and Admin every Bidang's, without the button."""
    user = request.user
    policy.require(policy.can_read_consultations, user)
    bidang_id = None if policy.can_read_all_consultations(user) else user.bidang_id
    page = Paginator(open_follow_ups(bidang_id=bidang_id), PAGE_SIZE).get_page(request.GET.get("halaman"))
    return render(
        request,
        "visits/consult/follow_ups.html",
        {
            "page": page,
            "today": clock.today(),
            "can_mark": policy.can_consult(user),
        },
    )


@login_required
@require_POST
def follow_up_done(request: HttpRequest, pk: int) -> HttpResponse:
    consultation = consultation_for(request.user, pk)
    try:
        complete_follow_up(consultation=consultation, by=request.user)
    except MoveRefused as refusal:
        messages.error(request, str(refusal))
    else:
        visit = consultation.visit
        messages.success(request, _("Tindak lanjut %(number)s %(name)s ditandai selesai.") % {
            "number": visit.queue_number, "name": visit.guest_name})
    return redirect("visits:follow_ups")
