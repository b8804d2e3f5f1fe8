"""A request by telephone, WhatsApp, video meeting or letter, recorded in seconds by whoever took it."""

from django import forms
from django.utils.translation import gettext_lazy as _

from pojok.validators import REQUIRED, normalize_phone, plain_text

from ..models import REMOTE, Channel


class RemoteRequestForm(forms.Form):
    channel = forms.ChoiceField(
        label=_("Kanal"), choices=[(value, label) for value, label in Channel.choices if value in REMOTE],
        initial=Channel.TELEPON, widget=forms.RadioSelect,
        error_messages={"required": _("Pilih kanal permintaan."), "invalid_choice": _("Kanal tidak dikenal.")},
    )
    guest_name = forms.CharField(label=_("Nama"), max_length=120, error_messages=REQUIRED, validators=[plain_text],
                                 widget=forms.TextInput(attrs={"autofocus": True, "autocomplete": "off"}))
    origin = forms.CharField(label=_("Asal instansi/OPD"), max_length=150, error_messages=REQUIRED,
                             validators=[plain_text],
                             widget=forms.TextInput(attrs={"list": "instansi-list", "autocomplete": "off"}))
    phone = forms.CharField(label=_("Nomor telepon/WhatsApp"), max_length=25, required=False,
                            widget=forms.TextInput(attrs={"inputmode": "tel", "autocomplete": "off"}),
                            help_text=_("Untuk menghubungi kembali, misalnya 0812-3456-7890."))
    keperluan = forms.CharField(label=_("Keperluan"), max_length=1000, error_messages=REQUIRED,
                                validators=[plain_text], widget=forms.Textarea(attrs={"rows": 3}))

    def clean_phone(self) -> str:
        phone = self.cleaned_data["phone"].strip()
        return normalize_phone(phone) if phone else ""
