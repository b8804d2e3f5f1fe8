"""The Kasubbag Umum's forms: routing one guest (step 4), naming a petugas piket, the report's period."""

from datetime import timedelta

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from pojok import clock
from pojok.periods import Period
from pojok.roles import CONSULT_PERM, FRONT_DESK_PERM
from routing.models import Bidang, Topic

REPORT_DAYS = 30


class BidangOptionSelect(forms.Select):
    """Options carry their Bidang (data-bidang) so the page can narrow topics and staff to the chosen one."""

    def create_option(self, name, value, label, selected, index, subindex=None, attrs=None):
        option = super().create_option(name, value, label, selected, index, subindex, attrs)
        instance = getattr(value, "instance", None)
        if instance is not None:
            option["attrs"]["data-bidang"] = str(instance.bidang_id)
        return option


class StaffChoiceField(forms.ModelChoiceField):
    statuses: dict = {}  # {user id: presence Status} of the day, when the screen knows it

    def label_from_instance(self, user):
        jabatan = user.get_jabatan_display()
        label = f"{user.display_name} ({jabatan})" if jabatan else user.display_name
        status = self.statuses.get(user.pk)
        return f"{label} \u00b7 {status.label}" if status is not None else label


class RouteForm(forms.Form):
    keperluan = forms.CharField(
        label=_("Keperluan tamu"), max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3, "data-suggest-input": ""}),
        error_messages={"required": _("Keperluan tamu wajib diisi.")},
    )
    bidang = forms.ModelChoiceField(
        label=_("Bidang tujuan"), queryset=Bidang.objects.filter(active=True),
        empty_label=_("— pilih Bidang —"),
        widget=forms.Select(attrs={"data-route-bidang": ""}),
        error_messages={"required": _("Pilih Bidang tujuan."), "invalid_choice": _("Bidang tidak dikenal.")},
    )
    topic = forms.ModelChoiceField(
        label=_("Topik"), required=False, queryset=Topic.objects.filter(active=True).select_related("bidang"),
        empty_label=_("— tanpa topik —"), widget=BidangOptionSelect(attrs={"data-by-bidang": ""}),
        error_messages={"invalid_choice": _("Topik tidak dikenal.")},
    )
    assigned_to = StaffChoiceField(
        label=_("Staf yang dituju (opsional)"), required=False, queryset=get_user_model().objects.none(),
        empty_label=_("— siapa saja di Bidang itu —"),
        widget=BidangOptionSelect(attrs={"data-by-bidang": ""}),
        error_messages={"invalid_choice": _("Staf tidak dikenal.")},
    )
    override_reason = forms.CharField(
        label=_("Alasan memilih selain usulan"), required=False, max_length=300,
        widget=forms.TextInput(attrs={"data-override-reason": "",
                                      "placeholder": _("mis. tamu menjelaskan urusannya aset")}),
    )

    def __init__(self, *args, presence=None, **kwargs):
        super().__init__(*args, **kwargs)
        statuses = {person.pk: person.presence
                    for group in (presence or {}).values() for person in group["people"]}
        self.fields["assigned_to"].statuses = statuses
        self.fields["assigned_to"].queryset = (
            get_user_model().objects.with_perm(CONSULT_PERM, is_active=True, include_superusers=False)
            .filter(bidang__isnull=False).order_by("bidang__order", "first_name", "last_name")
        )


class PiketForm(forms.Form):
    user = forms.ModelChoiceField(
        label=_("Petugas piket"), queryset=get_user_model().objects.none(),
        empty_label=_("— pilih petugas —"),
        error_messages={"required": _("Pilih petugas."), "invalid_choice": _("Petugas tidak dikenal.")},
    )
    day = forms.DateField(
        label=_("Tanggal"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"required": _("Isi tanggal piket."), "invalid": _("Tanggal tidak valid.")},
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("initial", {"day": clock.today()})
        super().__init__(*args, **kwargs)
        self.fields["user"].queryset = (
            get_user_model().objects.with_perm(FRONT_DESK_PERM, is_active=True, include_superusers=False)
            .order_by("first_name", "last_name")
        )
        self.fields["user"].label_from_instance = lambda user: user.display_name


class PeriodForm(forms.Form):
    """The report's period; bad dates fall back to the last 30 days, with the errors shown."""

    dari = forms.DateField(label=_("Dari"), required=False,
                           widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))
    sampai = forms.DateField(label=_("Sampai"), required=False,
                             widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))

    def period(self) -> Period:
        today = clock.today()
        data = self.cleaned_data if self.is_valid() else {}
        end = data.get("sampai") or today
        start = data.get("dari") or end - timedelta(days=REPORT_DAYS - 1)
        if start > end or start.year < 2000 or end.year > 2100:
            self.add_error(
                "dari", _("Periode tidak valid: tanggal awal harus sebelum tanggal akhir (tahun 2000–2100).")
            )
            return Period.last_days(REPORT_DAYS, today=today)
        return Period(start, end)
