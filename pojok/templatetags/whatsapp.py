"""`{% wa_button link label %}`: a WhatsApp click-to-chat button, or the reason there is none."""

from django import template
from django.utils.translation import gettext

register = template.Library()


@register.inclusion_tag("pojok/_wa_button.html")
def wa_button(link, label=None, kind=""):
    return {"link": link, "label": gettext("Kirim WhatsApp") if label is None else label, "kind": kind}
