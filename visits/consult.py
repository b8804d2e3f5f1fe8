"""The Bidang's side of a visit around its moves: who may receive a guest, the waiting count, and
follow-ups. The moves (receive, record, finish, transfer, close at the day's end) are beside the
lifecycle's table (models/lifecycle.py)."""


from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db.models import Case, IntegerField, Value, When
from django.utils.translation import gettext as _

from pojok import clock
from pojok.models import Jabatan

from . import policy
from .models import Consultation, MoveRefused, State, Visit

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
        raise PermissionDenied(_("Anda tidak berwenang menandai tindak lanjut ini."))
    updated = Consultation.objects.filter(
        pk=consultation.pk, follow_up_needed=True, follow_up_done_at__isnull=True
    ).update(follow_up_done_at=at or clock.now())
    if not updated:
        raise MoveRefused(_("Tindak lanjut ini sudah ditandai selesai."))
    consultation.refresh_from_db()
