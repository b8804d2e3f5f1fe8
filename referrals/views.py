"""The referrals' pages: referring a guest (from triage or after a consultation), the referral as each
office sees it, the office's list of sent and received referrals with the month's figures, receiving."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from pojok import clock
from pojok.idempotency import idempotent
from pojok.periods import MONTH, Period, month_asked
from visits.access import visit_for

from . import policy, sending
from .figures import office_figures
from .forms import ReferralForm
from .models import Referral


@login_required
@require_http_methods(["GET", "POST"])
@idempotent(ReferralForm)
def new(request: HttpRequest, pk: int) -> HttpResponse:
    visit = visit_for(request.user, pk)
    existing = Referral.objects.sent().filter(visit=visit).first()
    if existing is not None:
        messages.info(request, _("Tamu ini sudah dirujuk ke %(office)s.") % {"office": existing.to_office.short_name})
        return redirect("referrals:detail", pk=existing.pk)
    if not policy.may_refer(request.user, visit):
        raise PermissionDenied
    form = ReferralForm(request.POST if request.method == "POST" else None, visit=visit)
    if request.method == "POST" and form.is_valid():
        try:
            referral = sending.send(visit=visit, by=request.user, request=form.request())
        except sending.ReferralRefused as refusal:
            form.add_error(None, str(refusal))
        except IntegrityError:  # a twin sent at the same moment referred this visit first
            form.add_error(None, _("Tamu ini baru saja dirujuk dari layar lain."))
        else:
            messages.success(request, _sent_message(referral))
            return redirect("referrals:detail", pk=referral.pk)
    return render(request, "referrals/new.html", {"visit": visit, "form": form},
                  status=400 if form.errors else 200)


def _sent_message(referral: Referral) -> str:
    names = {"name": referral.visit.guest_name, "office": referral.to_office.short_name}
    if referral.booking is None:
        return _("%(name)s dirujuk ke %(office)s sebagai permintaan jarak jauh di antrean pengarahannya.") % names
    code = referral.booking.display_code
    return _("%(name)s dirujuk ke %(office)s; kode di sana %(code)s.") % {**names, "code": code}


@login_required
@require_GET
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    referral = _referral_for(request.user, pk)
    sent = referral.from_office_id == request.user.office_id
    context = {"referral": referral, "sent": sent, "booking": referral.booking, "held": referral.held_there,
               "to_guest": sending.whatsapp_to_guest(referral) if sent and referral.held_there else None,
               "office_chat": sending.office_chat(referral.to_office), "may_receive": policy.can_receive(request.user)}
    return render(request, "referrals/detail.html", context)


def _referral_for(user, pk: int) -> Referral:
    """A referral of the user's office that they may read: the lists' readers, or the one who sent it."""
    referral = get_object_or_404(Referral.objects.select_related(
        "from_office", "to_office", "visit", "booking", "remote_request", "sent_by", "received_by"), pk=pk)
    if not (policy.can_read(user) or referral.sent_by_id == user.pk):
        raise PermissionDenied
    return referral


@login_required
@require_GET
def office_list(request: HttpRequest) -> HttpResponse:
    if not policy.can_read(request.user):
        raise PermissionDenied
    month, error = month_asked(request.GET.get("bulan", ""), today=clock.today())
    period = Period.named(MONTH, today=clock.today(), month=month)
    days = {"sent_on__range": (period.start, period.end)}
    related = ("from_office", "to_office", "visit", "booking__visit", "remote_request", "sent_by")
    context = {"month": month, "error": error, "figures": office_figures(period),
               "sent": Referral.objects.sent().filter(**days).with_taken_up().select_related(*related),
               "received": Referral.objects.received().filter(**days).with_taken_up().select_related(*related),
               "may_receive": policy.can_receive(request.user)}
    return render(request, "referrals/list.html", context, status=400 if error else 200)


@login_required
@require_POST
def receive(request: HttpRequest, pk: int) -> HttpResponse:
    referral = get_object_or_404(Referral.objects.received(), pk=pk)
    was = referral.received_at
    referral = sending.receive(referral=referral, by=request.user)
    if was is None:
        messages.success(request, _("Rujukan dari %(office)s diterima.") % {"office": referral.from_office.short_name})
    else:
        messages.info(request, _("Rujukan ini sudah diterima sebelumnya."))
    return redirect("referrals:detail", pk=referral.pk)
