"""The manual's arrival rules as a checklist: what the desk and the kiosk tick at check-in, kept on the
visit as it was then (an item edited later does not rewrite it), and how complete the arrivals were.
The default items are the manual's (visits.sop.ARRIVAL_RULES)."""

from offices.current import office_id
from pojok import shared

from .models import ArrivalRule


def active_rules() -> list:
    """The active items, kept in the shared cache until one is added, edited or deleted (every check-in
    reads them; the admin changes them once in a while)."""
    name = _stamp_name(office_id())
    return shared.get(f"{name}:{shared.stamp(name)}", lambda: list(ArrivalRule.objects.filter(active=True)))


def rules_changed(sender, instance, **kwargs) -> None:
    shared.renew(_stamp_name(instance.office_id))


def _stamp_name(office: int) -> str:
    return f"arrival_rules:{office}"  # each office's own checklist


def checklist(rules, ticked) -> dict:
    """The visit's fields for a check-in: every active item with whether it was ticked, and whether
    all were (None when the office has the checklist off)."""
    ticked = {str(pk) for pk in ticked}
    checks = [{"item": rule.text, "ok": str(rule.pk) in ticked} for rule in rules]
    return {"arrival_checks": checks, "arrival_complete": all(c["ok"] for c in checks) if checks else None}
