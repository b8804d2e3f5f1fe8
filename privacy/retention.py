"""The retention job: personal data older than the retention period is replaced by placeholders.

Every holder is updated in batches, one UPDATE ... WHERE pk IN (SELECT pk ... LIMIT n) per batch:
no row is read into Python, a batch's lock is short, and a run interrupted halfway simply
continues on the next run. Rows already anonymized no longer match, so a rerun changes nothing.
"""

from datetime import date, timedelta

from django.db import transaction

from pojok import clock

from .holders import HOLDERS, Holder
from .models import Kind, PersonalDataLog, PrivacySetting

BATCH_SIZE = 1000


def retention_cutoff(days: int | None = None, *, today: date | None = None) -> date:
    """The first day still kept: rows dated before it are anonymized."""
    days = PrivacySetting.current().retention_days if days is None else days
    return (today or clock.today()) - timedelta(days=days)


def anonymize_expired(*, cutoff: date, batch_size: int = BATCH_SIZE) -> dict[str, int]:
    """Anonymize every holder's rows dated before `cutoff`; the rows changed, per holder label."""
    counts = {holder.label: _anonymize_holder(holder, cutoff, batch_size) for holder in HOLDERS}
    total = sum(counts.values())
    if total:
        PersonalDataLog.objects.create(kind=Kind.RETENTION, rows=total, counts=counts)
    return counts


def _anonymize_holder(holder: Holder, cutoff: date, batch_size: int) -> int:
    manager = holder.model_class._default_manager
    changed_total = 0
    while True:
        batch = holder.expired(cutoff).order_by("pk").values("pk")[:batch_size]
        with transaction.atomic():
            changed = manager.filter(pk__in=batch).update(**holder.personal)
        changed_total += changed
        if changed < batch_size:  # the last, partial batch: nothing is left
            return changed_total
