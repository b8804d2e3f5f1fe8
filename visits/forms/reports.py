"""The SOP report's filters (django-filter): period, Bidang, topic, officer, origin and channel, carried in the URL
so that a report can be bookmarked and shared."""

from datetime import date

import django_filters
from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from pojok import clock
from pojok.periods import MONTH, PERIOD_CHOICES, RANGE, THIS_MONTH, Period
from routing.models import Bidang, Topic

from ..models import Channel, Visit
from ..reports import Scope

LONGEST_RANGE_DAYS = 3 * 366  # a report of a few years at most: the page lists every day


class MonthField(forms.CharField):
    """A month written YYYY-MM (what <input type="month"> sends), cleaned to its first day."""

    widget = forms.TextInput(attrs={"type": "month", "placeholder": "2026-11"})

    def to_python(self, value):
        value = super().to_python(value)
        if not value:
            return None
        try:
            year, month = (int(part) for part in value.split("-"))
            return date(year, month, 1)
        except (TypeError, ValueError):
            raise forms.ValidationError(_("Tulis bulan dengan format TTTT-BB, misalnya 2026-11.")) from None


class ReportFilterForm(forms.Form):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            is_select = isinstance(field.widget, forms.Select)
            field.widget.attrs["class"] = ("form-select form-select-sm" if is_select
                                           else "form-control form-control-sm")

    def clean(self):
        data = super().clean()
        period = data.get("periode") or THIS_MONTH
        if period == MONTH and not data.get("bulan") and "bulan" not in self.errors:
            self.add_error("bulan", _("Pilih bulan yang dilaporkan."))
        if period == RANGE:
            self._check_range(data)
        return data

    def _check_range(self, data):
        start, end = data.get("dari"), data.get("sampai")
        if start is None and "dari" not in self.errors:
            self.add_error("dari", _("Isi tanggal awal."))
        if end is None and "sampai" not in self.errors:
            self.add_error("sampai", _("Isi tanggal akhir."))
        if start and end and end < start:
            self.add_error("sampai", _("Tanggal akhir tidak boleh sebelum tanggal awal."))
        elif start and end and (end - start).days >= LONGEST_RANGE_DAYS:
            self.add_error("sampai", _("Rentang paling panjang tiga tahun."))


def _officers():
    # Every active user: anyone who recorded a step (a piket stands in without a role of their own),
    # and an office of a few dozen people makes a short list.
    return get_user_model().objects.filter(is_active=True).order_by("first_name", "last_name", "username")


class PlainChoiceIterator(forms.models.ModelChoiceIterator):
    """The few choices (Bidang, topics, officers) read with one plain query.

    Django reads them through .iterator(), a server-side cursor on PostgreSQL: three round trips for
    a list of ten rows, on every report page.
    """

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        for obj in self.queryset:
            yield self.choice(obj)

    def __len__(self):
        # the same rows as __iter__, from the queryset's cache: no COUNT query beside them
        return len(self.queryset) + (self.field.empty_label is not None)


class ChoiceField(forms.ModelChoiceField):
    iterator = PlainChoiceIterator


class OfficerChoiceField(ChoiceField):
    def label_from_instance(self, obj):
        return obj.display_name


class MonthFilter(django_filters.Filter):
    field_class = MonthField


class ModelFilter(django_filters.ModelChoiceFilter):
    field_class = ChoiceField


class OfficerFilter(django_filters.ModelChoiceFilter):
    field_class = OfficerChoiceField


class ReportFilter(django_filters.FilterSet):
    """The visits a report covers; `scope()` hands the same choice to the step queries."""

    periode = django_filters.ChoiceFilter(label=_("Periode"), choices=PERIOD_CHOICES,
                                          empty_label=None)
    bulan = MonthFilter(label=_("Bulan"))
    dari = django_filters.DateFilter(label=_("Dari tanggal"),
                                     widget=forms.DateInput(attrs={"type": "date"}))
    sampai = django_filters.DateFilter(label=_("Sampai tanggal"),
                                       widget=forms.DateInput(attrs={"type": "date"}))
    bidang = ModelFilter(label=_("Bidang"), queryset=Bidang.objects.all(), to_field_name="code",
                         empty_label=_("Semua Bidang"))
    topik = ModelFilter(label=_("Topik"), field_name="topic", queryset=Topic.objects.all(),
                        empty_label=_("Semua topik"))
    petugas = OfficerFilter(label=_("Petugas yang mencatat"), queryset=_officers(),
                            empty_label=_("Semua petugas"))
    asal = django_filters.CharFilter(label=_("Asal instansi memuat"), field_name="origin",
                                     lookup_expr="icontains",
                                     max_length=150)
    kanal = django_filters.ChoiceFilter(label=_("Kanal"), field_name="channel", choices=Channel.choices,
                                        empty_label=_("Semua kanal"))

    class Meta:
        model = Visit
        form = ReportFilterForm
        fields = []

    def __init__(self, data=None, *args, today: date | None = None, **kwargs):
        data = data.copy() if data is not None else {}
        data.setdefault("periode", THIS_MONTH)
        self.today = today or clock.today()
        super().__init__(data, *args, **kwargs)

    def filter_queryset(self, queryset):
        # The period is one choice spread over four fields, and the officer filter reaches into the
        # steps: the Scope applies them all, the same way for the visit and the step queries.
        return self.scope().visits()

    def scope(self) -> Scope:
        """The report's scope from the valid form (call is_valid() first)."""
        data = self.form.cleaned_data
        period = Period.named(data.get("periode") or THIS_MONTH, today=self.today, month=data.get("bulan"),
                              start=data.get("dari"), end=data.get("sampai"))
        return Scope(period=period, bidang=data.get("bidang"), topic=data.get("topik"),
                     officer=data.get("petugas"), origin=(data.get("asal") or "").strip(),
                     channel=data.get("kanal") or "")
