from django.contrib import admin

from .models import PersonalDataLog, PrivacySetting


@admin.register(PrivacySetting)
class PrivacySettingAdmin(admin.ModelAdmin):
    list_display = ["__str__", "retention_days"]

    def has_add_permission(self, request):
        return not PrivacySetting.objects.exists()  # the one row; after that it is only edited

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(PersonalDataLog)
class PersonalDataLogAdmin(admin.ModelAdmin):
    """Read-only: the record of exports and erasures is kept as it was written."""

    list_display = ["at", "kind", "by", "rows", "counts"]
    list_filter = ["kind"]
    change_list_template = "privacy/admin/log_change_list.html"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
