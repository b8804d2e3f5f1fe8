"""Step 4 of the SOP around the move itself: the queue of guests to route, naming the petugas piket,
and how good routing is. The move is `route_visit`, beside the lifecycle's table (models/lifecycle.py).
"""


from django.db.models import Count, Exists, F, OuterRef, Q
from django.utils.translation import gettext as _

from pojok import clock
from pojok.periods import Period
from pojok.personal_data import ANONYMIZED_NAME
from presence.today import office_staff, with_status

from . import policy, whatsapp
from .consult import JABATAN_RANK
from .models import Piket, RoutingDecision, RoutingRefused, State, Visit, VisitEvent


def triage_queue():
    """Visits waiting to be routed, the guest who came first at the top."""
    # "booking": a guest who registered ahead shows it, with the Bidang suggested then.
    return (Visit.objects.in_states(State.TRIAGE).select_related("bidang", "booking__suggested_bidang")
            .order_by("arrived_at", "queue_seq"))


def officials_today(visit) -> dict:
    """{Bidang id: {"bidang", "people", "present"}}: each Bidang's officials by rank with their status
    today (presence) and the WhatsApp link telling them of this visit; "present": anyone in the office."""
    people = with_status(office_staff().annotate(rank=JABATAN_RANK)
                         .order_by("bidang__order", "rank", "first_name", "last_name", "username"))
    groups = {}
    for person in people:
        group = groups.setdefault(person.bidang_id, {"bidang": person.bidang, "people": [], "present": False})
        person.wa = whatsapp.to_official(visit, person, bidang=person.bidang)
        group["people"].append(person)
        group["present"] = group["present"] or person.in_office
    return groups


EARLIER_VISITS = 5


def earlier_visits(visit, *, limit=EARLIER_VISITS) -> list:
    """The guest's last visits before this one, newest first, in one query whatever their number: the
    same phone number, or (without one) the same name from the same OPD."""
    if visit.phone:
        same_guest = Q(phone=visit.phone)
    else:
        same_guest = Q(guest_name__iexact=visit.guest_name, origin__iexact=visit.origin)
    return list(
        Visit.objects.filter(same_guest, arrived_at__lt=visit.arrived_at).exclude(pk=visit.pk)
        .exclude(guest_name=ANONYMIZED_NAME)
        .select_related("bidang", "topic", "consultation").order_by("-arrived_at", "-pk")[:limit]
    )


# --- piket: who stands in for the Kasubbag Umum --------------------------------------------

def name_piket(*, user, day, by) -> Piket:
    """The Kasubbag names a petugas to route guests on `day`; refused for the past or a non-petugas."""
    policy.require(policy.can_name_piket, by)
    if day < clock.today():
        raise RoutingRefused(_("Tanggal piket tidak boleh sebelum hari ini."), field="day")
    if not (user.is_active and policy.can_front_desk(user)):
        raise RoutingRefused(_("%(name)s bukan petugas.") % {"name": user.display_name}, field="user")
    piket, created = Piket.objects.get_or_create(day=day, user=user, defaults={"assigned_by": by})
    if not created:
        raise RoutingRefused(_("%(name)s sudah piket pada tanggal itu.") % {"name": user.display_name}, field="user")
    return piket


def remove_piket(*, piket, by) -> None:
    policy.require(policy.can_name_piket, by)
    piket.delete()


def on_duty(day=None):
    """Who stands in on `day` (today by default), with who named them."""
    return Piket.objects.filter(day=day or clock.today()).select_related("user", "assigned_by")


# --- routing quality: how often the suggestion was taken, per topic ------------------------

def routing_quality(period: Period) -> dict:
    """Decisions of the period's days: taken, overridden, corrected by a transfer.

    A decision is corrected when staff later transferred the visit back to triage. A visit reaches
    triage again only by a transfer, so any transfer after a decision is that decision's correction.
    Every figure is one aggregate query.
    """
    within = Q(at__gte=period.first_moment(), at__lt=period.end_moment())
    corrected = Exists(VisitEvent.objects.filter(visit=OuterRef("visit"), action="transfer", at__gte=OuterRef("at")))
    figures = {
        "routed": Count("id"),
        "taken": Count("id", filter=Q(bidang=F("suggested_bidang"))),
        "overridden": Count("id", filter=~Q(bidang=F("suggested_bidang")) | Q(suggested_bidang__isnull=True)),
        "corrected": Count("id", filter=corrected),
    }
    decisions = RoutingDecision.objects.filter(within)
    per_topic = list(
        decisions.values("suggested_topic__name", "suggested_bidang__name").annotate(**figures)
        .order_by("-overridden", "-corrected", "-routed", "suggested_topic__name")
    )
    return {
        "totals": decisions.aggregate(**figures),
        "per_topic": [{**row, "taken_share": _share(row["taken"], row["routed"])} for row in per_topic],
        "transfers": VisitEvent.objects.filter(within, action="transfer").count(),
        "overrides": decisions.exclude(override_reason="").select_related(
            "visit", "by", "suggested_bidang", "suggested_topic", "bidang", "topic").order_by("-at")[:50],
        "transfer_events": VisitEvent.objects.filter(within, action="transfer").select_related("visit", "by")
        .order_by("-at")[:50],
    }


def _share(part: int, whole: int) -> int | None:
    return round(100 * part / whole) if whole else None
