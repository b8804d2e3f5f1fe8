from django.contrib import admin

from pojok.admin_mixins import ReadOnlyAdminMixin, SingletonAdminMixin

from .models import PersonalDataLog, PrivacySetting


@admin.register(PrivacySetting)
class PrivacySettingAdmin(SingletonAdminMixin, admin.ModelAdmin):
    list_display = ["__str__", "retention_days"]


@admin.register(PersonalDataLog)
class PersonalDataLogAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    """Read-only: the record of exports and erasures is kept as it was written."""

    list_display = ["at", "kind", "by", "rows", "counts"]
    list_filter = ["kind"]
    change_list_template = "privacy/admin/log_change_list.html"
