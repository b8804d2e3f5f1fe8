"""The retention period on any page (the check-in screens' "why" line), without help from the view."""

from django import template

from ..models import PrivacySetting

register = template.Library()


@register.simple_tag
def retention_days() -> int:
    return PrivacySetting.current().retention_days
