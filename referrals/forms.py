"""The referring officer's form: which office, why, what the guest needs there, when, and consent."""

from django import forms
from django.utils.translation import gettext_lazy as _

from booking.models import PartOfDay
from offices.current import office_id
from offices.models import Office
from pojok import clock
from pojok.validators import REQUIRED, plain_text

from .models import REASON_MAX_LENGTH
from .sending import Request

NEED_MAX_LENGTH = 1000


class ReferralForm(forms.Form):
    to_office = forms.ModelChoiceField(label=_("OPD tujuan"), queryset=Office.objects.none(),
                                       empty_label=_("— pilih OPD —"))
    reason = forms.CharField(label=_("Alasan rujukan"), max_length=REASON_MAX_LENGTH, validators=[plain_text],
                             error_messages=REQUIRED, widget=forms.Textarea(attrs={"rows": 2}),
                             help_text=_("Mengapa keperluan ini ditangani OPD tersebut (dikirim ke OPD tujuan)."))
    need = forms.CharField(label=_("Keperluan tamu di OPD tujuan"), max_length=NEED_MAX_LENGTH,
                           validators=[plain_text], error_messages=REQUIRED, widget=forms.Textarea(attrs={"rows": 3}))
    planned_date = forms.DateField(label=_("Tanggal datang ke OPD tujuan"),
                                   widget=forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"}))
    part_of_day = forms.ChoiceField(label=_("Waktu"), choices=PartOfDay.choices)
    consent = forms.BooleanField(
        label=_("Tamu setuju nama, instansi, nomor telepon dan keperluannya dikirim ke OPD tujuan."),
        error_messages={"required": _("Rujukan hanya dikirim dengan persetujuan tamu: tanyakan dahulu, lalu centang.")})

    def __init__(self, *args, visit, **kwargs):
        today = clock.today()
        initial = {"need": visit.keperluan, "planned_date": today,
                   "part_of_day": PartOfDay.MORNING if clock.local_now().hour < 12 else PartOfDay.AFTERNOON}
        super().__init__(*args, initial=initial, **kwargs)
        self.fields["to_office"].queryset = Office.objects.exclude(pk=office_id()).order_by("name")
        self.today = today
        if visit.is_remote:  # it goes on as a remote request there: no day to come
            del self.fields["planned_date"], self.fields["part_of_day"]

    def clean_planned_date(self):
        day = self.cleaned_data["planned_date"]
        if day < self.today:
            raise forms.ValidationError(_("Tanggal datang ke OPD tujuan tidak boleh sebelum hari ini."))
        return day

    def request(self) -> Request:
        data = self.cleaned_data
        return Request(to_office=data["to_office"], reason=data["reason"], need=data["need"],
                       planned_date=data.get("planned_date"), part_of_day=data.get("part_of_day", ""),
                       consent=data["consent"])
