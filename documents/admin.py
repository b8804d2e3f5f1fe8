from django.contrib import admin

from pojok.admin_mixins import ReadOnlyAdminMixin

from .models import FiledPack


@admin.register(FiledPack)
class FiledPackAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ["__str__", "made_at", "made_by", "made_how", "size", "sha256"]
    list_filter = ["kind"]
    exclude = ["content"]
