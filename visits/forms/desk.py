"""The front desk's forms, with the checks that keep bad input out (messages in Indonesian)."""

from datetime import datetime, timedelta

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from pojok import clock
from pojok.validators import REQUIRED, normalize_phone, plain_text

from .. import arrival
from ..models import Instansi

MAX_BACKDATE = timedelta(minutes=60)


class CheckInForm(forms.Form):
    guest_name = forms.CharField(
        label=_("Nama tamu"), max_length=120, error_messages=REQUIRED, validators=[plain_text],
        widget=forms.TextInput(attrs={"autofocus": True, "autocomplete": "off"}),
    )
    origin = forms.CharField(
        label=_("Asal instansi/OPD"), max_length=150, error_messages=REQUIRED, validators=[plain_text],
        widget=forms.TextInput(attrs={"list": "instansi-list", "autocomplete": "off"}),
        help_text=_("Pilih dari daftar atau ketik nama instansi lain."),
    )
    phone = forms.CharField(
        label=_("Nomor telepon"), max_length=25, required=False,
        widget=forms.TextInput(attrs={"inputmode": "tel", "autocomplete": "off"}),
    )
    party_size = forms.IntegerField(
        label=_("Jumlah orang"), min_value=1, max_value=50, initial=1,
        error_messages={"required": _("Wajib diisi."), "invalid": _("Isi dengan angka."),
                        "min_value": _("Paling sedikit 1 orang."), "max_value": _("Paling banyak 50 orang.")},
    )
    keperluan = forms.CharField(
        label=_("Keperluan"), max_length=1000, error_messages=REQUIRED, validators=[plain_text],
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    arrival_time = forms.TimeField(
        label=_("Jam datang"), required=False,
        error_messages={"invalid": _("Tulis jam seperti 09.15.")},
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
        help_text=_("Kosongkan bila tamu baru saja datang."),
    )

    arrival = forms.MultipleChoiceField(
        label=_("Protokol kedatangan"), required=False, widget=forms.CheckboxSelectMultiple,
        choices=lambda: [(str(rule.pk), rule.text) for rule in arrival.active_rules()],  # read when used
        error_messages={"invalid_choice": _("Butir protokol tidak dikenal; muat ulang halaman.")},
        help_text=_("Centang yang sudah dilakukan tamu."),
    )

    def __init__(self, *args, now: datetime | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.now = now or clock.now()

    @property
    def has_arrival_checklist(self) -> bool:
        """Off when the office has no active item (the page then shows no checklist)."""
        return "arrival" in self.fields and bool(list(self.fields["arrival"].choices))

    def arrival_fields(self) -> dict:
        """The checklist as ticked, for Visit.check_in (empty when the checklist is off)."""
        rules = arrival.active_rules()
        return arrival.checklist(rules, self.cleaned_data.get("arrival", [])) if rules else {}

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
            raise ValidationError(_("Jam datang tidak boleh di masa depan."))
        if local_now - arrived > MAX_BACKDATE:
            raise ValidationError(_("Jam datang paling lama 60 menit sebelum sekarang."))
        return arrived

    @staticmethod
    def instansi_names() -> list[str]:
        return list(Instansi.objects.filter(active=True).values_list("name", flat=True))


class CancelForm(forms.Form):
    note = forms.CharField(
        label=_("Alasan pembatalan"), max_length=500, error_messages=REQUIRED, validators=[plain_text]
    )
