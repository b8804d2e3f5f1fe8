"""The consultation page: recording step 5 (draft or "Selesai") and transferring a misrouted guest."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from pojok.idempotency import idempotent

from .. import policy, whatsapp
from ..access import CONSULT, CONSULTATION, visit_for
from ..forms.consult import ConsultationForm, ReceiveForm, TransferForm
from ..models import (
    Consultation,
    Mode,
    MoveRefused,
    State,
    Visit,
    finish_consultation,
    record_consultation,
    transfer_visit,
)
from ..search import consultations_for

PAGE_VISITS = Visit.objects.select_related(
    "bidang", "topic", "assigned_to", "consultation__bidang", "consultation__recorded_by",
    "consultation__follow_up_by")


def _readable(user, pk: int):
    """The visit and the record the user may read, and whether they may act on it (its Bidang's staff)."""
    visit = visit_for(user, pk, purpose=CONSULTATION, queryset=PAGE_VISITS)
    consultation = getattr(visit, "consultation", None)
    if consultation is not None and not policy.can_read_consultation(user, consultation):
        consultation = None  # left by a Bidang the guest was transferred away from
    return visit, consultation, policy.can_consult_visit(user, visit)


def _page(request, visit, consultation, may_act, *, form=None, transfer_form=None, status=200):
    editable = may_act and visit.state == State.CONSULTING
    if editable and form is None:
        form = ConsultationForm(initial=ConsultationForm.initial_from(consultation), visit=visit)
    can_transfer = may_act and visit.state in (State.WAITING, State.CONSULTING)
    earlier = (
        consultations_for(request.user)
        .filter(visit__guest_name__iexact=visit.guest_name)
        .exclude(visit=visit)
        .select_related("visit", "bidang")
        .order_by("-visit__day")[:5]
    )
    return render(
        request,
        "visits/consult/page.html",
        {
            "wa": _wa_links(visit, consultation) if may_act else None,
            "visit": visit,
            "consultation": consultation,
            "editable": editable,
            "form": form,
            "modes": list(Mode),
            "earlier": earlier,
            "receive_form": ReceiveForm(bidang_id=visit.bidang_id, initial={"official": request.user})
            if may_act and visit.state == State.WAITING
            else None,
            "transfer_form": transfer_form or (TransferForm(visit=visit) if can_transfer else None),
        },
        status=status,
    )


def _wa_links(visit, consultation) -> dict:
    """The guest's WhatsApp links for the Bidang: to answer or reach them, the call, the follow-up."""
    links = {"contact": whatsapp.answer_remote(visit)}
    if visit.state == State.WAITING and not visit.is_remote:
        links["called"] = whatsapp.called(visit)
    if consultation is not None and consultation.follow_up_needed:
        links["follow_up"] = whatsapp.follow_up(consultation)
    return links


@login_required
@require_http_methods(["GET", "POST"])
@idempotent(ConsultationForm)
def page(request: HttpRequest, pk: int) -> HttpResponse:
    visit, consultation, may_act = _readable(request.user, pk)
    if request.method == "GET":
        return _page(request, visit, consultation, may_act)
    if not may_act:
        raise Http404
    closing = request.POST.get("action") == "finish"
    form = ConsultationForm(request.POST, visit=visit, closing=closing)
    if not form.is_valid():
        messages.error(request, _("Catatan belum disimpan: periksa isian yang ditandai."))
        return _page(request, visit, consultation, may_act, form=form)
    try:
        if closing:
            finish_consultation(visit=visit, by=request.user, **form.record_fields())
        else:
            record_consultation(visit=visit, by=request.user, **form.record_fields())
    except MoveRefused as refusal:
        messages.error(request, _("Catatan belum disimpan: %(reason)s") % {"reason": refusal})
        return _page(request, visit, consultation, may_act, form=form)
    if closing and visit.is_remote:
        messages.success(request, _("%(number)s %(name)s: konsultasi %(channel)s ditutup.") % {
            "number": visit.queue_number, "name": visit.guest_name, "channel": visit.get_channel_display().lower()})
        return redirect("visits:inbox")
    if closing:
        messages.success(
            request,
            _("%(number)s %(name)s: konsultasi selesai; petugas meja depan akan mengantar tamu keluar.")
            % {"number": visit.queue_number, "name": visit.guest_name},
        )
        return redirect("visits:inbox")
    messages.success(request, _("Draf catatan konsultasi tersimpan."))
    return redirect("visits:consultation", pk=visit.pk)


@login_required
@require_POST
def transfer(request: HttpRequest, pk: int) -> HttpResponse:
    """A misrouted guest goes back to the Kasubbag Umum's queue, with the Bidang meant and why."""
    visit = visit_for(request.user, pk, purpose=CONSULT)
    form = TransferForm(request.POST, visit=visit)
    if form.is_valid():
        try:
            transfer_visit(
                visit=visit,
                by=request.user,
                to_bidang=form.cleaned_data["bidang"],
                reason=form.cleaned_data["reason"],
            )
        except MoveRefused as refusal:
            messages.error(request, f"{visit.queue_number} {visit.guest_name}: {refusal}")
            return redirect("visits:inbox")
        messages.success(
            request,
            _("%(number)s %(name)s dikembalikan ke Kasubbag Umum untuk diarahkan ulang.")
            % {"number": visit.queue_number, "name": visit.guest_name},
        )
        return redirect("visits:inbox")
    messages.error(request, _("Tamu belum dialihkan: periksa isian yang ditandai."))
    consultation = Consultation.objects.filter(visit=visit, bidang_id=visit.bidang_id).first()
    return _page(request, visit, consultation, True, transfer_form=form)
