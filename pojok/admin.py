from django import forms
from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.contrib.auth.forms import UserChangeForm
from django.utils.translation import gettext_lazy as _

from . import roles
from .models import User
from .whatsapp import mobile_number

admin.site.site_header = _("Pojok Konsultasi — Administrasi")
admin.site.site_title = "Pojok Konsultasi"
admin.site.index_title = _("Data induk")


class UserForm(UserChangeForm):
    class Meta(UserChangeForm.Meta):
        model = User

    def clean_whatsapp(self) -> str:
        value = self.cleaned_data.get("whatsapp", "")
        return mobile_number(value) if value else ""

    def clean(self):
        cleaned = super().clean()
        groups = cleaned.get("groups")
        is_staff_member = groups is not None and groups.filter(name=roles.STAF).exists()
        if is_staff_member and not cleaned.get("bidang"):
            raise forms.ValidationError({"bidang": _("Staf Bidang wajib memiliki tepat satu Bidang.")})
        return cleaned


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    form = UserForm
    list_display = ["username", "first_name", "last_name", "bidang", "jabatan", "roles", "is_active"]
    list_filter = ["groups", "bidang", "is_active"]
    fieldsets = BaseUserAdmin.fieldsets + ((_("Bidang dan jabatan"), {"fields": ["bidang", "jabatan", "whatsapp"]}),)

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("bidang").prefetch_related("groups")

    def get_fieldsets(self, request, obj=None):
        """The server's administrator (a superuser) places an account in an office; an office's admin
        makes accounts of their own office only (save_model)."""
        fieldsets = super().get_fieldsets(request, obj)
        if not request.user.is_superuser or obj is None:
            return fieldsets
        return fieldsets + ((_("Kantor (OPD)"), {"fields": ["office"]}),)

    def save_model(self, request, obj, form, change):
        if obj.office_id is None and request.user.office_id is not None:
            obj.office_id = request.user.office_id
        super().save_model(request, obj, form, change)

    @admin.display(description=_("peran"))
    def roles(self, user):
        return ", ".join(group.name for group in user.groups.all())
