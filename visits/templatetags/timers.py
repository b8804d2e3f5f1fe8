"""How a timer's level (models/steps.timer_level) looks on the boards: static/js/pojok.js uses the
same classes as the timers tick in the browser."""

from django import template

register = template.Library()

LEVEL_CLASS = {"ok": "text-bg-success", "near": "text-bg-warning", "over": "text-bg-danger"}


@register.filter
def timer_class(level: str) -> str:
    return LEVEL_CLASS.get(level, "text-bg-secondary")
