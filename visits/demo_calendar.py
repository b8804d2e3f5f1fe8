"""The office's calendar as the demo data keeps it: working days, office hours and the midday break.

The hours are the app's own (settings.OFFICE_OPENS and OFFICE_CLOSES, which also decide when a day's
open visits are closed); the break is the usual one of an Indonesian government office, longer on a
Friday for the Friday prayer. The app knows no national holidays, so a working day is Monday to Friday.
"""

import random
from datetime import date, datetime, time, timedelta

from django.conf import settings
from django.utils import timezone

BREAK = (time(12, 0), time(13, 0))
FRIDAY_BREAK = (time(11, 30), time(13, 0))


def _at(day: date, moment: time) -> datetime:
    return timezone.make_aware(datetime.combine(day, moment))


def _setting(value: str) -> time:
    hour, minute = (int(part) for part in value.split(":"))
    return time(hour, minute)


def is_working_day(day: date) -> bool:
    return day.weekday() < 5


def working_days(first: date, last: date) -> list[date]:
    """The working days from `first` to `last`, both included."""
    return [first + timedelta(days=n) for n in range((last - first).days + 1)
            if is_working_day(first + timedelta(days=n))]


def opens(day: date) -> datetime:
    return _at(day, _setting(settings.OFFICE_OPENS))


def closes(day: date) -> datetime:
    return _at(day, _setting(settings.OFFICE_CLOSES))


def midday_break(day: date) -> tuple[datetime, datetime]:
    start, end = FRIDAY_BREAK if day.weekday() == 4 else BREAK
    return _at(day, start), _at(day, end)


def is_open(moment: datetime) -> bool:
    """Whether the office receives guests at `moment` (the break counts as open: guests stay)."""
    day = timezone.localdate(moment)
    return is_working_day(day) and opens(day) <= moment < closes(day)


def windows(day: date) -> list[tuple[datetime, datetime]]:
    """The stretches of a working day in which guests are served: before and after the break."""
    start, end = midday_break(day)
    return [(opens(day), start), (end, closes(day))]


def arrival(rng: random.Random, day: date, length: timedelta, *, until: datetime | None = None,
            stretches: list | None = None) -> datetime:
    """A guest's arrival on `day` such that the `length` of the visit fits in one stretch of the day
    (and ends by `until`). A visit too long for any stretch starts when the office opens.
    `stretches`: the day's `windows`, when the caller keeps them (a bulk seed asks for each day often)."""
    room = []
    for start, end in stretches or windows(day):
        end = min(end, until) if until else end
        if end - length > start:
            room.append((start, end - length))
    if not room:
        return opens(day)
    spans = [(end - start).total_seconds() for start, end in room]
    start, end = rng.choices(room, weights=spans)[0]
    return start + timedelta(seconds=rng.uniform(0, (end - start).total_seconds()))
