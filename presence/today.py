"""The day's arrangement as the other screens read it (triage, the Bidang inbox), and the two ways it is
set: for everyone or one Bidang at once, and per person (an exception, or staff marking themselves)."""

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from pojok import clock
from pojok.roles import CONSULT_PERM

from . import policy
from .models import IN_OFFICE, Presence, Status


def office_staff(bidang=None):
    """The people of the Bidangs (active staff), by Bidang then name: whose day is arranged."""
    people = (get_user_model().objects.with_perm(CONSULT_PERM, is_active=True, include_superusers=False)
              .filter(bidang__isnull=False).select_related("bidang"))
    if bidang is not None:
        people = people.filter(bidang=bidang)
    return people.order_by("bidang__order", "first_name", "last_name", "username")


def status_of(user_ids, day=None) -> dict:
    """{user id: Status} for the day; WFO for whoever has no row (one query)."""
    day = day or clock.today()
    recorded = dict(Presence.objects.filter(day=day, user_id__in=list(user_ids)).values_list("user_id", "status"))
    return {pk: Status(recorded.get(pk, IN_OFFICE)) for pk in user_ids}


def with_status(people, day=None) -> list:
    """The people, each with `.presence` (a Status) and `.in_office` set for the day."""
    people = list(people)
    statuses = status_of([person.pk for person in people], day)
    for person in people:
        person.presence = statuses[person.pk]
        person.in_office = person.presence == IN_OFFICE
    return people


def set_status(*, user, status, by, day=None, at=None) -> Presence:
    day = day or clock.today()
    if not (policy.can_arrange(by) or (by.pk == user.pk and policy.can_mark_self(by))):
        raise PermissionDenied(_("Anda tidak berwenang mengatur kehadiran pegawai ini."))
    presence, _created = Presence.objects.update_or_create(
        day=day, user=user, defaults={"status": Status(status), "set_by": by, "set_at": at or clock.now()})
    return presence


def arrange(*, day, status, by, bidang=None, at=None) -> int:
    """Everyone (or one Bidang's staff) gets `status` for the day; exceptions are then set per person."""
    if not policy.can_arrange(by):
        raise PermissionDenied(_("Anda tidak berwenang mengatur kehadiran."))
    at = at or clock.now()
    rows = [Presence(day=day, user=person, status=Status(status), set_by=by, set_at=at)
            for person in office_staff(bidang)]
    # One statement for the whole office: rows already there for the day are updated in place.
    Presence.objects.bulk_create(rows, update_conflicts=True, unique_fields=["day", "user"],
                                 update_fields=["status", "set_by", "set_at"])
    return len(rows)
