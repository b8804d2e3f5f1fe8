"""The kabupaten's page: every office side by side, read-only, figures only."""

import re
from datetime import date

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from offices.current import no_office
from pojok import clock
from pojok.periods import MONTH, Period

from .figures import side_by_side

READ_PERM = "offices.view_every_office"


def can_read(user) -> bool:
    return user is not None and user.is_authenticated and user.has_perm(READ_PERM)


@login_required
@require_GET
def overview(request: HttpRequest) -> HttpResponse:
    if not can_read(request.user):
        raise PermissionDenied
    month, error = _month(request.GET.get("bulan", ""))
    if error:
        return render(request, "kabupaten/overview.html", {"error": error, "month": clock.today()}, status=400)
    with no_office():  # each office's figures are read as that office, one after another
        rows, pemda = side_by_side(Period.named(MONTH, today=clock.today(), month=month))
    return render(request, "kabupaten/overview.html", {"rows": rows, "pemda": pemda, "month": month})


def _month(text: str) -> tuple[date, str]:
    """The month asked for (`2026-11`), this month when none; or an error to show."""
    if not text:
        return clock.today().replace(day=1), ""
    if not re.fullmatch(r"\d{4}-\d{2}", text) or not 1 <= int(text[5:]) <= 12 or not 2000 <= int(text[:4]) <= 2100:
        return clock.today().replace(day=1), _("Bulan ditulis TTTT-BB, misalnya 2026-11.")
    return date(int(text[:4]), int(text[5:]), 1), ""
