"""Today's demo visits, placed around the app's clock so the boards look like the office right now.

While the office is open, today has guests at every step, each arrived a plausible while ago (none
before the office opened, none stamped after now), and a few already seen out earlier in the day.
When it is closed there are no live guests: before opening (and on a weekend) today has no visit yet
and the last working day is complete (its leftovers closed the way the nightly job does); after
closing, today is a finished day. The visits are made through the real lifecycle (check-in,
routing with its suggestion and decision, consultation record), so every screen reads them as the
office's own.
"""

import random
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from pojok import clock

from . import demo_calendar
from .demo import NAMES, NEEDS, ORIGINS, OUTCOMES, REMOTE_CHANNELS, SURNAMES, DemoVisits, _phone
from .demo_routing import route_today
from .models import Consultation, Mode, Visit, close_stale_visits, finish_consultation

KIOSK = "Tablet pintu"
# How long each move takes after the one before, in minutes (low, high): within the SOP's standards,
# as on a calm morning. The step a guest is in has run for part of its own span so far.
GAPS = {"arrive": (0.5, 3), "greet": (0.3, 1.5), "report": (0.3, 1.5), "route": (1, 4), "receive": (1, 8),
        "finish": (8, 35), "see_out": (0.3, 1.5), "close": (5, 20)}
REMOTE_GAPS = {**GAPS, "receive": (2, 15)}
DOOR_MOVES = ["arrive", "greet", "report", "route", "receive", "finish", "see_out"]
REMOTE_MOVES = ["route", "receive", "close"]
DESK_MOVES = {"arrive", "greet", "report", "see_out"}
# The stage (moves made) of each guest in turn: the busiest steps first, so even a few guests show
# most of the board. 0 for a walk-in is a guest's own check-in at the kiosk, not yet confirmed.
DOOR_STAGES = [5, 4, 3, 1, 2, 7, 6, 0, 7, 5]
REMOTE_STAGES = [1, 0, 2, 3]
REMOTE_EVERY = 4  # every fourth request of the day came by telephone, WhatsApp, video or letter


@dataclass
class Guest:
    remote: bool
    stage: int
    code: str
    details: dict
    times: list = field(default_factory=list)  # arrival, then the moment of each move made

    @property
    def moves(self) -> list[str]:
        return (REMOTE_MOVES if self.remote else DOOR_MOVES)[: self.stage]


def add_today(count: int, *, people: dict, bidang: dict) -> int:
    """Make sure today has `count` visits, placed by the clock (see the module's docstring)."""
    now = clock.now()
    day = timezone.localdate(now)
    close_stale_visits(at=now)  # what the nightly job does: yesterday's leftovers are closed
    if not demo_calendar.is_working_day(day) or now < demo_calendar.opens(day):
        return 0
    existing = Visit.objects.of_day(day).count()
    if existing >= count:
        return 0
    if now >= demo_calendar.closes(day):  # a finished day, all of it within office hours
        return DemoVisits(people=people, bidang=bidang, seed=day.toordinal()).add_on([day], count - existing)
    with transaction.atomic():  # one commit, not one per move
        return LiveDay(people=people, bidang=bidang, now=now, seed=existing).add(existing, count)


class LiveDay:
    """Today's guests while the office is open. Over the midday break nobody comes in: the guests still
    there came before it; after the break, those still there came after it."""

    def __init__(self, *, people: dict, bidang: dict, now: datetime, seed: int):
        self.people, self.bidang = people, bidang
        self.day = timezone.localdate(now)
        self.rng = random.Random(self.day.toordinal() * 100 + seed)
        last = Visit.objects.of_day(self.day).aggregate(last=Max("arrived_at"))["last"]
        self.earliest = max(demo_calendar.opens(self.day), last or demo_calendar.opens(self.day))
        self.now = now - timedelta(seconds=30)  # the last move a moment ago, never at the very instant
        rest_starts, rest_ends = demo_calendar.midday_break(self.day)
        if rest_starts <= self.now < rest_ends:
            self.now = rest_starts
        self.earliest_here = max(self.earliest, rest_ends) if self.now >= rest_ends else self.earliest

    def add(self, existing: int, count: int) -> int:
        guests = [self._guest(index) for index in range(existing, count)]
        for guest in sorted(guests, key=lambda g: g.times[0]):  # queue numbers in the order they came
            self._make(guest)
        return len(guests)

    def _guest(self, index: int) -> Guest:
        rng = self.rng
        remote = index % REMOTE_EVERY == REMOTE_EVERY - 1
        stages = REMOTE_STAGES if remote else DOOR_STAGES
        turn = index // REMOTE_EVERY if remote else index - index // REMOTE_EVERY
        code = rng.choice(list(NEEDS))
        details = {"guest_name": f"{rng.choice(NAMES)} {rng.choice(SURNAMES)}",
                   "origin": rng.choice(ORIGINS), "keperluan": rng.choice(NEEDS[code])}
        guest = Guest(remote=remote, stage=stages[turn % len(stages)], code=code, details=details)
        guest.times = self._times(guest)
        return guest

    def _times(self, guest: Guest) -> list[datetime]:
        """When the guest came and made each move: ending now-ish for a guest still here, earlier in the
        day for one already gone; squeezed after the office's opening when the day is young."""
        gaps = REMOTE_GAPS if guest.remote else GAPS
        path = REMOTE_MOVES if guest.remote else DOOR_MOVES
        spans = [timedelta(minutes=self.rng.uniform(*gaps[name])) for name in guest.moves]
        length = sum(spans, timedelta())
        if guest.stage == len(path):  # gone already: any time of the day so far, in office hours
            stretches = [(max(start, self.earliest), min(end, self.now))
                         for start, end in demo_calendar.windows(self.day)]
            fits = [(start, end) for start, end in stretches if end - start > length]
            arrived = (demo_calendar.arrival(self.rng, self.day, length, stretches=fits) if fits
                       else self._squeezed(spans, timedelta(), self.earliest))
        else:  # still here: the step the guest is in has run for part of its usual span
            pending = timedelta(minutes=self.rng.uniform(0.2, 0.6) * gaps[path[guest.stage]][1])
            arrived = self._squeezed(spans, pending, self.earliest_here)
        times = [arrived]
        for span in spans:
            times.append(times[-1] + span)
        return times

    def _squeezed(self, spans: list, pending: timedelta, earliest: datetime) -> datetime:
        """The arrival of a guest whose moves end `pending` before now; early in the day (or just after
        the break) the same story, told faster. `spans` is shortened in place to match."""
        total = sum(spans, timedelta()) + pending
        room = max(self.now - earliest, timedelta())
        if total > room:
            factor = 0.99 * room / total  # a hair inside, whatever the rounding to microseconds
            spans[:] = [span * factor for span in spans]
            pending *= factor
        return self.now - pending - sum(spans, timedelta())

    def _make(self, guest: Guest) -> None:
        people, arrived = self.people, guest.times[0]
        if guest.remote:
            channel = self.rng.choices(list(REMOTE_CHANNELS), weights=list(REMOTE_CHANNELS.values()))[0]
            visit = Visit.record_remote(by=people["kasubbag"], channel=channel, at=arrived,
                                        phone=_phone(self.rng), **guest.details)
        elif guest.stage == 0:
            Visit.check_in_by_guest(kiosk_name=KIOSK, at=arrived, **guest.details)
            return
        else:  # the petugas logs the arrival and confirms it ("arrive") in one go, as at the desk
            visit = Visit.check_in(by=people["petugas"], arrived_at=arrived, at=guest.times[1], **guest.details)
        moves = guest.moves if guest.remote else guest.moves[1:]
        times = guest.times[1:] if guest.remote else guest.times[2:]
        for name, at in zip(moves, times, strict=True):
            self._move(visit, guest, name, at)

    def _move(self, visit: Visit, guest: Guest, name: str, at: datetime) -> None:
        people, staff = self.people, self.people[guest.code]
        if name == "route":
            route_today(visit=visit, by=people["kasubbag"], bidang=self.bidang[guest.code], rng=self.rng, at=at,
                        need_code=guest.code)
        elif name in ("finish", "close"):
            record = finish_consultation(visit=visit, by=staff, at=at, mode=self.rng.choice(Mode.values),
                                         problem=visit.keperluan, outcome=self.rng.choice(OUTCOMES))
            Consultation.objects.filter(pk=record.pk).update(updated_at=at)  # as written at the time
        else:
            visit.advance(name, by=people["petugas"] if name in DESK_MOVES else staff, at=at)

