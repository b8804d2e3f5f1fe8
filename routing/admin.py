from django.contrib import admin

from .models import Bidang, Topic


@admin.register(Bidang)
class BidangAdmin(admin.ModelAdmin):
    list_display = ["name", "code", "room", "email", "order", "active"]
    list_editable = ["order", "active"]
    search_fields = ["name", "code"]
    prepopulated_fields = {"code": ["name"]}


@admin.register(Topic)
class TopicAdmin(admin.ModelAdmin):
    list_display = ["name", "bidang", "active"]
    list_filter = ["bidang", "active"]
    list_editable = ["active"]
    search_fields = ["name", "keywords", "description"]
