"""The admin's search for one guest, and the confirmation an erasure needs."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from pojok.validators import normalize_phone, plain_text

from .guests import Guest


class GuestSearchForm(forms.Form):
    name = forms.CharField(label=_("Nama tamu"), max_length=120, required=False, validators=[plain_text],
                           help_text=_("Nama lengkap seperti tercatat (huruf besar/kecil tidak berpengaruh)."))
    phone = forms.CharField(label=_("Nomor telepon"), max_length=25, required=False,
                            widget=forms.TextInput(attrs={"inputmode": "tel"}))
    email = forms.EmailField(label=_("Email"), required=False,
                             error_messages={"invalid": _("Tulis alamat email yang benar.")},
                             help_text=_("Untuk data pendaftaran sebelum datang, bila ada."))

    def clean_name(self) -> str:
        return " ".join(self.cleaned_data["name"].split())

    def clean_phone(self) -> str:
        phone = self.cleaned_data["phone"].strip()
        return normalize_phone(phone) if phone else ""

    def clean(self):
        cleaned = super().clean()
        if not self.errors and not any(cleaned.get(key) for key in ("name", "phone", "email")):
            raise ValidationError(_("Isi nama, nomor telepon, atau email tamu."))
        return cleaned

    def guest(self) -> Guest:
        return Guest(name=self.cleaned_data["name"], phone=self.cleaned_data["phone"],
                     email=self.cleaned_data["email"].strip())


class EraseForm(forms.Form):
    confirm = forms.BooleanField(
        label=_("Saya sudah memastikan identitas tamu dan menghapus data pribadi baris yang dipilih."),
        error_messages={"required": _("Centang konfirmasi untuk menghapus.")},
    )
