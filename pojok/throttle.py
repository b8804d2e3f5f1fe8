"""Too many tries from one network address: wait a while (the survey code, the booking code boxes).

Each guarded thing is a `Throttle`: at most `limit` counted tries per sender in a window of
`minutes`; past that, the sender is told in Indonesian how long to wait, and nothing is looked up.
Senders are keyed fingerprints of their address (pojok.security.fingerprint); counts live in the
database, so every gunicorn worker and every app server sees the same ones. (django-ratelimit would
need a cache with atomic increments, Redis or Memcached, which this app does not run.)
"""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F, Sum
from django.utils.translation import ngettext

from . import clock
from .models import ThrottleCount
from .security import client_ip, fingerprint


@dataclass(frozen=True)
class Throttle:
    bucket: str
    limit_setting: str  # the settings that hold the limit and the window, so they can be tuned
    minutes_setting: str

    @property
    def limit(self) -> int:
        return getattr(settings, self.limit_setting)

    @property
    def window(self) -> timedelta:
        return timedelta(minutes=getattr(settings, self.minutes_setting))

    def _window_start(self, now: datetime) -> datetime:
        seconds = int(self.window.total_seconds())
        return datetime.fromtimestamp(int(now.timestamp()) // seconds * seconds, tz=now.tzinfo)

    def _rows(self, request, now: datetime):
        return ThrottleCount.objects.filter(bucket=self.bucket, sender=_sender(request),
                                            window_start=self._window_start(now))

    def wait_seconds(self, request) -> int:
        """0 when this sender may try now, otherwise the seconds until its window ends."""
        now = clock.now()
        hits = self._rows(request, now).aggregate(hits=Sum("hits"))["hits"] or 0
        if hits < self.limit:
            return 0
        return max(1, int((self._window_start(now) + self.window - now).total_seconds()))

    def count(self, request) -> None:
        """One more try from this sender."""
        now = clock.now()
        rows = self._rows(request, now)
        with transaction.atomic():
            if rows.update(hits=F("hits") + 1):
                return
            try:
                with transaction.atomic():
                    start = self._window_start(now)
                    ThrottleCount.objects.create(bucket=self.bucket, sender=_sender(request),
                                                 window_start=start, ends_at=start + self.window, hits=1)
            except IntegrityError:  # another worker made the row a moment ago
                rows.update(hits=F("hits") + 1)


def _sender(request) -> str:
    return fingerprint(client_ip(request) or "")


def wait_message(seconds: int) -> str:
    minutes = max(1, -(-seconds // 60))
    return ngettext("Terlalu banyak percobaan kode dari jaringan ini. Silakan coba lagi dalam %(minutes)d menit, "
                    "atau minta bantuan petugas meja depan.",
                    "Terlalu banyak percobaan kode dari jaringan ini. Silakan coba lagi dalam %(minutes)d menit, "
                    "atau minta bantuan petugas meja depan.", minutes) % {"minutes": minutes}


SURVEY_CODE = Throttle("survey-code", "CODE_TRIES_LIMIT", "CODE_TRIES_MINUTES")
BOOKING_CODE = Throttle("booking-code", "CODE_TRIES_LIMIT", "CODE_TRIES_MINUTES")
