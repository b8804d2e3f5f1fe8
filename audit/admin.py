"""The audit log, read-only for the Admin role, and the lockout list where the admin unlocks."""

from auditlog.admin import LogEntryAdmin
from auditlog.models import LogEntry
from axes.admin import AccessAttemptAdmin
from axes.models import AccessAttempt
from django.contrib import admin, messages
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from pojok.admin_mixins import ReadOnlyAdminMixin

from .models import LoginEvent


@admin.register(LoginEvent)
class LoginEventAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    """The log is evidence: nobody adds, edits or removes a row, not even a superuser."""

    list_display = ["at", "kind", "username", "user", "ip_address", "user_agent", "by"]
    list_filter = ["kind", "at"]
    search_fields = ["username", "ip_address", "user_agent", "user__first_name", "user__last_name"]
    date_hierarchy = "at"
    list_select_related = ["user", "by"]

    def get_queryset(self, request):
        """An office's admin reads the logins of their office's people; the server's (no office) all."""
        events = super().get_queryset(request)
        if request.user.office_id is None:
            return events
        people = get_user_model().objects.values("username")  # the office's (the people rule)
        return events.filter(Q(user__office_id=request.user.office_id) | Q(by__office_id=request.user.office_id)
                             | Q(user__isnull=True, username__in=people))


admin.site.unregister(AccessAttempt)


@admin.register(AccessAttempt)
class LockoutAdmin(AccessAttemptAdmin):
    """django-axes' failed-attempt list, with an Indonesian unlock action."""

    actions = ["unlock", *AccessAttemptAdmin.actions]

    def get_queryset(self, request):
        """Failed logins with the usernames of the office's people (an unknown name: the server's admin)."""
        attempts = super().get_queryset(request)
        if request.user.office_id is None:
            return attempts
        return attempts.filter(username__in=get_user_model().objects.values("username"))

    @admin.action(description=_("Buka kunci (hapus catatan gagal masuk yang dipilih)"), permissions=["delete"])
    def unlock(self, request, queryset):
        attempts = list(queryset.values_list("username", "ip_address"))
        queryset.delete()
        LoginEvent.objects.bulk_create(
            LoginEvent(kind=LoginEvent.Kind.UNLOCKED, username=username or "", ip_address=ip, by=request.user)
            for username, ip in attempts
        )
        messages.success(request, ngettext(
            "%(count)d catatan dihapus: nama pengguna dan alamat itu boleh mencoba masuk lagi.",
            "%(count)d catatan dihapus: nama pengguna dan alamat itu boleh mencoba masuk lagi.",
            len(attempts)) % {"count": len(attempts)})


admin.site.unregister(LogEntry)


@admin.register(LogEntry)
class RuleChangeAdmin(ReadOnlyAdminMixin, LogEntryAdmin):
    """Every change to the rules (audit/history.py): read, never added, edited or removed."""

    def get_queryset(self, request):
        """An office's admin reads the changes to its own rules; the server's (no office) all."""
        entries = super().get_queryset(request)
        if request.user.office_id is None:
            return entries
        return entries.filter(additional_data__office=request.user.office_id)
