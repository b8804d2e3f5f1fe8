"""The admin's "try phrases" form: phrases to test, and optionally new keywords for one topic."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Topic

MAX_PHRASES = 50


class TryPhrasesForm(forms.Form):
    phrases = forms.CharField(
        label=_("Frasa keperluan (satu per baris)"), max_length=20000,
        widget=forms.Textarea(attrs={"rows": 8, "placeholder": "Konsultasi SPP-UP\nlap keu semester 1\nrevisi DPA"}),
        error_messages={"required": _("Tulis paling sedikit satu frasa.")},
    )
    topic = forms.ModelChoiceField(
        label=_("Topik yang akan diubah (opsional)"), required=False,
        queryset=Topic.objects.select_related("bidang"), empty_label=_("— tidak ada perubahan —"),
    )
    keywords = forms.CharField(
        label=_("Kata kunci usulan untuk topik itu"), required=False, max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Belum disimpan: hanya untuk dibandingkan dengan aturan saat ini."),
    )

    def clean_phrases(self):
        lines = [line.strip() for line in self.cleaned_data["phrases"].splitlines() if line.strip()]
        if not lines:
            raise forms.ValidationError(_("Tulis paling sedikit satu frasa."))
        if len(lines) > MAX_PHRASES:
            raise forms.ValidationError(_("Paling banyak %(count)s frasa sekali coba.") % {"count": MAX_PHRASES})
        return lines

    def clean(self):
        data = super().clean()
        if data.get("keywords", "").strip() and not data.get("topic"):
            self.add_error("topic", _("Pilih topik yang kata kuncinya akan diubah."))
        return data
