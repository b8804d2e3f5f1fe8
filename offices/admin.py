"""The offices: the server's administrator (a superuser) adds them; an office's admin keeps its own
details (address, telephone, WhatsApp) and sees no other office."""

from django.contrib import admin

from .models import Office


@admin.register(Office)
class OfficeAdmin(admin.ModelAdmin):
    list_display = ["code", "short_name", "name", "time_zone", "template"]
    search_fields = ["code", "name", "short_name"]

    def get_queryset(self, request):
        offices = super().get_queryset(request)
        return offices if request.user.office_id is None else offices.filter(pk=request.user.office_id)

    def get_readonly_fields(self, request, obj=None):
        # an office's code is in its guests' addresses and printed QR codes: set once, by the server's admin
        return [] if request.user.is_superuser else ["code", "time_zone"]

    def has_add_permission(self, request):
        return request.user.is_superuser

    def has_delete_permission(self, request, obj=None):
        return False  # an office's rows are kept (on_delete=PROTECT); it is never removed here
