"""Making and filing the monthly pack: last month's SOP report as a PDF (visits.reports.pdf), filed
as a new version with its SHA-256 and its maker."""

import hashlib
from datetime import date, timedelta

from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import translation

from pojok import clock
from pojok.periods import MONTH
from visits.forms.reports import ReportFilter
from visits.models import Signer
from visits.reports import build_report
from visits.reports.pdf import sop_pack

from .models import FiledPack

TRIES = 3
OFFICE_LANGUAGE = "id"


def last_month(today: date) -> date:
    """The first day of the month before `today`'s."""
    return (today.replace(day=1) - timedelta(days=1)).replace(day=1)


def file_sop_pack(month: date, *, made_how: str, by=None, signer: Signer | None = None) -> FiledPack:
    """Make the month's SOP pack and file it as the next version (never over an older one)."""
    filterset = ReportFilter({"periode": MONTH, "bulan": f"{month:%Y-%m}"})
    if not filterset.is_valid():
        raise ValueError(f"bulan {month:%Y-%m} tidak dapat dilaporkan: {dict(filterset.errors)}")
    report = build_report(filterset.scope())
    signer = signer or Signer.chosen(None)
    with translation.override(OFFICE_LANGUAGE):  # a filed pack is the office's record, whoever files it
        content = sop_pack(report, signer=signer, printed_at=clock.local_now())
    period = report.scope.period
    for attempt in range(TRIES):
        try:
            with transaction.atomic():
                return _file(period, content, made_how=made_how, by=by, signer=signer)
        except IntegrityError:  # another maker took the number at the same moment: take the next one
            if attempt == TRIES - 1:
                raise
    raise AssertionError("unreachable")


def _file(period, content: bytes, *, made_how: str, by, signer) -> FiledPack:
    filed = FiledPack.objects.filter(kind=FiledPack.SOP, period_start=period.start, period_end=period.end)
    version = (filed.aggregate(last=Max("version"))["last"] or 0) + 1
    return FiledPack.objects.create(
        kind=FiledPack.SOP, period_start=period.start, period_end=period.end, version=version, content=content,
        sha256=hashlib.sha256(content).hexdigest(), size=len(content), made_at=clock.now(), made_by=by,
        made_how=made_how[:200], signer=str(signer or "")[:200])
