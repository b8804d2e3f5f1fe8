"""The kabupaten's page: every office side by side, read-only, figures only."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from offices.current import no_office
from pojok import clock
from pojok.periods import MONTH, Period, month_asked
from referrals.figures import between_offices

from .figures import side_by_side

READ_PERM = "offices.view_every_office"


def can_read(user) -> bool:
    return user is not None and user.is_authenticated and user.has_perm(READ_PERM)


@login_required
@require_GET
def overview(request: HttpRequest) -> HttpResponse:
    if not can_read(request.user):
        raise PermissionDenied
    month, error = month_asked(request.GET.get("bulan", ""), today=clock.today())
    if error:
        return render(request, "kabupaten/overview.html", {"error": error, "month": clock.today()}, status=400)
    period = Period.named(MONTH, today=clock.today(), month=month)
    with no_office():  # every office's figures at once, by name (Model.all_offices)
        overview = side_by_side(period)
        referrals = between_offices(period)
    return render(request, "kabupaten/overview.html", {"overview": overview, "rows": overview.rows,
                                                       "pemda": overview.pemda, "month": month,
                                                       "referrals": referrals, "step_numbers": range(1, 7)})
