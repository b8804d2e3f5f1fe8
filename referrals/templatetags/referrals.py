"""`{% referral_link visit %}`: on the triage and consultation pages, the way to refer the guest to another
office, or where they were referred (one query). `{% referred_from visit %}`: where a remote request
referred here came from, and why. `{% referral_figures period %}`: the office's referrals of the period,
sent and received, on its SOP report."""

from django import template

from offices.models import Office

from .. import policy
from ..figures import office_figures
from ..models import Referral

register = template.Library()


@register.inclusion_tag("referrals/_link.html", takes_context=True)
def referral_link(context, visit):
    user = context["request"].user
    referral = Referral.objects.sent().filter(visit=visit).select_related("to_office").first()
    may = referral is None and policy.may_refer(user, visit) and Office.objects.exclude(pk=visit.office_id).exists()
    return {"visit": visit, "referral": referral, "may_refer": may}


@register.inclusion_tag("referrals/_referred_from.html")
def referred_from(visit):
    """On the route page of a remote request another office referred here: from where, and why."""
    return {"referred_in": Referral.objects.received().filter(remote_request=visit).select_related("from_office")
            .first()}


@register.inclusion_tag("referrals/_figures.html")
def referral_figures(period):
    return {"figures": office_figures(period)}
