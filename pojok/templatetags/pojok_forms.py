"""`{% idempotency_key %}`: the hidden key that makes a form safe to send twice (pojok.idempotency)."""

import uuid

from django import template
from django.utils.html import format_html

from pojok.idempotency import FIELD, sent_key

register = template.Library()


@register.simple_tag(takes_context=True)
def idempotency_key(context):
    """A new key for a new form; the same key again when a form comes back with its errors."""
    request = context.get("request")
    key = sent_key(request) if request is not None and request.method == "POST" else None
    return format_html('<input type="hidden" name="{}" value="{}">', FIELD, key or uuid.uuid4())
