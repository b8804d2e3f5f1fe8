"""The front desk board's box for registered guests: the code field and how many are still expected."""

from django import template

from pojok import clock

from ..models import Booking

register = template.Library()


@register.inclusion_tag("booking/_desk_card.html", takes_context=True)
def expected_today(context):
    waiting = Booking.objects.filter(planned_date=clock.today(), visit__isnull=True).count()
    return {"request": context["request"], "csrf_token": context.get("csrf_token"), "waiting": waiting}
