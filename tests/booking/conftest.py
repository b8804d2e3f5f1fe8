"""Bookings made the way the public page makes them, and dates that are office days whatever today is."""

from datetime import date, timedelta

from django.core import signing

from booking.forms import STARTED_SALT, TICKET_COOKIE, issue_ticket
from booking.models import Booking, PartOfDay
from pojok import clock


def next_office_day(after: date | None = None) -> date:
    day = (after or clock.today()) + timedelta(days=1)
    while day.weekday() >= 5:
        day += timedelta(days=1)
    return day


def ticket(client, *, seconds_ago: float = 10) -> str:
    """The `started` ticket of the page /daftar/ gave this client's browser `seconds_ago`."""
    known = client.cookies[TICKET_COOKIE].value if TICKET_COOKIE in client.cookies else ""
    try:
        tickets = signing.loads(known, salt=STARTED_SALT)
    except signing.BadSignature:
        tickets = []
    signed, cookie = issue_ticket(tickets, clock.now() - timedelta(seconds=seconds_ago))
    client.cookies[TICKET_COOKIE] = cookie
    return signed


def booking_form(client=None, **changes) -> dict:
    """What a person sends from /daftar/, having spent ten seconds on the page the client was given
    (without a client: the form's fields alone, for tests of the form itself)."""
    return {"guest_name": "Rudi Hartono", "origin": "Dinas Pendidikan", "phone": "0812 3456 7890",
            "email": "", "keperluan": "Konsultasi pergeseran anggaran DPA",
            "planned_date": next_office_day().isoformat(), "part_of_day": PartOfDay.MORNING,
            "started": ticket(client) if client is not None else "", "website": "", **changes}


def make_booking(*, code="7Q3XKD", planned_date=None, **changes) -> Booking:
    fields = {"guest_name": "Rudi Hartono", "origin": "Dinas Pendidikan", "phone": "+6281234567890",
              "keperluan": "Konsultasi pergeseran anggaran DPA", "part_of_day": PartOfDay.MORNING,
              "created_on": clock.today(), **changes}
    return Booking.objects.create(code=code, planned_date=planned_date or clock.today(), **fields)
