"""Recording a remote request (telepon, WhatsApp, daring, surat/e-mail): the Kasubbag or the piket then
routes it like a walk-in; a Bidang's own staff, who took the call, find it in their inbox."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from pojok.idempotency import idempotent

from .. import policy
from ..forms.desk import CheckInForm
from ..forms.remote import RemoteRequestForm
from ..models import State, Visit


@login_required
@require_http_methods(["GET", "POST"])
@idempotent(RemoteRequestForm)
def new(request: HttpRequest) -> HttpResponse:
    if not (policy.can_triage(request.user) or policy.can_consult(request.user)):
        raise PermissionDenied
    form = RemoteRequestForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        visit = Visit.record_remote(by=request.user, **form.cleaned_data)
        messages.success(request, _("Permintaan %(channel)s dari %(name)s tercatat (%(number)s).") % {
            "channel": visit.get_channel_display().lower(), "name": visit.guest_name, "number": visit.queue_number})
        if visit.state == State.TRIAGE:
            return redirect("visits:triage_route", pk=visit.pk)
        return redirect("visits:consultation", pk=visit.pk)
    context = {"form": form, "instansi": CheckInForm.instansi_names(), "takes_it": policy.can_consult(request.user)
               and not policy.can_triage(request.user)}
    return render(request, "visits/remote/new.html", context, status=400 if form.errors else 200)
