"""The live suggestion: GET /routing/suggest/?q=<keperluan> answers the ranked Bidang as JSON."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from . import policy
from .suggest import MAX_TEXT, suggest


@never_cache
@login_required
@require_GET
def suggestions(request: HttpRequest) -> JsonResponse:
    if not policy.can_ask_suggestion(request.user):
        raise PermissionDenied
    query = request.GET.get("q", "")[:MAX_TEXT]
    return JsonResponse({"query": query, "suggestions": [s.as_dict() for s in suggest(query)]})
