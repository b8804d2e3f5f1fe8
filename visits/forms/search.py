"""The consultation history's search form (views/search.py)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from pojok.validators import readable_text
from routing.models import Bidang, Topic

from ..models import Channel, DocumentType


class SearchForm(forms.Form):
    q = forms.CharField(
        label=_("Kata dalam permasalahan/hasil"), max_length=200, required=False, validators=[readable_text]
    )
    tamu = forms.CharField(label=_("Tamu"), max_length=120, required=False, validators=[readable_text])
    asal = forms.CharField(label=_("Asal instansi"), max_length=150, required=False, validators=[readable_text])
    topik = forms.ModelChoiceField(
        label=_("Topik"),
        queryset=Topic.objects.all(),
        required=False,
        empty_label=_("Semua topik"),
        error_messages={"invalid_choice": _("Pilih topik dari daftar.")},
    )
    dokumen = forms.ModelChoiceField(
        label=_("Dokumen"),
        queryset=DocumentType.objects.all(),
        required=False,
        empty_label=_("Semua dokumen"),
        error_messages={"invalid_choice": _("Pilih dokumen dari daftar.")},
    )
    kanal = forms.ChoiceField(
        label=_("Kanal"), required=False, choices=[("", _("Semua kanal")), *Channel.choices],
        error_messages={"invalid_choice": _("Pilih kanal dari daftar.")},
    )
    dari = forms.DateField(
        label=_("Dari tanggal"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"invalid": _("Tulis tanggal seperti 2026-11-01.")},
    )
    sampai = forms.DateField(
        label=_("Sampai tanggal"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"invalid": _("Tulis tanggal seperti 2026-11-30.")},
    )
    bidang = forms.ModelChoiceField(
        label=_("Bidang"),
        queryset=Bidang.objects.all(),
        required=False,
        empty_label=_("Semua Bidang"),
        to_field_name="code",
        error_messages={"invalid_choice": _("Pilih Bidang dari daftar.")},
    )

    def __init__(self, *args, show_bidang: bool, **kwargs):
        super().__init__(*args, **kwargs)
        if not show_bidang:
            self.fields["bidang"].widget = forms.HiddenInput()

    def clean(self):
        data = super().clean()
        if data.get("dari") and data.get("sampai") and data["dari"] > data["sampai"]:
            self.add_error("sampai", _("Tanggal akhir tidak boleh sebelum tanggal awal."))
        return data
