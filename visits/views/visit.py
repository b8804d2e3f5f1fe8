"""One visit: its timeline, and the single door through which every move is made."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from pojok.redirects import safe_next

from ..access import visit_for
from ..models import MOVES, MoveRefused, SopStep
from ..models.lifecycle import NOTE_MAX_LENGTH


@login_required
@require_GET
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    visit = visit_for(request.user, pk)
    names = dict(SopStep.objects.values_list("number", "short_name"))
    steps = list(visit.steps.select_related("ended_by", "received_by"))
    for step in steps:
        step.sop_name = names.get(step.number, "")
    return render(request, "visits/detail.html", {
        "visit": visit, "steps": steps, "events": visit.events.select_related("by"),
        "moves": visit.moves_for(request.user), "note_max_length": NOTE_MAX_LENGTH,
    })


def _back(request: HttpRequest, visit):
    return redirect(safe_next(request, request.POST.get("next", ""), visit.get_absolute_url()))


@login_required
@require_POST
def move(request: HttpRequest, pk: int, name: str) -> HttpResponse:
    """One-click moves; routing and transfer are made through their own forms (route_visit, ...)."""
    if name not in MOVES or not MOVES[name].is_one_click:
        raise Http404
    visit = visit_for(request.user, pk)
    try:
        note = request.POST.get("note", "").replace("\x00", "")  # PostgreSQL text cannot hold NUL
        visit.advance(name, by=request.user, note=note)  # too long is refused in words, never cut
    except MoveRefused as refusal:
        messages.error(request, f"{visit.queue_number} {visit.guest_name}: {refusal}")
    else:
        messages.success(request, _("%(number)s %(name)s: %(step)s — tercatat.") % {
            "number": visit.queue_number, "name": visit.guest_name, "step": MOVES[name].label})
    return _back(request, visit)
