from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.urls import path

from . import policy
from .forms import TryPhrasesForm
from .models import Bidang, Topic
from .suggest import suggest


@admin.register(Bidang)
class BidangAdmin(admin.ModelAdmin):
    list_display = ["name", "code", "room", "email", "order", "active"]
    list_editable = ["order", "active"]
    search_fields = ["name", "code"]
    prepopulated_fields = {"code": ["name"]}


def try_phrases(form: TryPhrasesForm) -> list[dict]:
    """Each phrase's top suggestion under the current rules and, with a proposed keyword change, under it."""
    current = list(Topic.objects.filter(active=True, bidang__active=True).select_related("bidang"))
    topic, keywords = form.cleaned_data.get("topic"), form.cleaned_data.get("keywords", "").strip()
    proposed = None
    if topic is not None and keywords:
        topic.keywords = keywords  # in memory only: nothing is saved
        proposed = [t for t in current if t.pk != topic.pk] + [topic]
    rows = []
    for phrase in form.cleaned_data["phrases"]:
        row = {"phrase": phrase, "now": suggest(phrase, current, model=None)}
        if proposed is not None:
            row["then"] = suggest(phrase, proposed, model=None)
            row["changed"] = row["then"][0].bidang_code != row["now"][0].bidang_code
        rows.append(row)
    return rows


@admin.register(Topic)
class TopicAdmin(admin.ModelAdmin):
    list_display = ["name", "bidang", "active"]
    list_filter = ["bidang", "active"]
    list_editable = ["active"]
    search_fields = ["name", "keywords", "description"]

    def get_urls(self):
        extra = [path("coba/", self.admin_site.admin_view(self.try_view), name="routing_topic_try")]
        return extra + super().get_urls()

    def try_view(self, request):
        if not policy.can_try_phrases(request.user):
            raise PermissionDenied
        form = TryPhrasesForm(request.POST or None, initial={"topic": request.GET.get("topic")})
        rows = try_phrases(form) if request.method == "POST" and form.is_valid() else []
        context = {**self.admin_site.each_context(request), "opts": self.model._meta, "form": form, "rows": rows,
                   "title": "Coba frasa pada aturan rute"}
        return TemplateResponse(request, "admin/routing/topic/try_phrases.html", context)
