"""The public pre-registration form, with its anti-spam checks, and the code box of the front desk."""

import secrets
import uuid
from datetime import datetime, timedelta

from django import forms
from django.conf import settings
from django.core import signing
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from pojok.validators import REQUIRED, plain_text
from visits.forms.desk import CheckInForm

from .models import PartOfDay

STARTED_SALT = "booking.form-started"
TICKET_COOKIE = "pojok_daftar"  # the tickets of the pages this browser was given (signed)
TICKETS_KEPT = 5  # a few tabs open at once
TICKET_NAMESPACE = uuid.UUID("8d5e3c1a-7f39-4a55-9b7e-2f6c0d4e9a11")


class TicketRefused(Exception):
    """The form's `started` ticket does not allow a booking; the message says what happened."""


def browser_tickets(request) -> list[str]:
    try:
        tickets = signing.loads(request.COOKIES.get(TICKET_COOKIE, ""), salt=STARTED_SALT)
    except signing.BadSignature:
        return []
    return [t for t in tickets if isinstance(t, str)] if isinstance(tickets, list) else []


def issue_ticket(known: list[str], now: datetime) -> tuple[str, str]:
    """A ticket for one rendering of the form: (the form's signed `started`, the browser's new cookie).

    The form's value records when the page was given, so a robot posting at once is told apart from a
    person; the cookie ties it to this browser, without writing anything on the server for a GET.
    """
    nonce = secrets.token_urlsafe(16)
    cookie = signing.dumps([*known[-(TICKETS_KEPT - 1):], nonce], salt=STARTED_SALT)
    return signing.dumps({"n": nonce, "t": now.timestamp()}, salt=STARTED_SALT), cookie


def set_ticket_cookie(response, cookie: str) -> None:
    response.set_cookie(TICKET_COOKIE, cookie, max_age=settings.BOOKING_FORM_MINUTES * 60 + 60, httponly=True,
                        secure=settings.SESSION_COOKIE_SECURE, samesite="Lax")


def check_ticket(request, signed: str, now: datetime) -> uuid.UUID:
    """The ticket's key for pojok.idempotency (one booking per ticket), or TicketRefused saying why."""
    try:
        ticket = signing.loads(str(signed or ""), salt=STARTED_SALT)
        nonce, issued = str(ticket["n"]), float(ticket["t"])
    except (signing.BadSignature, TypeError, KeyError, ValueError):
        nonce, issued = "", None
    if issued is None or nonce not in browser_tickets(request):
        raise TicketRefused(_("Halaman formulir ini tidak dibuka di peramban ini, atau sudah diganti dengan "
                              "yang baru. Isian Anda masih ada di bawah: periksa, lalu kirim lagi."))
    seconds = now.timestamp() - issued
    if seconds < settings.BOOKING_MIN_SECONDS:
        raise TicketRefused(_("Formulir terkirim terlalu cepat: %(seconds)s detik setelah halaman dibuka, paling "
                              "cepat %(minimum)s detik. Isian Anda masih ada di bawah: tunggu sebentar, lalu kirim "
                              "lagi.") % {"seconds": max(0, int(seconds)), "minimum": settings.BOOKING_MIN_SECONDS})
    if seconds > settings.BOOKING_FORM_MINUTES * 60:
        raise TicketRefused(_("Halaman ini sudah lebih dari %(minutes)s menit terbuka. Isian Anda masih ada di "
                              "bawah: periksa, lalu kirim lagi.") % {"minutes": settings.BOOKING_FORM_MINUTES})
    return uuid.uuid5(TICKET_NAMESPACE, nonce)


class BookingForm(CheckInForm):
    """Who is coming, when and for what: the desk's check-in fields, less what only the desk fills in."""

    party_size = None
    arrival_time = None
    email = forms.EmailField(
        label=_("Email (tidak wajib)"), required=False, max_length=254,
        error_messages={"invalid": _("Alamat email tidak valid, misalnya nama@lampungselatankab.go.id.")},
        help_text=_("Bila diisi, kode pendaftaran juga dikirim ke email ini."),
    )
    planned_date = forms.DateField(
        label=_("Tanggal rencana datang"), error_messages={**REQUIRED, "invalid": _("Pilih tanggal yang benar.")},
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    part_of_day = forms.ChoiceField(label=_("Waktu"), choices=PartOfDay.choices, widget=forms.RadioSelect,
                                    error_messages={**REQUIRED, "invalid_choice": _("Pilih pagi atau siang.")})
    # Robots fill every field and send at once: a person never sees `website`, and takes a few seconds.
    # The page carries `started`, a ticket made fresh on every rendering (issue_ticket), checked by the
    # view (check_ticket): from this browser, not too fast, not too old, and good for one booking.
    website = forms.CharField(required=False, label=_("Jangan diisi"), widget=forms.TextInput(
        attrs={"autocomplete": "off", "tabindex": "-1"}))

    field_order = ["guest_name", "origin", "phone", "email", "keperluan", "planned_date", "part_of_day"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["phone"].required = True
        self.fields["phone"].error_messages = REQUIRED
        self.fields["phone"].help_text = _("Untuk menghubungi Anda bila jadwal berubah.")
        self.fields["guest_name"].widget.attrs.pop("autofocus", None)
        self.fields["keperluan"].help_text = _("Tulis singkat, misalnya: konsultasi pergeseran anggaran DPA.")
        self.initial.setdefault("planned_date", timezone.localdate(self.now))

    def clean_planned_date(self):
        planned = self.cleaned_data["planned_date"]
        today = timezone.localdate(self.now)
        last = today + timedelta(days=settings.BOOKING_DAYS_AHEAD)
        if planned < today:
            raise forms.ValidationError(_("Tanggal rencana datang tidak boleh lewat dari hari ini."))
        if planned > last:
            raise forms.ValidationError(_("Pendaftaran paling jauh untuk %(day)s.") % {"day": date_format(last,
                                                                                                          "j F Y")})
        if planned.weekday() >= 5:
            raise forms.ValidationError(_("Kantor tutup pada hari Sabtu dan Minggu. Pilih hari kerja."))
        return planned

    def clean(self):
        cleaned = super().clean()
        if self.data.get("website"):  # the field is hidden: say so where the person can read it
            raise forms.ValidationError(_("Kolom tersembunyi “Jangan diisi” terisi, biasanya oleh pengisi "
                                        "otomatis peramban. Kosongkan isian otomatis, lalu kirim lagi."))
        return cleaned


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Kode pendaftaran"), max_length=40, error_messages=REQUIRED, validators=[plain_text],
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters",
                                      "placeholder": "PK-XXXXXX", "spellcheck": "false"}),
    )
