from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from .models import Booking


@admin.register(Booking)
class BookingAdmin(admin.ModelAdmin):
    list_display = ["display_code", "planned_date", "part_of_day", "guest_name", "origin", "suggested_bidang", "visit"]
    list_filter = ["planned_date", "part_of_day", "suggested_bidang"]
    search_fields = ["code", "guest_name", "origin", "phone"]
    readonly_fields = ["code", "created_at", "created_on", "source", "visit", "used_at"]
    date_hierarchy = "planned_date"

    @admin.display(description=_("kode"), ordering="code")
    def display_code(self, booking):
        return booking.display_code
