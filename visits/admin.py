from io import BytesIO

from django import forms
from django.contrib import admin
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from PIL import Image

from pojok.admin_mixins import ReadOnlyAdminMixin, SingletonAdminMixin

from .models import (
    ArrivalRule,
    DocumentType,
    Instansi,
    Letterhead,
    ReportSettings,
    Signer,
    SopStep,
    Visit,
    VisitEvent,
    VisitStep,
)
from .models.letterhead import LOGO_TYPES

LOGO_LIMIT = 1024 * 1024


@admin.register(SopStep)
class SopStepAdmin(admin.ModelAdmin):
    list_display = ["number", "short_name", "performer", "standard_minutes", "wait_standard_minutes"]
    list_editable = ["standard_minutes", "wait_standard_minutes"]
    readonly_fields = ["number"]

    def has_add_permission(self, request):
        return False  # the SOP has six steps; only their texts and standards change

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Instansi)
class InstansiAdmin(admin.ModelAdmin):
    list_display = ["name", "active"]
    list_editable = ["active"]
    search_fields = ["name"]


@admin.register(ArrivalRule)
class ArrivalRuleAdmin(admin.ModelAdmin):
    list_display = ["text", "order", "active"]
    list_editable = ["order", "active"]


@admin.register(DocumentType)
class DocumentTypeAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "order", "active"]
    list_editable = ["order", "active"]
    search_fields = ["code", "name"]


class ReadOnlyInline(admin.TabularInline):
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class VisitStepInline(ReadOnlyInline):
    model = VisitStep
    fields = ["number", "started_at", "ended_at", "ended_by", "result", "standard_minutes", "received_at",
              "received_by", "wait_standard_minutes", "wait_seconds"]


class VisitEventInline(ReadOnlyInline):
    model = VisitEvent
    fields = ["at", "by", "action", "from_state", "to_state", "note"]


@admin.register(Visit)
class VisitAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    """Read-only: a visit changes only through its lifecycle, never by editing fields here."""

    list_display = ["queue_number", "day", "guest_name", "origin", "state", "bidang"]
    list_filter = ["day", "state", "bidang"]
    search_fields = ["guest_name", "origin", "phone"]
    date_hierarchy = "day"
    inlines = [VisitStepInline, VisitEventInline]


@admin.register(ReportSettings)
class ReportSettingsAdmin(SingletonAdminMixin, admin.ModelAdmin):
    list_display = ["__str__", "compliance_threshold"]


class LetterheadForm(forms.ModelForm):
    """The kop surat, with its logo uploaded as a PNG or JPEG file and kept in the database."""

    logo_file = forms.FileField(label=gettext_lazy("Logo (PNG/JPEG, paling besar 1 MB)"), required=False)
    remove_logo = forms.BooleanField(label=gettext_lazy("Hapus logo"), required=False)

    class Meta:
        model = Letterhead
        fields = ["government", "office_name", "address", "city"]

    def clean_logo_file(self):
        upload = self.cleaned_data.get("logo_file")
        if upload is None:
            return None
        if upload.size > LOGO_LIMIT:
            raise forms.ValidationError(_("Logo paling besar 1 MB."))
        content = upload.read()
        try:
            with Image.open(BytesIO(content)) as image:
                image.verify()
                kind = image.format
        except Exception:
            raise forms.ValidationError(_("Berkas ini bukan gambar PNG atau JPEG yang dapat dibaca.")) from None
        if kind not in LOGO_TYPES:
            raise forms.ValidationError(_("Logo harus berupa gambar PNG atau JPEG."))
        return content, LOGO_TYPES[kind]

    def save(self, commit=True):
        letterhead = super().save(commit=False)
        if self.cleaned_data.get("remove_logo"):
            letterhead.logo, letterhead.logo_type = b"", ""
        elif self.cleaned_data.get("logo_file"):
            letterhead.logo, letterhead.logo_type = self.cleaned_data["logo_file"]
        if commit:
            letterhead.save()
        return letterhead


@admin.register(Letterhead)
class LetterheadAdmin(SingletonAdminMixin, admin.ModelAdmin):
    form = LetterheadForm
    list_display = ["__str__", "city", "has_logo"]

    @admin.display(boolean=True, description=gettext_lazy("logo"))
    def has_logo(self, obj) -> bool:
        return bool(obj.logo)


@admin.register(Signer)
class SignerAdmin(admin.ModelAdmin):
    list_display = ["name", "position", "rank", "nip", "is_default", "active"]
    list_filter = ["active"]
