from django.contrib import admin

from pojok.admin_mixins import ReadOnlyAdminMixin, SingletonAdminMixin

from .models import DocumentType, Instansi, ReportSettings, SopStep, Visit, VisitEvent, VisitStep


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
    fields = ["number", "started_at", "ended_at", "ended_by", "result", "standard_minutes", "received_at", "received_by",
              "wait_standard_minutes", "wait_seconds"]


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
