"""Loading a visit or a consultation for a person: the one loader per object every screen calls.

A person without the role a screen needs gets PermissionDenied (403); a person with the role but
outside the object's reach (another Bidang's guest) gets Http404, so its existence is not confirmed.
The rules themselves are in policy.py.
"""

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404

from . import policy
from .models import Consultation, Visit

# For each purpose: who may open such a screen at all, and which visits they reach there.
VIEW = "view"  # a visit's timeline and the door for its moves
FRONT_DESK = policy.FRONT_DESK  # the slip, the see-out screen
TRIAGE = policy.TRIAGE  # routing
CONSULT = policy.CONSULT  # acting on a guest of one's own Bidang (receive, transfer, call)
CONSULTATION = "consultation"  # the consultation page: its Bidang's staff act, readers read

PURPOSES = {
    VIEW: (policy.can_see_visits, policy.can_view_visit),
    FRONT_DESK: (policy.can_front_desk, None),
    TRIAGE: (policy.can_triage, None),
    CONSULT: (policy.can_consult, policy.can_consult_visit),
    CONSULTATION: (policy.can_read_consultations, policy.can_open_consultation_of),
}


def visit_for(user, pk: int, *, purpose: str = VIEW, queryset: QuerySet | None = None) -> Visit:
    """The visit `pk` as `user` may open it for `purpose`, or PermissionDenied / Http404."""
    may_open, reaches = PURPOSES[purpose]
    if not may_open(user):
        raise PermissionDenied
    visit = get_object_or_404(queryset if queryset is not None else Visit.objects.select_related("bidang"), pk=pk)
    if reaches is not None and not reaches(user, visit):
        raise Http404
    return visit


def consultation_for(user, pk: int) -> Consultation:
    """A consultation record whose follow-up the user's Bidang may mark done."""
    policy.require(policy.can_consult, user)
    consultation = get_object_or_404(Consultation.objects.select_related("visit"), pk=pk)
    if consultation.bidang_id != user.bidang_id:
        raise Http404
    return consultation
