"""`{% wa_button link label %}`: a WhatsApp click-to-chat button, or the reason there is none."""

from django import template

register = template.Library()


@register.inclusion_tag("pojok/_wa_button.html")
def wa_button(link, label="Kirim WhatsApp", kind=""):
    return {"link": link, "label": label, "kind": kind}
