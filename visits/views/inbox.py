"""The Bidang's screen: today's guests routed to the user's own Bidang, and receiving one of them."""

from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_POST

from pojok import clock
from pojok.polls import poll
from pojok.words import duration_text
from presence.models import Status
from presence.today import office_staff, with_status

from .. import policy
from ..access import CONSULT, visit_for
from ..consult import officials_of, waiting_count
from ..forms.consult import ReceiveForm
from ..models import MoveRefused, State, Visit, VisitStep, receive_guest, timer_level
from ..polls import bidang_version, guard

SECTION_OF_STATE = {
    State.WAITING: "waiting",
    State.CONSULTING: "consulting",
    State.LEAVING: "finished",
    State.DONE: "finished",
}


@dataclass(frozen=True)
class Timer:
    """What visits/_timer.html shows: seconds so far against a standard (none: a grey badge)."""

    elapsed_seconds: int
    standard_seconds: int | None = None

    label: str = gettext_lazy("Standar")

    @property
    def timer_standard_seconds(self) -> int | None:
        return self.standard_seconds

    @property
    def timer_standard_text(self) -> str:
        if not self.standard_seconds:
            return _("Tanpa standar waktu")
        return _("%(label)s %(minutes)d menit") % {"label": self.label, "minutes": self.standard_seconds // 60}

    @property
    def elapsed_text(self) -> str:
        return duration_text(self.elapsed_seconds)

    @property
    def level(self) -> str:
        return timer_level(self.elapsed_seconds, self.standard_seconds)


def _seconds(start, end) -> int:
    return int((end - start).total_seconds()) if start and end else 0


def _row(visit: Visit, step: VisitStep | None, now) -> dict:
    """Waiting time runs from the routing (step 5's start), consultation time from the receiving."""
    row = {"visit": visit, "step": step, "consultation": getattr(visit, "consultation", None)}
    if step is None:
        return row
    if visit.state == State.WAITING:
        row["timer"] = Timer(_seconds(step.started_at, now), step.wait_standard_seconds, _("Standar tunggu Bidang"))
    elif visit.state == State.CONSULTING:
        row["timer"] = Timer(_seconds(step.received_at, now))
    else:
        row["waited"] = duration_text(_seconds(step.started_at, step.received_at))
        row["consulted"] = duration_text(_seconds(step.received_at, step.ended_at))
    return row


def inbox_sections(user, *, now=None) -> dict:
    """Today's waiting, in-consultation and finished guests of the user's Bidang: two queries."""
    now = now or clock.now()
    step5 = Prefetch(
        "steps", VisitStep.objects.filter(number=5).order_by("started_at", "id"), to_attr="step5"
    )
    visits = (
        Visit.objects.of_day(timezone.localdate(now))
        .filter(bidang_id=user.bidang_id, state__in=SECTION_OF_STATE)
        .select_related("topic", "assigned_to", "consultation")
        .prefetch_related(step5)
        .order_by("queue_seq")
    )
    sections = {"waiting": [], "consulting": [], "finished": []}
    for visit in visits:
        sections[SECTION_OF_STATE[visit.state]].append(
            _row(visit, visit.step5[-1] if visit.step5 else None, now)
        )
    return sections


def _context(user) -> dict:
    sections = inbox_sections(user)
    officials = list(officials_of(user.bidang_id)) if sections["waiting"] else []
    return {**sections, "officials": officials, "waiting_count": len(sections["waiting"])}


@login_required
@require_GET
def inbox(request: HttpRequest) -> HttpResponse:
    policy.require(policy.can_consult, request.user)
    colleagues = with_status(office_staff(request.user.bidang))
    mine = next((person.presence for person in colleagues if person.pk == request.user.pk), Status.WFO)
    context = {**_context(request.user), "colleagues": colleagues, "my_status": mine, "statuses": Status.choices}
    return render(request, "visits/inbox/inbox.html", context)


@login_required
@require_GET
@poll(bidang_version, guard=guard(policy.can_consult))
def inbox_rows(request: HttpRequest) -> HttpResponse:
    return render(request, "visits/inbox/_inbox_rows.html", {**_context(request.user), "oob_badge": True})


@login_required
@require_GET
@poll(bidang_version, guard=guard(policy.can_consult))
def inbox_badge(request: HttpRequest) -> HttpResponse:
    """The navigation's count of waiting guests, refreshed on every page a staff member has open."""
    return render(request, "visits/inbox/_badge.html", {"inbox_waiting": waiting_count(request.user)})


@login_required
@require_POST
def receive(request: HttpRequest, pk: int) -> HttpResponse:
    """Terima tamu: the moment an official of the Bidang (the user or a colleague) receives the guest."""
    visit = visit_for(request.user, pk, purpose=CONSULT)
    form = ReceiveForm(request.POST, bidang_id=visit.bidang_id)
    try:
        if not form.is_valid():
            raise MoveRefused(form.errors["official"][0])
        receive_guest(visit=visit, by=request.user, official=form.cleaned_data["official"])
    except MoveRefused as refusal:
        messages.error(request, f"{visit.queue_number} {visit.guest_name}: {refusal}")
        return redirect("visits:inbox")
    messages.success(
        request, _("%(number)s %(name)s diterima. Catat konsultasinya di sini.") % {
            "number": visit.queue_number, "name": visit.guest_name}
    )
    return redirect("visits:consultation", pk=visit.pk)
