"""The record of changes to the rules, read in the app by Pimpinan and Admin (never changed)."""

from auditlog.models import LogEntry
from django.contrib.auth.decorators import login_required
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.text import capfirst
from django.views.decorators.http import require_GET

from .history import RULES

PAGE_SIZE = 50
READ_PERM = "auditlog.view_logentry"


def _rule_types() -> list[ContentType]:
    models = [label.split(".") for label in RULES]
    return sorted((ContentType.objects.get_by_natural_key(app, name.lower()) for app, name in models),
                  key=lambda kind: str(kind.model_class()._meta.verbose_name_plural))


@login_required
@require_GET
def rule_changes(request: HttpRequest) -> HttpResponse:
    if not request.user.has_perm(READ_PERM):
        raise PermissionDenied
    kinds = _rule_types()
    entries = LogEntry.objects.filter(content_type__in=kinds).select_related("actor", "content_type")
    if request.user.office_id is not None:  # an office reads the changes to its own rules
        entries = entries.filter(additional_data__office=request.user.office_id)
    chosen = request.GET.get("jenis", "")
    if chosen.isdigit():
        entries = entries.filter(content_type_id=int(chosen))
    page = Paginator(entries.order_by("-timestamp", "-pk"), PAGE_SIZE).get_page(request.GET.get("halaman"))
    names = {kind.pk: kind.model_class()._meta for kind in kinds}
    rows = [(entry, capfirst(names[entry.content_type_id].verbose_name)) for entry in page]
    choices = [(kind.pk, capfirst(names[kind.pk].verbose_name_plural)) for kind in kinds]
    return render(request, "audit/rule_changes.html",
                  {"page": page, "rows": rows, "choices": choices, "chosen": chosen})
