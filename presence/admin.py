from django.contrib import admin

from pojok import clock

from .models import Presence


@admin.register(Presence)
class PresenceAdmin(admin.ModelAdmin):
    list_display = ["day", "user", "status", "set_by", "set_at"]
    list_filter = ["status", "day", "user__bidang"]
    date_hierarchy = "day"
    readonly_fields = ["set_at", "set_by"]
    search_fields = ["user__username", "user__first_name", "user__last_name"]

    def save_model(self, request, obj, form, change):
        obj.set_by, obj.set_at = request.user, clock.now()
        super().save_model(request, obj, form, change)
