"""The presence screen's forms: the day, the arrangement for everyone or one Bidang, one person's day."""

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from pojok import clock
from routing.models import Bidang

from .models import Status

STATUS_ERRORS = {"required": _("Pilih kehadiran."), "invalid_choice": _("Kehadiran tidak dikenal.")}


class DayForm(forms.Form):
    tanggal = forms.DateField(label=_("Tanggal"), required=False,
                              widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
                              error_messages={"invalid": _("Tulis tanggal seperti 2026-11-23.")})

    def day(self):
        return (self.cleaned_data.get("tanggal") if self.is_valid() else None) or clock.today()


class ArrangeForm(forms.Form):
    day = forms.DateField(label=_("Tanggal"), widget=forms.HiddenInput,
                          error_messages={"required": _("Tanggal wajib diisi."), "invalid": _("Tanggal tidak valid.")})
    status = forms.ChoiceField(label=_("Kehadiran"), choices=Status.choices, error_messages=STATUS_ERRORS)
    bidang = forms.ModelChoiceField(label=_("Untuk"), queryset=Bidang.objects.filter(active=True), required=False,
                                    empty_label=_("Semua pegawai Bidang"),
                                    error_messages={"invalid_choice": _("Bidang tidak dikenal.")})


class PersonForm(forms.Form):
    day = forms.DateField(label=_("Tanggal"), widget=forms.HiddenInput,
                          error_messages={"required": _("Tanggal wajib diisi."), "invalid": _("Tanggal tidak valid.")})
    user = forms.ModelChoiceField(label=_("Pegawai"), queryset=get_user_model().objects.filter(is_active=True),
                                  widget=forms.HiddenInput,
                                  error_messages={"required": _("Pilih pegawai."),
                                                  "invalid_choice": _("Pegawai tidak dikenal.")})
    status = forms.ChoiceField(label=_("Kehadiran"), choices=Status.choices, error_messages=STATUS_ERRORS)


class MineForm(forms.Form):
    status = forms.ChoiceField(label=_("Kehadiran saya hari ini"), choices=Status.choices, error_messages=STATUS_ERRORS)
