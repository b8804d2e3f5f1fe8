"""A Bidang's "panggil": call a waiting guest's queue number on the lobby display."""


from django.utils.translation import gettext as _

from pojok import clock
from visits import policy
from visits.models import MoveRefused
from visits.models.lifecycle import State

from .models import Call


def call_guest(*, visit, by, at=None) -> Call:
    """Record a call of a guest waiting for `by`'s Bidang, or raise MoveRefused."""
    policy.require(policy.can_consult_visit, by, visit)
    if visit.state != State.WAITING:
        raise MoveRefused(_("Nomor %(number)s tidak sedang menunggu diterima, jadi tidak dipanggil.") % {
            "number": visit.queue_number})
    if visit.is_remote:
        raise MoveRefused(_("Nomor %(number)s adalah permintaan %(channel)s: tidak ada tamu di ruang tunggu untuk "
                            "dipanggil.") % {"number": visit.queue_number,
                                             "channel": visit.get_channel_display().lower()})
    return Call.objects.create(visit=visit, bidang_id=visit.bidang_id, by=by, at=at or clock.now())
