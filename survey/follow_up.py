"""The SKM report's "rencana tindak lanjut": plans pimpinan write for a period, and what became of them.

A plan belongs to the period it was written for. The report of a period shows the plans written for
it (or for a shorter period inside it), and, under "tindak lanjut periode sebelumnya", every earlier
plan that was still open when the period began: still open now, or closed during the period.
"""

from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.utils.translation import gettext as _

from pojok import clock
from pojok.periods import Period

from . import policy
from .models import CLOSED_STATUSES, FollowUpPlan


def plans_of(period: Period):
    return (FollowUpPlan.objects.filter(period_start__gte=period.start, period_end__lte=period.end)
            .select_related("unsur", "created_by"))


def carried_over(period: Period):
    """Earlier periods' plans that were open on the period's first day."""
    return (FollowUpPlan.objects.filter(period_end__lt=period.start)
            .filter(Q(closed_on__isnull=True) | Q(closed_on__gte=period.start))
            .select_related("unsur", "created_by"))


def write_plan(*, by, period: Period, unsur, action: str, due, responsible: str) -> FollowUpPlan:
    if not policy.can_plan_follow_up(by):
        raise PermissionDenied(_("Hanya pimpinan yang menulis rencana tindak lanjut."))
    return FollowUpPlan.objects.create(
        period_start=period.start, period_end=period.end, unsur=unsur, action=action.strip(), due=due,
        responsible=responsible.strip(), created_by=by,
    )


def set_status(*, plan: FollowUpPlan, by, status: str, note: str = "") -> FollowUpPlan:
    """A plan closed (done or given up) keeps the day it was closed; one opened again loses it."""
    if not policy.can_plan_follow_up(by):
        raise PermissionDenied(_("Hanya pimpinan yang memperbarui rencana tindak lanjut."))
    plan.status, plan.status_note, plan.updated_at = status, note.strip(), clock.now()
    if status not in CLOSED_STATUSES:
        plan.closed_on = None
    elif plan.closed_on is None:
        plan.closed_on = clock.today()
    plan.save(update_fields=["status", "status_note", "closed_on", "updated_at"])
    return plan
