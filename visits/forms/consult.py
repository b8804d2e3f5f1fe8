"""The Bidang's forms: receiving a guest, the consultation record, a transfer.

Bad input gets an Indonesian message next to its field; nothing is saved until the form is valid.
"""

from datetime import timedelta

from django import forms
from django.utils.translation import gettext_lazy as _

from pojok.validators import REQUIRED, readable_text
from routing.models import Bidang

from ..consult import official_label, officials_of
from ..models import DocumentType, Mode

FOLLOW_UP_HORIZON = timedelta(days=366)


class OfficialChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj) -> str:
        return official_label(obj)


class ReceiveForm(forms.Form):
    official = OfficialChoiceField(
        label=_("Diterima oleh"),
        queryset=None,
        empty_label=None,
        error_messages={
            "required": _("Pilih pejabat yang menerima."),
            "invalid_choice": _("Pilih pejabat dari Bidang ini."),
        },
    )

    def __init__(self, *args, bidang_id, officials=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["official"].queryset = officials if officials is not None else officials_of(bidang_id)


class ConsultationForm(forms.Form):
    mode = forms.ChoiceField(
        label=_("Mode konsultasi"),
        required=False,
        widget=forms.RadioSelect,
        choices=Mode.choices,
        error_messages={"invalid_choice": _("Pilih salah satu mode.")},
    )
    problem = forms.CharField(
        label=_("Permasalahan (singkat)"),
        max_length=4000,
        required=False,
        validators=[readable_text],
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    outcome = forms.CharField(
        label=_("Jawaban atau hasil"),
        max_length=4000,
        required=False,
        validators=[readable_text],
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    documents = forms.ModelMultipleChoiceField(
        label=_("Dokumen yang dibahas"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        queryset=DocumentType.objects.filter(active=True),
        error_messages={"invalid_choice": _("Pilih dokumen dari daftar.")},
    )
    other_documents = forms.CharField(
        label=_("Dokumen lain"),
        max_length=250,
        required=False,
        validators=[readable_text],
        help_text=_("Pisahkan dengan koma."),
    )
    follow_up_needed = forms.BooleanField(label=_("Perlu tindak lanjut"), required=False)
    follow_up_due = forms.DateField(
        label=_("Batas tindak lanjut"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"invalid": _("Tulis tanggal seperti 2026-11-30.")},
    )
    follow_up_by = OfficialChoiceField(
        label=_("Yang menindaklanjuti"),
        queryset=None,
        required=False,
        empty_label=_("— pilih —"),
        error_messages={"invalid_choice": _("Pilih pejabat dari Bidang ini.")},
    )

    def __init__(self, *args, visit, closing=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.visit, self.closing = visit, closing
        self.fields["follow_up_by"].queryset = officials_of(visit.bidang_id)

    @classmethod
    def initial_from(cls, consultation) -> dict:
        if consultation is None:
            return {}
        fields = [
            "mode",
            "problem",
            "outcome",
            "other_documents",
            "follow_up_needed",
            "follow_up_due",
            "follow_up_by",
        ]
        return {
            **{name: getattr(consultation, name) for name in fields},
            "documents": list(consultation.documents.all()),
        }

    def clean(self):
        data = super().clean()
        self._clean_follow_up(data)
        if self.closing:
            if not data.get("mode") and "mode" not in self.errors:
                self.add_error("mode", _("Pilih mode konsultasi sebelum menutup."))
            if not (data.get("outcome") or "").strip() and "outcome" not in self.errors:
                self.add_error("outcome", _("Isi jawaban atau hasil konsultasi sebelum menutup."))
        return data

    def _clean_follow_up(self, data) -> None:
        if not data.get("follow_up_needed"):
            data["follow_up_due"], data["follow_up_by"] = None, None
            return
        due = data.get("follow_up_due")
        if due is None and "follow_up_due" not in self.errors:
            self.add_error("follow_up_due", _("Isi batas waktu tindak lanjut."))
        elif due is not None and due < self.visit.day:
            self.add_error("follow_up_due", _("Batas tindak lanjut tidak boleh sebelum tanggal kunjungan."))
        elif due is not None and due > self.visit.day + FOLLOW_UP_HORIZON:
            self.add_error("follow_up_due", _("Batas tindak lanjut paling lama satu tahun."))
        if data.get("follow_up_by") is None and "follow_up_by" not in self.errors:
            self.add_error("follow_up_by", _("Pilih siapa yang menindaklanjuti."))

    def record_fields(self) -> dict:
        """The cleaned record, as record_consultation() takes it."""
        data = dict(self.cleaned_data)
        return {"documents": list(data.pop("documents")), **data}


class TransferForm(forms.Form):
    bidang = forms.ModelChoiceField(
        label=_("Bidang yang lebih tepat"),
        queryset=None,
        empty_label=_("— pilih —"),
        error_messages={
            "required": _("Pilih Bidang tujuan."),
            "invalid_choice": _("Pilih Bidang lain dari daftar."),
        },
    )
    reason = forms.CharField(
        label=_("Alasan"), max_length=400, error_messages=REQUIRED, validators=[readable_text]
    )

    def __init__(self, *args, visit, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["bidang"].queryset = Bidang.objects.filter(active=True).exclude(pk=visit.bidang_id)
