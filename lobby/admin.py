from django.contrib import admin, messages
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from pojok.qr import qr_svg

from .models import Call, Device

# The pairing link of a device just added, kept in the admin's session until its change page shows it
# once: the database keeps only the link's hash, so no later page can show it again.
SESSION_KEY = "lobby_pairing_url_{pk}"


def _show_pairing_url(request, device: Device) -> str:
    token = device.new_pairing_token(by=request.user)
    url = request.build_absolute_uri(reverse("lobby:pair", args=[token]))
    messages.warning(request, _("Tautan pemasangan %(name)s (sekali pakai, buka di perangkatnya): %(url)s")
                     % {"name": device.name, "url": url})
    return url


@admin.register(Device)
class DeviceAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "active", "paired_at", "last_seen"]
    list_filter = ["kind", "active"]
    readonly_fields = ["paired_by", "created_at", "paired_at", "last_seen"]
    actions = ["make_pairing_url"]

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if not change:
            request.session[SESSION_KEY.format(pk=obj.pk)] = _show_pairing_url(request, obj)

    def response_add(self, request, obj, post_url_continue=None):
        """After "Simpan", the new device's own page (with its pairing link and QR), not the list."""
        response = super().response_add(request, obj, post_url_continue)
        if "_addanother" in request.POST or not isinstance(response, HttpResponseRedirect):
            return response  # "save and add another", or the admin's popup: as Django does it
        return HttpResponseRedirect(reverse("admin:lobby_device_change", args=[obj.pk]))

    def get_readonly_fields(self, request, obj=None):
        fields = super().get_readonly_fields(request, obj)
        return [*fields, "pairing_link"] if obj is not None else fields

    def get_object(self, request, object_id, from_field=None):
        device = super().get_object(request, object_id, from_field)
        on_its_page = request.method == "GET" and request.resolver_match.url_name == "lobby_device_change"
        if device is not None and on_its_page and request.user.has_perm("lobby.change_device"):
            device.fresh_pairing_url = request.session.pop(SESSION_KEY.format(pk=device.pk), "")
        return device

    @admin.display(description=gettext_lazy("Tautan pemasangan"))
    def pairing_link(self, device: Device):
        url = getattr(device, "fresh_pairing_url", "")
        if not url:
            return _("Tautan hanya ditampilkan sekali, sesaat setelah dibuat. Untuk tautan baru: daftar perangkat,"
                     " centang perangkat ini, aksi “Buat tautan pemasangan baru”.")
        qr = qr_svg(url, scale=5, title=_("Kode QR pemasangan %(name)s") % {"name": device.name},
                    svgclass="pairing-qr")
        return format_html('<div data-pairing-link><a href="{url}">{url}</a><div>{qr}</div>'
                           '<div class="help">{help}</div></div>', url=url, qr=qr,
                           help=_("Buka tautan ini (atau pindai kodenya) di perangkat itu sendiri; sekali pakai."))

    @admin.action(description=gettext_lazy("Buat tautan pemasangan baru (perangkat lama berhenti)"))
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
