"""Template tags for showing a visit's consultation only to those allowed to read its notes."""

from django import template

from .. import policy
from ..models import Consultation, Mode

register = template.Library()


@register.simple_tag
def readable_consultation(user, visit):
    """The visit's consultation record if this user may read it (its Bidang's staff, Pimpinan, Admin),
    else None: the petugas and the Kasubbag never see the notes."""
    if not policy.can_read_consultations(user):
        return None
    consultation = (
        Consultation.objects.filter(visit=visit)
        .select_related("bidang", "recorded_by", "follow_up_by")
        .first()
    )
    if consultation is None or not policy.can_read_consultation(user, consultation):
        return None
    return consultation


@register.filter
def mode_name(mode: str) -> str:
    """The mode in the office's words ("Mediasi"), or an empty string when not yet chosen."""
    return Mode(mode).label if mode in Mode.values else ""


@register.filter
def mode_help(mode: str) -> str:
    return Mode(mode).description if mode in Mode.values else ""
