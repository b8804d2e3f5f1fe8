"""The administrator edits the nine questions, reads responses (flagging complaints handled), and
may lengthen an invitation's life. Answers themselves are never edited: they are what guests said."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from .models import Answer, Invitation, Response, Unsur


@admin.register(Unsur)
class UnsurAdmin(admin.ModelAdmin):
    list_display = ["number", "name", "question"]
    readonly_fields = ["number"]

    def has_add_permission(self, request):
        return False  # PermenPANRB 14/2017 has nine unsur; only their wording changes

    def has_delete_permission(self, request, obj=None):
        return False


class AnswerInline(admin.TabularInline):
    model = Answer
    fields = ["unsur", "value"]
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Response)
class ResponseAdmin(admin.ModelAdmin):
    list_display = ["day", "bidang", "topic", "is_complaint", "handled", "short_suggestion"]
    list_select_related = ["bidang", "topic"]
    list_filter = ["is_complaint", "handled", "bidang", "day"]
    search_fields = ["suggestion"]
    date_hierarchy = "day"
    fields = ["day", "bidang", "topic", "sex", "age_group", "education", "occupation", "suggestion",
              "is_complaint", "handled"]
    readonly_fields = [name for name in fields if name != "handled"]
    inlines = [AnswerInline]

    @admin.display(description=_("saran/pengaduan"))
    def short_suggestion(self, obj) -> str:
        return obj.suggestion[:80]

    def has_add_permission(self, request):
        return False


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):
    list_display = ["token", "visit", "expires_at", "answered"]
    list_select_related = ["visit"]
    list_filter = ["answered"]
    search_fields = ["token"]
    fields = ["visit", "token", "created_at", "expires_at", "answered"]
    readonly_fields = ["visit", "token", "created_at", "answered"]

    def has_add_permission(self, request):
        return False
