"""A period of days, the one object every report takes: the SOP report, the IKM report, routing
quality. Its named forms ("hari ini", "bulan ini", …) are relative to a given today (pojok.clock)."""

import calendar
import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext, gettext_lazy

TODAY, THIS_WEEK, THIS_MONTH, MONTH, RANGE = "hari-ini", "minggu-ini", "bulan-ini", "bulan", "rentang"
PERIOD_CHOICES = [
    (TODAY, gettext_lazy("Hari ini")), (THIS_WEEK, gettext_lazy("Minggu ini")), (THIS_MONTH, gettext_lazy("Bulan ini")),
    (MONTH, gettext_lazy("Bulan tertentu")), (RANGE, gettext_lazy("Rentang tanggal")),
]


@dataclass(frozen=True)
class Period:
    start: date
    end: date

    @classmethod
    def named(cls, name: str, *, today: date, month: date | None = None, start=None, end=None) -> "Period":
        """The period a filter names, relative to `today` for today / this week / this month."""
        if name == TODAY:
            return cls(today, today)
        if name == THIS_WEEK:
            return cls(today - timedelta(days=today.weekday()), today)
        if name == THIS_MONTH:
            return cls(today.replace(day=1), today)
        if name == MONTH:
            return cls(month, month.replace(day=calendar.monthrange(month.year, month.month)[1]))
        return cls(start, end)

    @classmethod
    def last_days(cls, days: int, *, today: date) -> "Period":
        """The `days` days that end today."""
        return cls(today - timedelta(days=days - 1), today)

    @property
    def label(self) -> str:
        if self.start == self.end:
            return date_format(self.start, "j F Y")
        return gettext("%(start)s s.d. %(end)s") % {"start": date_format(self.start, "j F Y"),
                                                    "end": date_format(self.end, "j F Y")}

    def days(self) -> list[date]:
        return [self.start + timedelta(days=n) for n in range((self.end - self.start).days + 1)]

    def first_moment(self) -> datetime:
        return datetime.combine(self.start, time.min, tzinfo=timezone.get_current_timezone())

    def end_moment(self) -> datetime:
        """The first moment after the period (its end, exclusive)."""
        return datetime.combine(self.end + timedelta(days=1), time.min, tzinfo=timezone.get_current_timezone())


def month_asked(text: str, *, today: date) -> tuple[date, str]:
    """The month a page's `?bulan=2026-11` asks for, this month when none; or this month and the error
    to show (in words) for anything else."""
    this_month = today.replace(day=1)
    if not text:
        return this_month, ""
    if not re.fullmatch(r"\d{4}-\d{2}", text) or not 1 <= int(text[5:]) <= 12 or not 2000 <= int(text[:4]) <= 2100:
        return this_month, gettext("Bulan ditulis TTTT-BB, misalnya 2026-11.")
    return date(int(text[:4]), int(text[5:]), 1), ""
