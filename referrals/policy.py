"""Who may refer a guest, receive a referral and read the referrals: the roles, as visits.policy has them."""

from visits import policy
from visits.models import State

AFTER_CONSULTATION = frozenset({State.CONSULTING, State.LEAVING, State.DONE})


def can_refer_from_triage(user) -> bool:
    return policy.can_triage(user)


def can_refer_after_consultation(user, visit) -> bool:
    """The Bidang's own staff, once the consultation is recorded (during it or after)."""
    return (policy.can_consult_visit(user, visit) and visit.state in AFTER_CONSULTATION
            and getattr(visit, "consultation", None) is not None)


def may_refer(user, visit) -> bool:
    """From triage while the guest waits to be routed, or by the Bidang after the consultation."""
    return (visit.state == State.TRIAGE and can_refer_from_triage(user)) or can_refer_after_consultation(user, visit)


def can_receive(user) -> bool:
    """The door and the Kasubbag (or the piket) of the receiving office."""
    return policy.can_front_desk(user) or policy.can_triage(user)


def can_read(user) -> bool:
    return can_receive(user) or policy.can_read_reports(user)
