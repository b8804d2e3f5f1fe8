"""The guest's questionnaire (built from the unsur rows), the IKM report's filters, and the rencana
tindak lanjut pimpinan write on it."""

from datetime import date

from django import forms
from django.utils.translation import gettext_lazy as _

from pojok import clock
from pojok.periods import Period
from routing.models import Bidang, Topic
from visits.models import Channel
from visits.reports import Scope

from .models import AgeGroup, Education, FollowUpPlan, Occupation, PlanStatus, Sex, Unsur


def _optional(choices, label):
    return forms.ChoiceField(label=label, choices=[("", _("Tidak ingin menyebutkan")), *choices.choices],
                             required=False, widget=forms.RadioSelect)


class SurveyForm(forms.Form):
    """Nine required 1–4 answers (u1 … u9), the optional profile, and a suggestion or complaint."""

    sex = _optional(Sex, _("Jenis kelamin"))
    age_group = _optional(AgeGroup, _("Usia"))
    education = _optional(Education, _("Pendidikan terakhir"))
    occupation = _optional(Occupation, _("Pekerjaan"))
    suggestion = forms.CharField(
        label=_("Saran atau pengaduan (boleh dikosongkan)"), required=False, max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    is_complaint = forms.BooleanField(label=_("Ini adalah pengaduan (mohon ditindaklanjuti)"), required=False)

    PROFILE_FIELDS = ("sex", "age_group", "education", "occupation")

    def __init__(self, *args, unsur: list[Unsur], **kwargs):
        super().__init__(*args, **kwargs)
        self.unsur = unsur
        for item in unsur:
            self.fields[f"u{item.number}"] = forms.TypedChoiceField(
                label=item.question, choices=item.answers, coerce=int, widget=forms.RadioSelect,
                error_messages={"required": _("Mohon pilih salah satu jawaban."),
                                "invalid_choice": _("Pilih salah satu dari empat jawaban.")},
            )

    def clean(self):
        data = super().clean()
        if data.get("is_complaint") and not (data.get("suggestion") or "").strip():
            self.add_error("suggestion", _("Tuliskan pengaduan Anda agar dapat ditindaklanjuti."))
        return data

    def question_fields(self):
        return [(item, self[f"u{item.number}"]) for item in self.unsur]

    def profile_fields(self):
        return [self[name] for name in self.PROFILE_FIELDS]

    @property
    def answers(self) -> dict[int, int]:
        return {item.number: self.cleaned_data[f"u{item.number}"] for item in self.unsur}

    @property
    def profile(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.PROFILE_FIELDS}


class CodeForm(forms.Form):
    """The code printed on the slip, for a guest who types it instead of scanning the QR code."""

    kode = forms.CharField(label=_("Kode survei"), max_length=20, min_length=4)

    def clean_kode(self):
        return "".join(ch for ch in self.cleaned_data["kode"].lower() if ch.isalnum())


class ReportFilterForm(forms.Form):
    dari = forms.DateField(label=_("Dari tanggal"), required=False)
    sampai = forms.DateField(label=_("Sampai tanggal"), required=False)
    bidang = forms.ModelChoiceField(label=_("Bidang"), queryset=Bidang.objects.all(), required=False,
                                    empty_label=_("Semua Bidang"))
    topik = forms.ModelChoiceField(label=_("Topik"), queryset=Topic.objects.select_related("bidang"),
                                   required=False, empty_label=_("Semua topik"))
    kanal = forms.ChoiceField(label=_("Kanal"), choices=[("", _("Semua kanal")), *Channel.choices], required=False,
                              error_messages={"invalid_choice": _("Kanal tidak dikenal.")})

    @staticmethod
    def default_period() -> tuple[date, date]:
        """This year so far: SKM results are published per year (or per semester, by choosing dates)."""
        today = clock.today()
        return today.replace(month=1, day=1), today

    def clean(self):
        data = super().clean()
        start, end = data.get("dari"), data.get("sampai")
        if start and end and end < start:
            self.add_error("sampai", _("Tanggal akhir tidak boleh sebelum tanggal awal."))
        return data

    def scope(self) -> Scope:
        """The chosen period and filters; a field with an error falls back to its default."""
        start, end = self.default_period()
        self.is_valid()
        data = self.cleaned_data  # holds only the fields without an error
        period = Period(data.get("dari") or start, data.get("sampai") or end)
        return Scope(period=period, bidang=data.get("bidang"), topic=data.get("topik"),
                     channel=data.get("kanal") or "")


class FollowUpPlanForm(forms.ModelForm):
    """A plan for the period of the report it is written on (`dari`/`sampai`, as the report's filter)."""

    dari = forms.DateField(widget=forms.HiddenInput)
    sampai = forms.DateField(widget=forms.HiddenInput)

    class Meta:
        model = FollowUpPlan
        fields = ["unsur", "action", "due", "responsible"]
        widgets = {
            "action": forms.Textarea(attrs={"rows": 2, "maxlength": 1000}),
            "due": forms.DateInput(attrs={"type": "date"}),
        }
        labels = {"action": _("Rencana tindak lanjut"), "due": _("Waktu pelaksanaan (target)")}
        error_messages = {
            "action": {"required": _("Tuliskan rencana tindak lanjutnya.")},
            "responsible": {"required": _("Sebutkan penanggung jawabnya.")},
            "due": {"required": _("Isi waktu pelaksanaan."), "invalid": _("Tanggal tidak dikenali.")},
            "unsur": {"required": _("Pilih unsur yang ditindaklanjuti."),
                      "invalid_choice": _("Unsur tidak dikenal.")},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unsur"].empty_label = None
        for name in ("action", "responsible"):
            self.fields[name].strip = True

    def clean(self):
        data = super().clean()
        start, end, due = data.get("dari"), data.get("sampai"), data.get("due")
        if start is None or end is None or end < start:
            raise forms.ValidationError(_("Periode survei tidak valid: buka lagi laporan IKM periodenya."))
        if due and due < start:
            self.add_error("due", _("Waktu pelaksanaan tidak boleh sebelum awal periode survei."))
        return data

    @property
    def period(self) -> Period:
        return Period(self.cleaned_data["dari"], self.cleaned_data["sampai"])


class PlanStatusForm(forms.Form):
    """What became of a plan; `dari`/`sampai` name the report to go back to (the plan's own by default)."""

    status = forms.ChoiceField(label=_("Status"), choices=PlanStatus.choices, error_messages={
        "required": _("Pilih statusnya."), "invalid_choice": _("Status tidak dikenal.")})
    note = forms.CharField(label=_("Keterangan"), max_length=500, required=False,
                           error_messages={"max_length": _("Keterangan paling banyak 500 karakter.")})
    dari = forms.DateField(required=False, widget=forms.HiddenInput)
    sampai = forms.DateField(required=False, widget=forms.HiddenInput)
