"""The Bidang's side of a visit: who may receive a guest, closing and transferring a consultation,
follow-ups, and closing at the day's end the visits nobody finished."""

from dataclasses import dataclass
from datetime import datetime, time

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Case, IntegerField, Q, Value, When
from django.utils import timezone

from pojok import clock
from pojok.models import Jabatan

from . import policy
from .models import OPEN_STATES, Consultation, MoveRefused, SopStep, State, Visit, record_consultation

# The order officials are listed in: the Sekretaris and the Kabid first, the Pelaksana last.
JABATAN_RANK = Case(
    *[When(jabatan=value, then=Value(rank)) for rank, value in enumerate(Jabatan.values)],
    default=Value(len(Jabatan.values)),
    output_field=IntegerField(),
)


def officials_of(bidang_id):
    """The active people of a Bidang who may receive a guest or follow up, by rank then name."""
    return (
        get_user_model()
        .objects.filter(bidang_id=bidang_id, is_active=True)
        .annotate(rank=JABATAN_RANK)
        .order_by("rank", "first_name", "last_name", "username")
    )


def official_label(user) -> str:
    jabatan = user.get_jabatan_display()
    return f"{user.display_name} ({jabatan})" if jabatan else user.display_name


def waiting_count(user) -> int:
    """Guests routed to the user's Bidang today and not yet received: the navigation badge."""
    return Visit.objects.filter(
        day=clock.today(), state=State.WAITING, bidang_id=user.bidang_id
    ).count()


def finish_consultation(*, visit, by, documents=None, at=None, **fields) -> Consultation:
    """Save the record and close step 5 together: the guest goes back to the desk to be seen out.

    Either both happen or neither does (a refused move leaves the earlier draft as it was).
    """
    with transaction.atomic():
        consultation = record_consultation(visit=visit, by=by, documents=documents, **fields)
        visit.advance("finish", by=by, at=at)
    return consultation


def transfer_visit(*, visit, by, to_bidang, reason: str, at=None) -> None:
    """Send a misrouted guest back to the Kasubbag's queue (step 4 again), naming the Bidang meant."""
    reason = (reason or "").strip()
    if to_bidang is None or to_bidang.pk == visit.bidang_id:
        raise MoveRefused("Pilih Bidang lain yang lebih tepat.")
    if not reason:
        raise MoveRefused("Alasan wajib diisi.")
    visit.advance("transfer", by=by, at=at, note=f"Disarankan ke {to_bidang.name}: {reason}")


def open_follow_ups(*, bidang_id=None):
    """Follow-ups still to do, the most overdue first (those without a due date last)."""
    follow_ups = Consultation.objects.filter(follow_up_needed=True, follow_up_done_at__isnull=True)
    if bidang_id is not None:
        follow_ups = follow_ups.filter(bidang_id=bidang_id)
    return follow_ups.select_related("visit", "bidang", "follow_up_by").order_by(
        Case(When(follow_up_due__isnull=True, then=Value(1)), default=Value(0)),
        "follow_up_due",
        "visit__day",
        "visit__queue_seq",
    )


def complete_follow_up(*, consultation, by, at=None) -> None:
    """Mark a follow-up done: only staff of its Bidang, and only once."""
    if not (policy.can_consult(by) and consultation.bidang_id == by.bidang_id):
        raise MoveRefused("Anda tidak berwenang menandai tindak lanjut ini.")
    updated = Consultation.objects.filter(
        pk=consultation.pk, follow_up_needed=True, follow_up_done_at__isnull=True
    ).update(follow_up_done_at=at or clock.now())
    if not updated:
        raise MoveRefused("Tindak lanjut ini sudah ditandai selesai.")
    consultation.refresh_from_db()


# --- the day's end ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Closed:
    visit: Visit
    from_state: str
    note: str


def office_close(day) -> datetime:
    hour, minute = (int(part) for part in settings.OFFICE_CLOSES.split(":"))
    return timezone.make_aware(datetime.combine(day, time(hour, minute)))


def stale_visits(*, at):
    """Open visits of earlier days, and of today once the office has closed."""
    today = timezone.localdate(at)
    stale = Q(day__lt=today)
    if at >= office_close(today):
        stale |= Q(day=today)
    return Visit.objects.filter(stale, state__in=OPEN_STATES).order_by("day", "queue_seq")


def missing_steps_note(visit) -> str:
    names = dict(SopStep.objects.values_list("number", "short_name"))
    missing = [f"{number}. {names.get(number, '')}".strip() for number in range(visit.step, 7)]
    received = visit.state == State.CONSULTING
    detail = " (tamu sudah diterima, konsultasi belum ditutup)" if received else ""
    return f"Ditutup otomatis setelah jam kantor; langkah belum tercatat: {'; '.join(missing)}{detail}."


def close_stale_visits(*, at=None) -> list[Closed]:
    """Mark every stale open visit as not completed, keeping what was recorded. Safe to repeat."""
    at = at or clock.now()
    closed = []
    for visit in stale_visits(at=at):
        step = visit.current_step()
        # Stamp the closing at the end of the visit's own working day, so its durations stay sane.
        stamp = min(max(office_close(visit.day), step.started_at if step else visit.arrived_at), at)
        from_state, note = visit.state, missing_steps_note(visit)
        try:
            visit.advance("close_stale", by=None, note=note, at=stamp)
        except MoveRefused:
            continue  # moved on by someone else meanwhile: nothing left to close
        closed.append(Closed(visit=visit, from_state=from_state, note=note))
    return closed
