"""The template side of pojok.words: every page writes durations and times of day through these."""

from django import template

from .. import words

register = template.Library()


@register.filter
def duration(seconds):
    """{{ s|duration }}: '4 mnt 2 dtk', '1 jam 0 mnt', a dash when there is no figure."""
    return words.duration_text(seconds)


@register.filter
def wib(moment, precision: str = ""):
    """{{ at|wib }}: '10.32 WIB'; {{ at|wib:"detik" }}: '10.32.05 WIB'."""
    return words.time_text(moment, seconds=precision == "detik")


@register.filter
def tanggal(day):
    """{{ day|tanggal }}: '1 Desember 2026', the one date format on screen."""
    return words.date_text(day)


@register.filter
def masked_phone(phone):
    """{{ visit.phone|masked_phone }}: '0812••••5678'."""
    return words.masked_phone(phone)
