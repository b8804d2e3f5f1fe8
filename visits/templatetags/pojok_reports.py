"""Template filters of the SOP report: shares and counts (durations go through pojok_words.duration)."""

from django import template

from ..reports import percent_text

register = template.Library()


@register.filter
def percent(share):
    """92,5% for a share in percent (Indonesian decimal comma), a dash when there is no verdict."""
    return percent_text(share)


@register.filter
def num(value):
    """12.084 for 12084: the Indonesian thousands separator, without the locale machinery that
    formats every number of a long table again and again."""
    return "—" if value is None else f"{value:,}".replace(",", ".")
