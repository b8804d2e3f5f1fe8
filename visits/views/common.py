"""Pieces the role screens share: a board row with its timer and the moves a user may make."""

from django.db.models import Prefetch

from ..models import VisitStep


def board_rows(visits, user) -> list[dict]:
    """Rows for a live board: one query for the visits, one for their open steps."""
    open_steps = Prefetch("steps", queryset=VisitStep.objects.filter(ended_at__isnull=True), to_attr="open_steps")
    rows = []
    for visit in visits.prefetch_related(open_steps):
        step = visit.open_steps[0] if visit.open_steps else None
        rows.append({"visit": visit, "step": step, "moves": visit.moves_for(user)})
    return rows
