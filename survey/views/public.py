"""The guest's pages: no login, a phone-first questionnaire reached by the link or QR code on the slip."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from offices.current import acting_for
from pojok import throttle

from ..answering import SurveyClosed, check_open, submit_response
from ..forms import CodeForm, SurveyForm
from ..models import Invitation, Unsur


def _invitation(token: str) -> Invitation | None:
    """The invitation of a code, in whichever office it was given (codes are unique across offices)."""
    cleaned = "".join(ch for ch in token.lower() if ch.isalnum())[:16]
    return Invitation.all_offices.select_related("visit__bidang", "visit__topic", "visit__office").filter(
        token=cleaned).first()


def _closed(request: HttpRequest, title: str, message: str, status: int = 200) -> HttpResponse:
    return render(request, "survey/public/closed.html", {"title": title, "message": message}, status=status)


@never_cache
@require_http_methods(["GET", "POST"])
def answer(request: HttpRequest, token: str) -> HttpResponse:
    wait = throttle.SURVEY_CODE.wait_seconds(request)
    if wait:
        return _closed(request, _("Tunggu sebentar"), throttle.wait_message(wait), status=429)
    invitation = _invitation(token)
    if invitation is None:
        throttle.SURVEY_CODE.count(request)
        return _closed(request, _("Tautan tidak dikenal"),
                       _("Kode survei ini tidak kami kenal. Periksa kembali kode pada slip Anda."), status=404)
    with acting_for(invitation.visit.office):
        return _answer(request, invitation)


def _answer(request: HttpRequest, invitation: Invitation) -> HttpResponse:
    try:
        check_open(invitation)
        form = SurveyForm(request.POST or None, unsur=list(Unsur.objects.all()))
        if request.method == "POST" and form.is_valid():
            data = form.cleaned_data
            submit_response(invitation=invitation, answers=form.answers, profile=form.profile,
                            suggestion=data["suggestion"], is_complaint=data["is_complaint"])
            return redirect("survey:answer", token=invitation.token)
    except SurveyClosed as closed:
        return _closed(request, closed.title, str(closed), status=closed.status)
    return render(request, "survey/public/form.html", {"form": form, "visit": invitation.visit})


@require_GET
def start(request: HttpRequest) -> HttpResponse:
    """A code typed from the slip (for a guest without a camera): on to the questionnaire."""
    form = CodeForm(request.GET or None)
    wait = throttle.SURVEY_CODE.wait_seconds(request) if form.is_bound else 0
    if wait:
        form.add_error("kode", throttle.wait_message(wait))
    elif form.is_valid():
        invitation = _invitation(form.cleaned_data["kode"])
        if invitation is not None:
            return redirect("survey:answer", token=invitation.token)
        throttle.SURVEY_CODE.count(request)
        form.add_error("kode", _("Kode ini tidak dikenal. Periksa kembali kode pada slip Anda."))
    return render(request, "survey/public/start.html", {"form": form}, status=429 if wait else 200)
