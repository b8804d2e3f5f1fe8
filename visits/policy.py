"""Who may do what with a visit: the one place the roles are checked for the visits app."""

from django.core.exceptions import PermissionDenied

from pojok import clock
from pojok.roles import CONSULT_PERM, FRONT_DESK_PERM, REPORT_PERM, ROUTE_PERM

FRONT_DESK = "front_desk"
TRIAGE = "triage"
CONSULT = "consult"
SYSTEM = "system"  # scheduled jobs (close_stale_visits): no person, `by` is None


def can_front_desk(user) -> bool:
    return user is not None and user.is_authenticated and user.has_perm(FRONT_DESK_PERM)


def is_on_duty(user, day=None) -> bool:
    """A petugas piket the Kasubbag named for this day (remembered on the user for the request)."""
    if user.office_id is None:  # an account of no office (the kabupaten's) stands in for no desk
        return False
    day = day or clock.today()
    cache = user.__dict__.setdefault("_piket_days", {})
    if day not in cache:
        cache[day] = user.piket_days.filter(day=day).exists()
    return cache[day]


def can_triage(user) -> bool:
    if user is None or not user.is_authenticated:
        return False
    return user.has_perm(ROUTE_PERM) or is_on_duty(user)


def can_name_piket(user) -> bool:
    """Only the Kasubbag Umum (not a stand-in) names who stands in."""
    return user is not None and user.is_authenticated and user.has_perm(ROUTE_PERM)


def can_read_routing_quality(user) -> bool:
    """The routing quality report: the Kasubbag Umum (not a stand-in) and the admin who edits the topics."""
    return can_name_piket(user) or (
        user is not None and user.is_authenticated and user.has_perm("routing.change_topic"))


def can_consult(user) -> bool:
    return (user is not None and user.is_authenticated and user.has_perm(CONSULT_PERM)
            and user.bidang_id is not None)


def can_read_reports(user) -> bool:
    return user is not None and user.is_authenticated and user.has_perm(REPORT_PERM)


def can_consult_visit(user, visit) -> bool:
    return can_consult(user) and visit.bidang_id == user.bidang_id


def can_act_as(user, role: str, visit) -> bool:
    checks = {
        FRONT_DESK: lambda: can_front_desk(user),
        TRIAGE: lambda: can_triage(user),
        CONSULT: lambda: can_consult_visit(user, visit),
        SYSTEM: lambda: user is None,
    }
    return checks[role]()


def can_see_visits(user) -> bool:
    """Opens visits' timelines at all (which ones: can_view_visit)."""
    return can_front_desk(user) or can_triage(user) or can_read_reports(user) or can_consult(user)


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


# --- consultation notes (the Bidang's record of step 5) ------------------------------------

def can_read_all_consultations(user) -> bool:
    """Pimpinan and Admin read every Bidang's consultations (read-only)."""
    return can_read_reports(user)


def can_read_consultations(user) -> bool:
    """Opens the Bidang's history, search and follow-ups at all (what each sees is narrowed below)."""
    return can_consult(user) or can_read_all_consultations(user)


def can_read_consultation(user, consultation) -> bool:
    """Staff read their own Bidang's notes only; the petugas and the Kasubbag never read them."""
    return can_read_all_consultations(user) or (can_consult(user) and consultation.bidang_id == user.bidang_id)


def can_open_consultation_of(user, visit) -> bool:
    """The consultation page of a visit: its Bidang's staff (to act), or whoever may read its record."""
    consultation = getattr(visit, "consultation", None)
    return can_consult_visit(user, visit) or (
        consultation is not None and can_read_consultation(user, consultation))
