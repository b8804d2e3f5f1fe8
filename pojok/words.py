"""Words and numbers as a person reads them, the same on every page, file and report.

- `whole_seconds`: the one rounding rule for a duration in seconds (half up: 2050.5 s is 2051 s and
  180.5 s is 181 s everywhere, never Python's half-to-even `round()` in one table and SQL's half-up
  in another).
- `duration_text`: a duration with its units, "4 mnt 2 dtk", "1 jam 0 mnt" (past an hour the
  seconds are left out, as one says it), "45 dtk".
- `time_text`: a moment's time of day in WIB, "10.32 WIB".
- `date_text`: the one date format on screen and paper, "1 Desember 2026".
- `masked_phone`: a phone number told apart without being read out, "0812••••5678".
"""

from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal

from django.utils import formats, timezone
from django.utils.translation import gettext as _

NO_FIGURE = "—"


def whole_seconds(value) -> int | None:
    """Seconds rounded to a whole number, half up (away from zero); None stays None."""
    if value is None:
        return None
    return int(Decimal(str(value)).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def duration_text(seconds) -> str:
    """'4 mnt 2 dtk' for 242 seconds, '1 jam 0 mnt' for 3,639, '45 dtk' for 45, a dash for None."""
    if seconds is None or seconds == "":
        return NO_FIGURE
    total = max(whole_seconds(seconds), 0)
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return _("%(h)d jam %(m)d mnt") % {"h": hours, "m": minutes}
    if minutes:
        return _("%(m)d mnt %(s)d dtk") % {"m": minutes, "s": secs}
    return _("%(s)d dtk") % {"s": secs}


def time_text(moment: datetime | None, *, seconds: bool = False) -> str:
    """The time of day in the office's zone (WIB): '10.32 WIB', or '10.32.05 WIB'."""
    if moment is None:
        return NO_FIGURE
    local = timezone.localtime(moment) if timezone.is_aware(moment) else moment
    return local.strftime("%H.%M.%S WIB" if seconds else "%H.%M WIB")


def date_text(day: date | None) -> str:
    """'1 Desember 2026' (in the active language's month names)."""
    return NO_FIGURE if day is None else formats.date_format(day, "j F Y")


def masked_phone(phone: str | None) -> str:
    """'+6281234565678' as '0812••••5678': enough to tell two guests of one name apart on a screen
    others can see, not enough to call them. Short or odd values are masked whole."""
    digits = "".join(ch for ch in phone or "" if ch.isdigit())
    if digits.startswith("62"):
        digits = "0" + digits[2:]
    if len(digits) < 9:
        return "••••" if digits else ""
    return f"{digits[:4]}••••{digits[-4:]}"
