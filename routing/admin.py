from django.contrib import admin

from .models import Bidang


@admin.register(Bidang)
class BidangAdmin(admin.ModelAdmin):
    list_display = ["name", "code", "room", "email", "order", "active"]
    list_editable = ["order", "active"]
    search_fields = ["name", "code"]
    prepopulated_fields = {"code": ["name"]}
