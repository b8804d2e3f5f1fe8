"""Step 4 of the SOP: routing a guest to a Bidang, naming the petugas piket, and how good routing is.

`route_visit` is the one way a visit is routed: it asks the routing rules for a suggestion on the
final keperluan, refuses an override without a reason, moves the visit, keeps the decision, and
queues the email to the Bidang's staff, all in one transaction.
"""

from datetime import datetime, time, timedelta

from django.db import transaction
from django.db.models import Count, Exists, F, OuterRef, Q
from django.utils import timezone

from notifications.outbox import queue_bidang_email
from pojok import clock
from routing.suggest import suggest

from . import policy
from .models import MoveRefused, Piket, RoutingDecision, State, Visit, VisitEvent


class RoutingRefused(MoveRefused):
    """A routing that was not made, with the form field the message belongs next to."""

    def __init__(self, message: str, *, field: str | None = None):
        super().__init__(message)
        self.field = field


def triage_queue():
    """Visits waiting to be routed, the guest who came first at the top."""
    # "booking": a guest who registered ahead shows it, with the Bidang suggested then.
    return (Visit.objects.in_states(State.TRIAGE).select_related("bidang", "booking__suggested_bidang")
            .order_by("arrived_at", "queue_seq"))


def route_visit(*, visit, by, bidang, keperluan: str | None = None, topic=None, assigned_to=None,
                override_reason: str = "", at=None) -> RoutingDecision:
    """Route the visit (step 4) and record the decision against the suggestion; raise RoutingRefused."""
    policy.require(policy.can_triage, by)
    keperluan = (visit.keperluan if keperluan is None else keperluan).strip()
    override_reason = (override_reason or "").strip()
    top = suggest(keperluan)[0]
    _check_choice(keperluan=keperluan, bidang=bidang, topic=topic, assigned_to=assigned_to)
    overridden = top.bidang_id != bidang.pk
    if overridden and not override_reason:
        raise RoutingRefused(
            f"Bidang yang dipilih berbeda dari usulan ({top.bidang_name}): tuliskan alasan singkat.",
            field="override_reason",
        )
    with transaction.atomic():
        visit.advance("route", by=by, at=at, bidang=bidang, topic=topic, assigned_to=assigned_to,
                      keperluan=keperluan)
        decision = RoutingDecision.objects.create(
            visit=visit, at=visit.events.filter(action="route").latest("at", "id").at, by=by,
            keperluan=keperluan, suggested_bidang_id=top.bidang_id, suggested_topic_id=top.topic_id,
            bidang=bidang, topic=topic, assigned_to=assigned_to, override_reason=override_reason if overridden else "",
        )
        _notify_bidang(decision)
    return decision


def _check_choice(*, keperluan, bidang, topic, assigned_to) -> None:
    if not keperluan:
        raise RoutingRefused("Keperluan tamu wajib diisi.", field="keperluan")
    if bidang is None or not bidang.active:
        raise RoutingRefused("Pilih Bidang tujuan.", field="bidang")
    if topic is not None and topic.bidang_id != bidang.pk:
        raise RoutingRefused(f"Topik \u201c{topic}\u201d bukan urusan {bidang}.", field="topic")
    if assigned_to is not None and not (assigned_to.bidang_id == bidang.pk and policy.can_consult(assigned_to)):
        raise RoutingRefused(f"{assigned_to.display_name} bukan staf {bidang}.", field="assigned_to")


def _notify_bidang(decision: RoutingDecision) -> None:
    visit = decision.visit
    when = timezone.localtime(decision.at).strftime("%H.%M")
    lines = [
        f"Tamu baru untuk {decision.bidang}, diarahkan pukul {when} WIB oleh {decision.by.display_name}.",
        "",
        f"Nomor antrean : {visit.queue_number}",
        f"Nama tamu     : {visit.guest_name}",
        f"Asal instansi : {visit.origin}",
        f"Keperluan     : {decision.keperluan}",
    ]
    if decision.topic:
        lines.append(f"Topik         : {decision.topic}")
    if decision.assigned_to:
        lines.append(f"Dituju kepada : {decision.assigned_to.display_name}")
    lines += ["", "Silakan terima tamu melalui menu \u201cTamu Bidang\u201d di Pojok Konsultasi."]
    queue_bidang_email(
        bidang=decision.bidang, visit=visit, body="\n".join(lines),
        subject=f"Tamu baru {visit.queue_number}: {visit.guest_name} ({visit.origin})",
    )


# --- piket: who stands in for the Kasubbag Umum --------------------------------------------

def name_piket(*, user, day, by) -> Piket:
    """The Kasubbag names a petugas to route guests on `day`; refused for the past or a non-petugas."""
    policy.require(policy.can_name_piket, by)
    if day < clock.today():
        raise RoutingRefused("Tanggal piket tidak boleh sebelum hari ini.", field="day")
    if not (user.is_active and policy.can_front_desk(user)):
        raise RoutingRefused(f"{user.display_name} bukan petugas.", field="user")
    piket, created = Piket.objects.get_or_create(day=day, user=user, defaults={"assigned_by": by})
    if not created:
        raise RoutingRefused(f"{user.display_name} sudah piket pada tanggal itu.", field="user")
    return piket


def remove_piket(*, piket, by) -> None:
    policy.require(policy.can_name_piket, by)
    piket.delete()


def on_duty(day=None):
    """Who stands in on `day` (today by default), with who named them."""
    return Piket.objects.filter(day=day or clock.today()).select_related("user", "assigned_by")


# --- routing quality: how often the suggestion was taken, per topic ------------------------

def _moment(day) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def routing_quality(*, start, end) -> dict:
    """Decisions from `start` to `end` (local dates, inclusive): taken, overridden, corrected by a transfer.

    A decision is corrected when staff later transferred the visit back to triage. A visit reaches
    triage again only by a transfer, so any transfer after a decision is that decision's correction.
    Every figure is one aggregate query.
    """
    period = Q(at__gte=_moment(start), at__lt=_moment(end + timedelta(days=1)))
    corrected = Exists(VisitEvent.objects.filter(visit=OuterRef("visit"), action="transfer", at__gte=OuterRef("at")))
    figures = {
        "routed": Count("id"),
        "taken": Count("id", filter=Q(bidang=F("suggested_bidang"))),
        "overridden": Count("id", filter=~Q(bidang=F("suggested_bidang")) | Q(suggested_bidang__isnull=True)),
        "corrected": Count("id", filter=corrected),
    }
    decisions = RoutingDecision.objects.filter(period)
    per_topic = list(
        decisions.values("suggested_topic__name", "suggested_bidang__name").annotate(**figures)
        .order_by("-overridden", "-corrected", "-routed", "suggested_topic__name")
    )
    return {
        "totals": decisions.aggregate(**figures),
        "per_topic": [{**row, "taken_share": _share(row["taken"], row["routed"])} for row in per_topic],
        "transfers": VisitEvent.objects.filter(period, action="transfer").count(),
        "overrides": decisions.exclude(override_reason="").select_related(
            "visit", "by", "suggested_bidang", "suggested_topic", "bidang", "topic").order_by("-at")[:50],
        "transfer_events": VisitEvent.objects.filter(period, action="transfer").select_related("visit", "by")
        .order_by("-at")[:50],
    }


def _share(part: int, whole: int) -> int | None:
    return round(100 * part / whole) if whole else None
