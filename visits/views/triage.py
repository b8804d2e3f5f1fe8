"""The Kasubbag Umum's screen (or the petugas piket's, on their day): the queue, routing one guest, piket.

Also the routing quality report, for the Kasubbag and the admin who tunes the topics' keywords.
"""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from pojok import clock
from pojok.idempotency import idempotent
from pojok.polls import poll
from pojok.roles import ROUTE_PERM
from routing.report import trend as routing_trend
from routing.suggest import suggest

from .. import policy
from ..access import TRIAGE, visit_for
from ..forms.triage import PeriodForm, PiketForm, RouteForm
from ..models import MoveRefused, Piket, RoutingRefused, State, Visit, VisitStep, route_visit
from ..polls import day_version, guard
from ..triage import (
    earlier_visits,
    name_piket,
    officials_today,
    on_duty,
    remove_piket,
    routing_quality,
    triage_queue,
)
from .common import board_rows


def _duty_context(user) -> dict:
    """Who routes today (the header of the screen), and for the Kasubbag the piket form and roster."""
    kasubbag = get_user_model().objects.with_perm(ROUTE_PERM, is_active=True, include_superusers=False)
    context = {"kasubbag_list": kasubbag.order_by("first_name"), "piket_today": on_duty()}
    if policy.can_name_piket(user):
        context["piket_form"] = PiketForm()
        context["piket_upcoming"] = (
            Piket.objects.filter(day__gte=clock.today()).select_related("user").order_by("day", "pk")
        )
    return context


@login_required
@require_GET
def queue(request: HttpRequest) -> HttpResponse:
    policy.require(policy.can_triage, request.user)
    context = {"rows": board_rows(triage_queue(), request.user), **_duty_context(request.user)}
    return render(request, "visits/triage/queue.html", context)


@login_required
@require_GET
@poll(day_version, guard=guard(policy.can_triage))
def queue_rows(request: HttpRequest) -> HttpResponse:
    return render(request, "visits/triage/_queue_rows.html", {"rows": board_rows(triage_queue(), request.user)})


def _route_form(visit: Visit, data=None) -> tuple[RouteForm, list, dict]:
    """The form, with the suggestion for the keperluan as it stands preselected: the Bidang, the topic
    and, of that Bidang's officials, the first one in the office today (none when nobody is in)."""
    keperluan = (data or {}).get("keperluan", visit.keperluan)
    suggestions = suggest(keperluan)
    top = suggestions[0]
    officials = officials_today(visit)
    present = next((o for o in officials.get(top.bidang_id, {}).get("people", []) if o.in_office), None)
    initial = {"keperluan": visit.keperluan, "bidang": top.bidang_id, "topic": top.topic_id,
               "assigned_to": present.pk if present else None}
    return RouteForm(data, initial=initial, presence=officials), suggestions, officials


@login_required
@require_http_methods(["GET", "POST"])
@idempotent(RouteForm)
def route(request: HttpRequest, pk: int) -> HttpResponse:
    open_steps = Prefetch("steps", queryset=VisitStep.objects.filter(ended_at__isnull=True), to_attr="open_steps")
    visit = visit_for(request.user, pk, purpose=TRIAGE, queryset=Visit.objects.prefetch_related(open_steps)
                      .select_related("booking__suggested_bidang"))
    if visit.state != State.TRIAGE:
        messages.info(request, _("%(number)s %(name)s tidak sedang menunggu diarahkan.") % {
            "number": visit.queue_number, "name": visit.guest_name})
        return redirect("visits:triage")
    form, suggestions, officials = _route_form(visit, request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            decision = route_visit(visit=visit, by=request.user, **form.cleaned_data)
        except RoutingRefused as refusal:
            form.add_error(refusal.field, str(refusal))
        except MoveRefused as refusal:
            messages.error(request, f"{visit.queue_number} {visit.guest_name}: {refusal}")
            return redirect("visits:triage")
        else:
            messages.success(request, _("%(number)s %(name)s diarahkan ke %(bidang)s.") % {
                "number": visit.queue_number, "name": visit.guest_name, "bidang": decision.bidang})
            return redirect("visits:triage")
    step = visit.open_steps[0] if visit.open_steps else None
    context = {"visit": visit, "step": step, "form": form, "suggestions": suggestions, "top": suggestions[0],
               "officials": officials.values(),
               "transfers": visit.events.filter(action="transfer").select_related("by"),
               "earlier_visits": earlier_visits(visit)}
    return render(request, "visits/triage/route.html", context, status=400 if form.errors else 200)


@login_required
@require_POST
def piket_add(request: HttpRequest) -> HttpResponse:
    policy.require(policy.can_name_piket, request.user)
    form = PiketForm(request.POST)
    if form.is_valid():
        try:
            piket = name_piket(by=request.user, **form.cleaned_data)
        except RoutingRefused as refusal:
            form.add_error(refusal.field, str(refusal))
        else:
            messages.success(request, _("%(name)s piket pada %(day)s.") % {
                "name": piket.user.display_name, "day": f"{piket.day:%d-%m-%Y}"})
            return redirect("visits:triage")
    context = {"rows": board_rows(triage_queue(), request.user), **_duty_context(request.user), "piket_form": form}
    return render(request, "visits/triage/queue.html", context, status=400)


@login_required
@require_POST
def piket_remove(request: HttpRequest, pk: int) -> HttpResponse:
    policy.require(policy.can_name_piket, request.user)
    piket = get_object_or_404(Piket.objects.select_related("user"), pk=pk)
    remove_piket(piket=piket, by=request.user)
    messages.success(request, _("%(name)s tidak lagi piket pada %(day)s.") % {
        "name": piket.user.display_name, "day": f"{piket.day:%d-%m-%Y}"})
    return redirect("visits:triage")


@login_required
@require_GET
def quality(request: HttpRequest) -> HttpResponse:
    policy.require(policy.can_read_routing_quality, request.user)
    form = PeriodForm(request.GET)
    period = form.period()
    if not form.errors:  # show the period in force, also when it was the default
        form = PeriodForm(initial={"dari": period.start, "sampai": period.end})
    context = {"form": form, "start": period.start, "end": period.end, **routing_quality(period),
               "trend": routing_trend()}
    return render(request, "visits/triage/quality.html", context)
