"""Template tags other apps' pages use to show the survey: the link and QR code, and the see-out links."""

from django import template
from django.urls import reverse
from django.utils.translation import gettext as _

from pojok.qr import qr_svg
from pojok.whatsapp import wa_link

from .. import policy
from ..answering import ANSWERABLE_STATES, invite

register = template.Library()


def survey_link(request, invitation) -> dict:
    """The link, and its short form cut before the code: the slip wraps it there, never inside the code."""
    url = request.build_absolute_uri(reverse("survey:answer", args=[invitation.token]))
    short_url = url.split("://", 1)[-1]
    head, _, code = short_url.rpartition("/")
    return {"url": url, "short_url": short_url, "short_url_head": head + "/" if head else "", "short_url_code": code}


@register.inclusion_tag("survey/_invite.html", takes_context=True)
def survey_invite(context, visit, scale=3):
    """The survey's link and QR code for a visit (made on first need): on the slip and the see-out screen."""
    invitation = invite(visit=visit)
    link = survey_link(context["request"], invitation)
    return {"invitation": invitation, "qr": qr_svg(link["url"], scale=scale), **link}


@register.inclusion_tag("pojok/_wa_button.html", takes_context=True)
def survey_wa(context, visit):
    """The survey link sent to the guest by WhatsApp (a remote consultation too): opened, then sent."""
    link = survey_link(context["request"], invite(visit=visit))
    text = _("Yth. Bapak/Ibu %(name)s, terima kasih telah berkonsultasi dengan %(office)s "
             "(nomor %(number)s). Mohon kesediaan Anda mengisi survei kepuasan singkat berikut: %(url)s") % {
        "name": visit.guest_name, "office": visit.office.name, "number": visit.queue_number, "url": link["url"]}
    return {"link": wa_link(visit.phone, text), "label": _("Kirim tautan survei"), "kind": "survey"}


@register.inclusion_tag("survey/_visit_links.html", takes_context=True)
def survey_visit_links(context, visit):
    """On a visit's page, for the desk: see the guest out straight to the survey screen, or reopen it."""
    request = context["request"]
    show = policy.can_show_invitation(request.user) and visit.state in ANSWERABLE_STATES
    return {"visit": visit, "show": show, "csrf_token": context.get("csrf_token"), "request": request,
            "answered": show and getattr(getattr(visit, "survey_invitation", None), "answered", False)}


@register.inclusion_tag("survey/_see_out_button.html", takes_context=True)
def after_move(context, visit, move):
    """Beside a board's move button: after "Antar keluar", the one that also opens the survey screen."""
    return {"visit": visit, "show": move.name == "see_out", "csrf_token": context.get("csrf_token")}
