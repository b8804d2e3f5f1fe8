"""The front desk (petugas): check-in, today's board, returning guests, the visitor slip."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from pojok import clock
from pojok.idempotency import idempotent
from pojok.personal_data import ANONYMIZED_NAME
from pojok.polls import poll

from .. import policy, whatsapp
from ..access import FRONT_DESK, visit_for
from ..forms.desk import CancelForm, CheckInForm
from ..models import SopStep, State, Visit
from ..polls import day_version, guard
from .common import board_rows

DESK_STATES = [State.ARRIVING, State.GREETING, State.REPORTING, State.LEAVING]


def _desk_visits(user):
    """Today's open visits; those waiting on the desk first, each with the moves the user may make."""
    visits = Visit.objects.of_day(clock.today()).open().select_related("bidang").order_by("queue_seq")
    rows = board_rows(visits, user)
    return sorted(rows, key=lambda row: row["visit"].state not in DESK_STATES)


@login_required
@require_GET
def board(request: HttpRequest) -> HttpResponse:
    policy.require(policy.can_front_desk, request.user)
    return render(request, "visits/desk/board.html", {
        "rows": _desk_visits(request.user), "cancel_form": CancelForm(),
        "sop_steps": SopStep.objects.order_by("number").only("number", "short_name", "standard_minutes"),
    })


@login_required
@require_GET
@poll(day_version, guard=guard(policy.can_front_desk))
def board_rows_partial(request: HttpRequest) -> HttpResponse:
    return render(request, "visits/desk/_board_rows.html", {"rows": _desk_visits(request.user)})


@login_required
@require_http_methods(["GET", "POST"])
@idempotent(CheckInForm)
def check_in(request: HttpRequest) -> HttpResponse:
    policy.require(policy.can_front_desk, request.user)
    form = CheckInForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        visit = Visit.check_in(
            by=request.user, guest_name=data["guest_name"], origin=data["origin"], phone=data["phone"],
            party_size=data["party_size"], keperluan=data["keperluan"], arrived_at=data["arrival_time"],
            arrival=form.arrival_fields(),
        )
        messages.success(request, _("Tamu %(name)s tercatat dengan nomor antrean %(number)s.") % {
            "name": visit.guest_name, "number": visit.queue_number})
        return redirect("visits:slip", pk=visit.pk)
    return render(request, "visits/desk/check_in.html", {"form": form, "instansi": CheckInForm.instansi_names()})


RETURNING_SHOWN = 5
RECENT_MATCHES = 100  # the newest matching visits read, of which the first RETURNING_SHOWN guests show


@login_required
@require_GET
def returning_guests(request: HttpRequest) -> HttpResponse:
    """Earlier guests matching what the petugas types (name or phone), newest first."""
    policy.require(policy.can_front_desk, request.user)
    query = (request.GET.get("guest_name") or request.GET.get("phone") or "").replace("\x00", "").strip()[:60]
    digits = "".join(ch for ch in query if ch.isdigit()).lstrip("0")
    guests = recent_guests(query, digits) if len(query) >= 2 else []
    return render(request, "visits/desk/_returning_guests.html", {"guests": guests})


def recent_guests(query: str, digits: str) -> list[dict]:
    """The newest visits that match, read newest first with a LIMIT (on PostgreSQL the trigram indexes
    of migration 0011 find them), folded to distinct guests in that order."""
    match = Q(guest_name__icontains=query)
    if len(digits) >= 4:
        match |= Q(phone__contains=digits)
    visits = (Visit.objects.filter(match).exclude(guest_name=ANONYMIZED_NAME).order_by("-day", "-queue_seq")
              .values_list("guest_name", "origin", "phone", "arrived_at")[:RECENT_MATCHES])
    guests = {}
    for name, origin, phone, arrived_at in visits:
        guests.setdefault((name, origin, phone), {"guest_name": name, "origin": origin, "phone": phone,
                                                  "last_visit": arrived_at})
        if len(guests) == RETURNING_SHOWN:
            break
    return list(guests.values())


@login_required
@require_GET
def slip(request: HttpRequest, pk: int) -> HttpResponse:
    visit = visit_for(request.user, pk, purpose=FRONT_DESK)
    return render(request, "visits/desk/slip.html", {"visit": visit, "wa": whatsapp.queue_number(visit)})
