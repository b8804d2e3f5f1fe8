"""The guest's own check-in at a paired kiosk, safe to retry.

The kiosk page carries a key made when the form was shown; a POST repeated after a lost
connection (or a double tap) sends the same key and gets the same visit, never a second one.
"""

from django import forms
from django.db import IntegrityError, transaction

from visits.forms import CheckInForm
from visits.models import Visit

from .models import Device, KioskCheckIn


class KioskForm(CheckInForm):
    """The desk's check-in form, less what only the petugas fills in."""

    phone = None
    party_size = None
    arrival_time = None
    key = forms.UUIDField(widget=forms.HiddenInput, error_messages=dict.fromkeys(
        ["required", "invalid"], "Muat ulang halaman."))


class KioskRefused(Exception):
    """The kiosk cannot check guests in; the message is for the guest."""


def check_in_at_kiosk(*, device: Device, key, guest_name, origin, keperluan, at=None) -> Visit:
    """The visit for this key: made once, found again on a retry."""
    earlier = KioskCheckIn.objects.filter(key=key).select_related("visit").first()
    if earlier is not None:
        return earlier.visit
    if device.paired_by is None:
        raise KioskRefused("Kios ini belum siap. Silakan lapor ke petugas meja depan.")
    try:
        with transaction.atomic():
            visit = Visit.check_in_by_guest(kiosk_name=device.name, created_by=device.paired_by,
                                            guest_name=guest_name, origin=origin, keperluan=keperluan, at=at)
            KioskCheckIn.objects.create(key=key, device=device, visit=visit, at=visit.created_at)
    except IntegrityError:  # the same key, sent twice at once: the other request made the visit
        return KioskCheckIn.objects.select_related("visit").get(key=key).visit
    return visit
