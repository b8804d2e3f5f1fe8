"""What the lobby display shows: queue numbers and Bidang only, read as plain values.

The queries select only the queue number, state and the Bidang's name and room, so a guest's
name or phone never reaches the template. A fixed number of queries, whatever the queue's length.
"""

from dataclasses import dataclass
from datetime import datetime

from pojok import clock
from pojok.polls import last_rows
from visits.models import Visit, VisitEvent
from visits.models.lifecycle import QUEUE_PREFIX, WALK_IN, State
from visits.polls import day_history

from .models import Call
from .speech import call_sentence

WAITING_STATES = [State.ARRIVING, State.GREETING, State.REPORTING, State.TRIAGE, State.WAITING]
ROW_FIELDS = ["queue_seq", "state", "bidang__name", "bidang__room"]


@dataclass(frozen=True)
class Announcement:
    key: str  # changes with every new call: the display chimes when it changes
    queue_seq: int
    bidang_name: str
    room: str
    at: datetime

    @property
    def queue_number(self) -> str:
        return queue_number(self.queue_seq)

    @property
    def place(self) -> str:
        return place(self.bidang_name, self.room)

    @property
    def sentence(self) -> str:
        return call_sentence(prefix=QUEUE_PREFIX, seq=self.queue_seq, bidang_name=self.bidang_name)


def queue_number(seq: int) -> str:
    return f"{QUEUE_PREFIX}-{seq:03d}"


def place(bidang_name: str | None, room: str | None) -> str:
    """Where the guest goes, said once: "Bidang Anggaran", not "Bidang Anggaran, Ruang Bidang Anggaran".
    The room is added only when it says more than "Ruang" and the Bidang's name."""
    name, room = (bidang_name or "").strip(), (room or "").strip()
    bare_room = room.removeprefix("Ruang ").removeprefix("ruang ").strip()
    if not room or bare_room.casefold() == name.casefold():
        return name
    return f"{name}, {room}" if name else room


def lobby_board(*, day=None) -> dict:
    """The day's queue for the display: waiting, being served, and the latest call."""
    day = day or clock.today()
    # a remote request (telepon, WhatsApp, ...) has nobody in the waiting room: never on the screen
    today = Visit.objects.of_day(day).filter(channel__in=WALK_IN).order_by("queue_seq")
    return {
        "waiting": [_row(r) for r in today.filter(state__in=WAITING_STATES).values(*ROW_FIELDS)],
        "serving": [_row(r) for r in today.filter(state=State.CONSULTING).values(*ROW_FIELDS)],
        "announcement": latest_announcement(day=day),
    }


def lobby_version(request) -> tuple:
    """What the display shows changes with the day's history (a move) or a new call (pojok/polls.py)."""
    return last_rows(day_history(), Call.objects.filter(visit__day=clock.today()))


def _row(values: dict) -> dict:
    return {**values, "queue_number": queue_number(values["queue_seq"]),
            "place": place(values["bidang__name"], values["bidang__room"])}


def latest_announcement(*, day) -> Announcement | None:
    """The newest of the day's "panggil" calls and receptions ("Terima tamu") by a Bidang."""
    call = (Call.objects.filter(visit__day=day).order_by("-at", "-pk")
            .values("pk", "at", "visit__queue_seq", "bidang__name", "bidang__room").first())
    received = (VisitEvent.objects.filter(visit__day=day, action="receive", visit__bidang__isnull=False,
                                          visit__channel__in=WALK_IN)
                .order_by("-at", "-pk")
                .values("pk", "at", "visit__queue_seq", "visit__bidang__name", "visit__bidang__room").first())
    candidates = []
    if call:
        candidates.append(Announcement(f"call-{call['pk']}", call["visit__queue_seq"], call["bidang__name"],
                                       call["bidang__room"], call["at"]))
    if received:
        candidates.append(Announcement(f"receive-{received['pk']}", received["visit__queue_seq"],
                                       received["visit__bidang__name"], received["visit__bidang__room"],
                                       received["at"]))
    return max(candidates, key=lambda a: a.at, default=None)
