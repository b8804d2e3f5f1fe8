"""The clock the tests set: pojok.clock reads it, so no test meets the real date or time of day.

Every test starts with the clock stopped at TESTS_START (a Monday late morning, WIB, the day the
factories' `wib()` defaults to). A test of a time rule moves it with `clock.set(...)` or
`clock.advance(...)` and builds every moment from `clock.now()`. Browser tests get a clock that
runs from TESTS_START, since the browser waits and types in real time.
"""

import time
from datetime import date, datetime, timedelta

from django.utils import timezone

from pojok import clock as app_clock
from tests.factories import wib

TESTS_START = wib(2026, 11, 23, 11, 0)  # Monday 23 November 2026, 11.00 WIB


class TestClock:
    __test__ = False  # not a test class, whatever pytest thinks of the name

    def __init__(self, moment: datetime = TESTS_START, *, running: bool = False):
        self.set(moment, running=running)

    def set(self, moment: datetime, *, running: bool = False) -> datetime:
        """Stop the clock at `moment` (or let it run on from there)."""
        if timezone.is_naive(moment):
            raise ValueError("the test clock takes aware moments (tests.factories.wib)")
        self._moment, self._running, self._since = moment, running, time.monotonic()
        return moment

    def advance(self, **delta) -> datetime:
        """Move the clock forward (or back, with negative amounts) by a timedelta's arguments."""
        return self.set(self.now() + timedelta(**delta), running=self._running)

    def now(self) -> datetime:
        if self._running:
            return self._moment + timedelta(seconds=time.monotonic() - self._since)
        return self._moment

    def today(self) -> date:
        return timezone.localdate(self.now())

    def local_now(self) -> datetime:
        return timezone.localtime(self.now())

    def timestamp(self) -> int:
        return int(self.now().timestamp())

    def install(self) -> "TestClock":
        app_clock.use(self.now)
        return self

    @staticmethod
    def uninstall() -> None:
        app_clock.use(None)
