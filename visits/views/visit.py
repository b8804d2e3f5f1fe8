"""One visit: its timeline, and the single door through which every move is made."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET, require_POST

from .. import policy
from ..models import MOVES, MoveRefused, SopStep, Visit


def _visible_visit(user, pk: int) -> Visit:
    """A visit the user may see; anything else is a 404, so its existence is not confirmed."""
    visit = get_object_or_404(Visit.objects.select_related("bidang", "created_by"), pk=pk)
    if not policy.can_view_visit(user, visit):
        raise Http404
    return visit


@login_required
@require_GET
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    visit = _visible_visit(request.user, pk)
    names = dict(SopStep.objects.values_list("number", "short_name"))
    steps = list(visit.steps.select_related("ended_by", "received_by"))
    for step in steps:
        step.sop_name = names.get(step.number, "")
    return render(request, "visits/detail.html", {
        "visit": visit, "steps": steps, "events": visit.events.select_related("by"),
        "moves": visit.moves_for(request.user),
    })


def _back(request: HttpRequest, visit: Visit):
    target = request.POST.get("next", "")
    # only a path: redirect() would take any other word for a URL name and fail on it
    allowed = url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure())
    if target.startswith("/") and allowed:
        return redirect(target)
    return redirect("visits:detail", pk=visit.pk)


@login_required
@require_POST
def move(request: HttpRequest, pk: int, name: str) -> HttpResponse:
    """One-click moves; routing and transfer are made through their own forms (route_visit, ...)."""
    if name not in MOVES or not MOVES[name].is_one_click:
        raise Http404
    visit = _visible_visit(request.user, pk)
    try:
        note = request.POST.get("note", "").replace("\x00", "")  # PostgreSQL text cannot hold NUL
        visit.advance(name, by=request.user, note=note[:500])
    except MoveRefused as refusal:
        messages.error(request, f"{visit.queue_number} {visit.guest_name}: {refusal}")
    else:
        messages.success(request, f"{visit.queue_number} {visit.guest_name}: {MOVES[name].label} \u2014 tercatat.")
    return _back(request, visit)
