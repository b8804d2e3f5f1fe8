"""Who may do what with a visit: the one place the roles are checked for the visits app."""

from django.core.exceptions import PermissionDenied

from pojok.roles import CONSULT_PERM, FRONT_DESK_PERM, REPORT_PERM, ROUTE_PERM

FRONT_DESK = "front_desk"
TRIAGE = "triage"
CONSULT = "consult"


def can_front_desk(user) -> bool:
    return user.is_authenticated and user.has_perm(FRONT_DESK_PERM)


def can_triage(user) -> bool:
    return user.is_authenticated and user.has_perm(ROUTE_PERM)


def can_consult(user) -> bool:
    return user.is_authenticated and user.has_perm(CONSULT_PERM) and user.bidang_id is not None


def can_read_reports(user) -> bool:
    return user.is_authenticated and user.has_perm(REPORT_PERM)


def can_consult_visit(user, visit) -> bool:
    return can_consult(user) and visit.bidang_id == user.bidang_id


def can_act_as(user, role: str, visit) -> bool:
    if role == FRONT_DESK:
        return can_front_desk(user)
    if role == TRIAGE:
        return can_triage(user)
    if role == CONSULT:
        return can_consult_visit(user, visit)
    return False


def can_view_visit(user, visit) -> bool:
    """The timeline of a visit: the desk and triage see every visit, staff only their Bidang's."""
    return (
        can_front_desk(user)
        or can_triage(user)
        or can_read_reports(user)
        or can_consult_visit(user, visit)
    )


def require(check, *args) -> None:
    if not check(*args):
        raise PermissionDenied
