"""The referrals' figures: an office's (sent, received, came, and the time to being received) and the
kabupaten's table between offices. Counts only: no guest's data leaves either office here."""

import statistics
from dataclasses import dataclass

from django.db.models import Count

from pojok.periods import Period

from .models import CAME, Referral, was_received


@dataclass(frozen=True)
class Side:
    """One direction of an office's referrals in a period."""

    referrals: int
    received: int
    came: int
    median_minutes: float | None  # from sent to received, of those received

    @property
    def came_share(self) -> float | None:
        return round(100 * self.came / self.referrals, 1) if self.referrals else None


def _side(referrals) -> Side:
    counts = referrals.aggregate(referrals=Count("id"), received=Count("id", filter=was_received()),
                                 came=Count("id", filter=CAME))
    return Side(**counts, median_minutes=_median_minutes(referrals.filter(was_received())))


def _median_minutes(referrals) -> float | None:
    minutes = [(min(m for m in (received, taken_up) if m is not None) - sent).total_seconds() / 60
               for sent, received, taken_up in referrals.with_taken_up().values_list("sent_at", "received_at",
                                                                                     "taken_up")]
    return round(statistics.median(minutes), 1) if minutes else None


def office_figures(period: Period) -> dict[str, Side]:
    """The office acted for: what it sent, and what it received, in the period (by the day sent)."""
    days = {"sent_on__range": (period.start, period.end)}
    return {"sent": _side(Referral.objects.sent().filter(**days)),
            "received": _side(Referral.objects.received().filter(**days))}


def between_offices(period: Period) -> list[dict]:
    """Every pair of offices with referrals in the period, most first (the kabupaten's table)."""
    rows = (Referral.all_offices.filter(sent_on__range=(period.start, period.end))
            .values("from_office__short_name", "to_office__short_name", "from_office__code", "to_office__code")
            .annotate(referrals=Count("id"), received=Count("id", filter=was_received()), came=Count("id", filter=CAME))
            .order_by("-referrals", "from_office__short_name", "to_office__short_name"))
    return [{"from": row["from_office__short_name"], "to": row["to_office__short_name"],
             "from_code": row["from_office__code"], "to_code": row["to_office__code"],
             "referrals": row["referrals"], "received": row["received"], "came": row["came"]} for row in rows]
