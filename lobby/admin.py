from django.contrib import admin, messages
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from .models import Call, Device


def _show_pairing_url(request, device: Device) -> None:
    token = device.new_pairing_token(by=request.user)
    url = request.build_absolute_uri(reverse("lobby:pair", args=[token]))
    messages.warning(request, gettext("Tautan pemasangan %(name)s (sekali pakai, buka di perangkatnya): %(url)s") % {
        "name": device.name, "url": url})


@admin.register(Device)
class DeviceAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "active", "paired_at", "last_seen"]
    list_filter = ["kind", "active"]
    readonly_fields = ["paired_by", "created_at", "paired_at", "last_seen"]
    actions = ["make_pairing_url"]

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if not change:
            _show_pairing_url(request, obj)

    @admin.action(description=_("Buat tautan pemasangan baru (perangkat lama berhenti)"))
    def make_pairing_url(self, request, queryset):
        for device in queryset:
            _show_pairing_url(request, device)


@admin.register(Call)
class CallAdmin(admin.ModelAdmin):
    list_display = ["at", "visit", "bidang", "by"]
    list_select_related = ["visit", "bidang", "by"]
    date_hierarchy = "at"

    def has_add_permission(self, request):
        return False
