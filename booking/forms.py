"""The public pre-registration form, with its anti-spam checks, and the code box of the front desk."""

from datetime import timedelta

from django import forms
from django.conf import settings
from django.core import signing
from django.utils import timezone
from django.utils.formats import date_format

from pojok.validators import REQUIRED, plain_text
from visits.forms.desk import CheckInForm

from .models import PartOfDay

STARTED_SALT = "booking.form-started"
STALE_AFTER = timedelta(hours=3)


def started_token(now) -> str:
    return signing.dumps(now.timestamp(), salt=STARTED_SALT)


class BookingForm(CheckInForm):
    """Who is coming, when and for what: the desk's check-in fields, less what only the desk fills in."""

    party_size = None
    arrival_time = None
    email = forms.EmailField(
        label="Email (tidak wajib)", required=False, max_length=254,
        error_messages={"invalid": "Alamat email tidak valid, misalnya nama@lampungselatankab.go.id."},
        help_text="Bila diisi, kode pendaftaran juga dikirim ke email ini.",
    )
    planned_date = forms.DateField(
        label="Tanggal rencana datang", error_messages={**REQUIRED, "invalid": "Pilih tanggal yang benar."},
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    part_of_day = forms.ChoiceField(label="Waktu", choices=PartOfDay.choices, widget=forms.RadioSelect,
                                    error_messages={**REQUIRED, "invalid_choice": "Pilih pagi atau siang."})
    # Robots fill every field and send at once: a person never sees `website`, and takes a few seconds.
    # The page carries `started` (signed, made fresh on every rendering: see started_token).
    website = forms.CharField(required=False, label="Jangan diisi", widget=forms.TextInput(
        attrs={"autocomplete": "off", "tabindex": "-1"}))

    field_order = ["guest_name", "origin", "phone", "email", "keperluan", "planned_date", "part_of_day"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["phone"].required = True
        self.fields["phone"].error_messages = REQUIRED
        self.fields["phone"].help_text = "Untuk menghubungi Anda bila jadwal berubah."
        self.fields["guest_name"].widget.attrs.pop("autofocus", None)
        self.fields["keperluan"].help_text = "Tulis singkat, misalnya: konsultasi pergeseran anggaran DPA."
        self.initial.setdefault("planned_date", timezone.localdate(self.now))

    def clean_planned_date(self):
        planned = self.cleaned_data["planned_date"]
        today = timezone.localdate(self.now)
        last = today + timedelta(days=settings.BOOKING_DAYS_AHEAD)
        if planned < today:
            raise forms.ValidationError("Tanggal rencana datang tidak boleh lewat dari hari ini.")
        if planned > last:
            raise forms.ValidationError(f"Pendaftaran paling jauh untuk {date_format(last, 'j F Y')}.")
        if planned.weekday() >= 5:
            raise forms.ValidationError("Kantor tutup pada hari Sabtu dan Minggu. Pilih hari kerja.")
        return planned

    def clean(self):
        cleaned = super().clean()
        seconds = self._seconds_since_started()
        if self.data.get("website") or seconds is None or seconds < settings.BOOKING_MIN_SECONDS:
            raise forms.ValidationError("Pendaftaran belum dapat diproses. Periksa isian, lalu kirim lagi.")
        if seconds > STALE_AFTER.total_seconds():
            raise forms.ValidationError("Halaman ini sudah terlalu lama terbuka. Periksa isian, lalu kirim lagi.")
        return cleaned

    def _seconds_since_started(self) -> float | None:
        try:
            started = float(signing.loads(str(self.data.get("started", "")), salt=STARTED_SALT))
        except (signing.BadSignature, TypeError, ValueError):
            return None
        return self.now.timestamp() - started


class CodeForm(forms.Form):
    code = forms.CharField(
        label="Kode pendaftaran", max_length=40, error_messages=REQUIRED, validators=[plain_text],
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters",
                                      "placeholder": "PK-XXXXXX", "spellcheck": "false"}),
    )
