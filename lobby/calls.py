"""A Bidang's "panggil": call a waiting guest's queue number on the lobby display."""


from pojok import clock
from visits import policy
from visits.models import MoveRefused
from visits.models.lifecycle import State

from .models import Call


def call_guest(*, visit, by, at=None) -> Call:
    """Record a call of a guest waiting for `by`'s Bidang, or raise MoveRefused."""
    policy.require(policy.can_consult_visit, by, visit)
    if visit.state != State.WAITING:
        raise MoveRefused(f"Nomor {visit.queue_number} tidak sedang menunggu diterima, jadi tidak dipanggil.")
    if visit.is_remote:
        raise MoveRefused(f"Nomor {visit.queue_number} adalah permintaan {visit.get_channel_display().lower()}: "
                          "tidak ada tamu di ruang tunggu untuk dipanggil.")
    return Call.objects.create(visit=visit, bidang_id=visit.bidang_id, by=by, at=at or clock.now())
