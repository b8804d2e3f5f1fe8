"""The routing decisions as plain evidence for routing/learn.py (routing knows nothing of visits).

Left out: a decision whose keperluan was anonymised (nothing to learn from), and one the Bidang
later sent back to triage (a transfer): that need did not belong where it was sent.
"""

from django.db.models import Exists, OuterRef

from pojok.personal_data import ANONYMIZED_TEXT
from routing.learn import Decision

from .models import RoutingDecision, VisitEvent


def decision_history() -> list[Decision]:
    """Every decision that counts as evidence, oldest first, as routing.learn.Decision tuples."""
    corrected = Exists(VisitEvent.objects.filter(visit=OuterRef("visit"), action="transfer", at__gte=OuterRef("at")))
    rows = (RoutingDecision.objects.exclude(keperluan=ANONYMIZED_TEXT).exclude(corrected)
            .order_by("at", "id")
            .values_list("keperluan", "bidang__code", "topic_id", "at", "suggested_bidang_id", "bidang_id",
                         "override_reason"))
    return [Decision(text, code, topic, at, overridden=suggested != chosen, reason=reason)
            for text, code, topic, at, suggested, chosen, reason in rows]
