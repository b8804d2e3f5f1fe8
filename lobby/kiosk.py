"""The guest's own check-in at a paired kiosk, safe to retry.

The kiosk page carries a key made when the form was shown; a POST repeated after a lost
connection (or a double tap) sends the same key and gets the same visit, never a second one. The
key is kept the way every form's is (pojok.idempotency), in the kiosk's own scope.
"""

from django import forms
from django.utils.translation import gettext_lazy as _

from booking import bookings
from pojok.idempotency import once
from pojok.validators import REQUIRED, plain_text
from visits.forms.desk import CheckInForm
from visits.models import Visit

from .models import Device


class KioskForm(CheckInForm):
    """The desk's check-in form, less what only the petugas fills in."""

    phone = None
    party_size = None
    arrival_time = None
    key = forms.UUIDField(widget=forms.HiddenInput, error_messages=dict.fromkeys(
        ["required", "invalid"], _("Muat ulang halaman.")))
    code = forms.CharField(
        label=_("Kode pendaftaran"), required=False, max_length=40, validators=[plain_text],
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters",
                                      "spellcheck": "false", "placeholder": "PK-XXXXXX"}),
        help_text=_("Bila Anda sudah mendaftar sebelumnya, cukup isi kode ini."))

    field_order = ["key", "code", "guest_name", "origin", "keperluan", "arrival"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in GUEST_FIELDS:  # not needed with a booking code; clean() asks for them otherwise
            self.fields[name].required = False
        self.fields["guest_name"].widget.attrs.pop("autofocus", None)

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("code"):
            for name in GUEST_FIELDS:
                if not cleaned.get(name) and name not in self.errors:
                    self.add_error(name, REQUIRED["required"])
        return cleaned


GUEST_FIELDS = ("guest_name", "origin", "keperluan")


class KioskRefused(Exception):
    """The kiosk cannot check guests in; the message is for the guest."""


def check_in_at_kiosk(*, device: Device, key, code="", at=None, arrival=None, **guest) -> Visit:
    """The visit for this key: made once, found again on a retry. With a booking code, the guest's
    details come from their pre-registration; without, `guest` holds guest_name, origin, keperluan.
    `arrival`: the arrival checklist the guest ticked."""
    def check_in(**details):
        return Visit.check_in_by_guest(kiosk_name=device.name, at=at, arrival=arrival, **details)

    def work() -> str:
        visit = bookings.arrive(code=code, check_in=check_in, at=at) if code else check_in(**guest)
        return str(visit.pk)

    try:
        visit_pk, _ = once(key, scope=f"kiosk:{device.pk}", work=work)
    except bookings.BookingRefused as refusal:
        raise KioskRefused(str(refusal)) from None
    return Visit.objects.get(pk=visit_pk)
