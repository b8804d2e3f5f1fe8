"""Landing, health and account pages."""

from django.contrib.auth.decorators import login_required
from django.db import DatabaseError, connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from . import outage
from .navigation import areas_for


@login_required
def home(request: HttpRequest) -> HttpResponse:
    """Send each user to their own dashboard: the first area their roles open."""
    areas = areas_for(request.user)
    if areas:
        return redirect(areas[0].url_name)
    if request.user.is_staff:
        return redirect("admin:index")
    return render(request, "pojok/no_role.html")


@never_cache
@require_GET
def healthz(request: HttpRequest) -> JsonResponse:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError as error:
        outage.failed(error)  # a monitor polling here marks an outage even when nobody is typing
        request.met_outage = True
        return JsonResponse({"status": "error", "database": "unreachable"}, status=503)
    outage.answered()
    return JsonResponse({"status": "ok", "database": "ok"})


@login_required
@never_cache
@require_GET
def still_here(request: HttpRequest) -> HttpResponse:
    """Typing in a form is activity: pojok.js calls this now and then while a person types, so a long
    consultation note is not lost to the idle timeout when it is finally saved. The idle middleware
    does the work; the answer is empty."""
    return HttpResponse(status=204)
