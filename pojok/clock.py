"""The app's one clock: every rule that depends on "now" reads it here, or takes the moment.

In production it is the system clock. The test suite sets it (tests/clock.py) so that no test
depends on the real date or time of day: a survey link's expiry, a booking's days ahead, today's
boards and queues, retention, idle timeout, the report's "Bulan ini" all read `now()` or
`today()`, never `timezone.now()` or `date.today()` directly.
"""

from collections.abc import Callable
from datetime import date, datetime

from django.utils import timezone

_source: Callable[[], datetime] | None = None  # None: the system clock


def now() -> datetime:
    """The current moment (aware, UTC)."""
    return _source() if _source is not None else timezone.now()


def today() -> date:
    """Today's date in the office's time zone."""
    return timezone.localdate(now())


def local_now() -> datetime:
    """The current moment in the office's time zone."""
    return timezone.localtime(now())


def timestamp() -> int:
    """Whole seconds since the epoch, for counters kept in the session (idle timeout)."""
    return int(now().timestamp())


def use(source: Callable[[], datetime] | None) -> None:
    """Read the moment from `source` from now on (None: the system clock again). For tests."""
    global _source
    _source = source
