"""The filed packs for managers: the list (every version, with its SHA-256 and maker) and one download."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from visits import policy

from .models import FiledPack


@login_required
@require_GET
def packs(request: HttpRequest) -> HttpResponse:
    policy.require(policy.can_read_reports, request.user)
    filed = FiledPack.objects.defer("content").select_related("made_by")
    return render(request, "documents/packs.html", {"packs": filed})


@login_required
@require_GET
def download(request: HttpRequest, pk: int) -> HttpResponse:
    policy.require(policy.can_read_reports, request.user)
    pack = get_object_or_404(FiledPack, pk=pk)
    response = HttpResponse(bytes(pack.content), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{pack.filename}"'
    response["X-Content-SHA256"] = pack.sha256
    return response
