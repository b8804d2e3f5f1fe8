"""The front desk's forms, with the checks that keep bad input out (messages in Indonesian)."""

import re
from datetime import datetime, timedelta

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone

from pojok import clock

from .models import Instansi

MAX_BACKDATE = timedelta(minutes=60)
REQUIRED = {"required": "Wajib diisi."}

_MARKUP = re.compile(r"<\s*[a-zA-Z/!?]|[<>]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_PHONE_CHARS = re.compile(r"^\+?[0-9 ()\-.]+$")


def readable_text(value: str) -> str:
    """Notes may hold any words and signs (they are shown escaped), but not unreadable characters."""
    if _CONTROL.search(value):
        raise ValidationError("Berisi karakter yang tidak dapat dibaca.")
    return value


def plain_text(value: str) -> str:
    """Refuse markup and control characters: names and needs are plain text."""
    if _MARKUP.search(value):
        raise ValidationError("Tidak boleh berisi tanda < atau > (kode HTML atau skrip).")
    return readable_text(value)


def normalize_phone(raw: str) -> str:
    """Indonesian numbers in one form: +62 followed by the number without its leading 0."""
    if not _PHONE_CHARS.match(raw):
        raise ValidationError("Nomor telepon hanya boleh berisi angka, spasi, tanda -, dan + di depan.")
    digits = re.sub(r"\D", "", raw)
    if raw.strip().startswith("+") and not digits.startswith("62"):
        raise ValidationError("Hanya nomor Indonesia (+62) yang dapat dicatat.")
    if digits.startswith("62"):
        national = digits[2:]
    elif digits.startswith("0"):
        national = digits[1:]
    else:
        raise ValidationError("Nomor telepon diawali 0 atau +62, misalnya 0812 3456 7890.")
    if not 8 <= len(national) <= 13 or national.startswith("0"):
        raise ValidationError("Nomor telepon tidak lengkap atau terlalu panjang.")
    return "+62" + national


class CheckInForm(forms.Form):
    guest_name = forms.CharField(
        label="Nama tamu", max_length=120, error_messages=REQUIRED, validators=[plain_text],
        widget=forms.TextInput(attrs={"autofocus": True, "autocomplete": "off"}),
    )
    origin = forms.CharField(
        label="Asal instansi/OPD", max_length=150, error_messages=REQUIRED, validators=[plain_text],
        widget=forms.TextInput(attrs={"list": "instansi-list", "autocomplete": "off"}),
        help_text="Pilih dari daftar atau ketik nama instansi lain.",
    )
    phone = forms.CharField(
        label="Nomor telepon", max_length=25, required=False,
        widget=forms.TextInput(attrs={"inputmode": "tel", "autocomplete": "off"}),
    )
    party_size = forms.IntegerField(
        label="Jumlah orang", min_value=1, max_value=50, initial=1,
        error_messages={"required": "Wajib diisi.", "invalid": "Isi dengan angka.",
                        "min_value": "Paling sedikit 1 orang.", "max_value": "Paling banyak 50 orang."},
    )
    keperluan = forms.CharField(
        label="Keperluan", max_length=1000, error_messages=REQUIRED, validators=[plain_text],
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    arrival_time = forms.TimeField(
        label="Jam datang", required=False,
        error_messages={"invalid": "Tulis jam seperti 09.15."},
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
        help_text="Kosongkan bila tamu baru saja datang.",
    )

    def __init__(self, *args, now: datetime | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.now = now or clock.now()

    def clean_phone(self) -> str:
        phone = self.cleaned_data["phone"].strip()
        return normalize_phone(phone) if phone else ""

    def clean_arrival_time(self) -> datetime:
        chosen = self.cleaned_data["arrival_time"]
        local_now = timezone.localtime(self.now)
        if chosen is None:
            return self.now
        arrived = local_now.replace(hour=chosen.hour, minute=chosen.minute, second=0, microsecond=0)
        if arrived > local_now:
            raise ValidationError("Jam datang tidak boleh di masa depan.")
        if local_now - arrived > MAX_BACKDATE:
            raise ValidationError("Jam datang paling lama 60 menit sebelum sekarang.")
        return arrived

    @staticmethod
    def instansi_names() -> list[str]:
        return list(Instansi.objects.filter(active=True).values_list("name", flat=True))


class CancelForm(forms.Form):
    note = forms.CharField(
        label="Alasan pembatalan", max_length=500, error_messages=REQUIRED, validators=[plain_text]
    )
