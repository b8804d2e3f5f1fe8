from django.contrib import admin, messages
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from .models import Notification, Status
from .outbox import send_pending


@admin.register(Notification)
class NotificationAdmin(admin.ModelAdmin):
    """The outbox as the admin sees it: failures stand out, and can be sent again."""

    list_display = ["created_at", "status", "channel", "to_email", "to_phone", "bidang", "subject", "attempts",
                    "last_error"]
    list_filter = ["status", "channel", "bidang"]
    search_fields = ["to_email", "to_phone", "subject", "last_error"]
    date_hierarchy = "created_at"
    readonly_fields = [f.name for f in Notification._meta.fields]
    actions = ["send_again"]

    def has_add_permission(self, request):
        return False  # rows come from routing only

    @admin.action(description=_("Kirim ulang notifikasi terpilih sekarang"), permissions=["change"])
    def send_again(self, request, queryset):
        ids = list(queryset.exclude(status=Status.SENT).values_list("pk", flat=True))
        Notification.objects.filter(pk__in=ids).update(attempts=0)  # a manual retry starts a fresh count
        counts = send_pending(ids=ids)
        level = messages.SUCCESS if not counts["failed"] else messages.WARNING
        self.message_user(request, gettext("Terkirim: %(sent)s, gagal: %(failed)s.") % {
            "sent": counts["sent"], "failed": counts["failed"]}, level)
