from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from pojok import clock
from pojok.admin_mixins import ReadOnlyAdminMixin

from . import policy
from .forms import TryPhrasesForm
from .models import Bidang, KeywordProposal, LearnedModel, ProposalRefused, Topic
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
                   "title": gettext("Coba frasa pada aturan rute")}
        return TemplateResponse(request, "admin/routing/topic/try_phrases.html", context)


@admin.register(LearnedModel)
class LearnedModelAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    """The trained versions, newest first: when, from how many decisions, and how well the replay went."""

    list_display = ["version", "trained_at", "decisions", "last_decision_at", "replay", "method"]
    exclude = ["parameters"]  # thousands of counts: the JSON is in the database, not for reading here
    readonly_fields = ["version", "trained_at", "decisions", "last_decision_at", "method", "digest", "replay"]

    @admin.display(description=_("uji ulang (top-1: kata kunci / gabungan)"))
    def replay(self, model):
        row = model.evaluation.get("overall", {})
        if not row.get("n"):
            return "\u2014"
        keywords, combined = row["keywords_top1"] / row["n"], row["combined_top1"] / row["n"]
        return gettext("%(keywords)s / %(combined)s dari %(n)s keputusan") % {
            "keywords": f"{keywords:.0%}", "combined": f"{combined:.0%}", "n": row["n"]}


@admin.register(KeywordProposal)
class KeywordProposalAdmin(admin.ModelAdmin):
    """Words that keep appearing in overridden needs: add one to a topic in one click, or set it aside."""

    list_display = ["word", "bidang", "topic", "overridden", "seen", "status", "decided_by", "decided_at", "decide"]
    list_filter = ["status", "bidang"]
    search_fields = ["word"]
    readonly_fields = ["word", "bidang", "overridden", "seen", "proposed_at", "status", "decided_by", "decided_at",
                       "added_to"]
    actions = None

    def has_add_permission(self, request):
        return False  # proposals come from train_routing only

    def has_delete_permission(self, request, obj=None):
        return False  # a decided proposal is the record of who changed the keywords

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "topic":
            kwargs["queryset"] = Topic.objects.filter(active=True).select_related("bidang")
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("bidang", "topic", "decided_by")

    @admin.display(description=_("tindakan"))
    def decide(self, proposal):
        if proposal.status != KeywordProposal.Status.OPEN:
            return "\u2014"
        dismiss = format_html('<button type="submit" class="button" formaction="{}">{}</button>',
                              reverse("admin:routing_keywordproposal_dismiss", args=[proposal.pk]), gettext("Abaikan"))
        if proposal.topic_id is None:
            return format_html('<a href="{}">{}</a> {}',
                               reverse("admin:routing_keywordproposal_change", args=[proposal.pk]),
                               gettext("pilih topik"), dismiss)
        return format_html('<button type="submit" class="button default" formaction="{}" name="topic" value="{}">'
                           '{}</button> {}',
                           reverse("admin:routing_keywordproposal_add_to_topic", args=[proposal.pk]),
                           proposal.topic_id, gettext("Tambahkan ke “%(topic)s”") % {"topic": proposal.topic},
                           dismiss)

    def get_urls(self):
        extra = [
            path("<int:object_id>/tambah/", self.admin_site.admin_view(self.add_to_topic_view),
                 name="routing_keywordproposal_add_to_topic"),
            path("<int:object_id>/abaikan/", self.admin_site.admin_view(self.dismiss_view),
                 name="routing_keywordproposal_dismiss"),
        ]
        return extra + super().get_urls()

    def _decide(self, request, object_id, verb):
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        if not policy.can_decide_proposals(request.user):
            raise PermissionDenied
        proposal = get_object_or_404(KeywordProposal.objects.select_related("topic"), pk=object_id)
        try:
            message = verb(proposal)
        except ProposalRefused as refusal:
            self.message_user(request, str(refusal), messages.ERROR)
        else:
            self.message_user(request, message, messages.SUCCESS)
        return redirect("admin:routing_keywordproposal_changelist")

    def add_to_topic_view(self, request, object_id):
        def add(proposal):
            chosen = request.POST.get("topic", "")
            topic = Topic.objects.filter(pk=chosen).first() if chosen.isdigit() else proposal.topic
            if topic is None:
                raise ProposalRefused(gettext("Pilih topik untuk kata ini terlebih dahulu."))
            proposal.add_to(topic, by=request.user, at=clock.now())
            return gettext("“%(word)s” ditambahkan ke kata kunci topik “%(topic)s”.") % {
                "word": proposal.word, "topic": topic}
        return self._decide(request, object_id, add)

    def dismiss_view(self, request, object_id):
        def dismiss(proposal):
            proposal.dismiss(by=request.user, at=clock.now())
            return gettext("Usulan “%(word)s” diabaikan.") % {"word": proposal.word}
        return self._decide(request, object_id, dismiss)
