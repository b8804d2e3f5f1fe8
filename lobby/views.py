"""The lobby's pages: pairing a device, the TV's queue display, the kiosk, and the Bidang's "panggil"."""

import uuid
from functools import wraps

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from offices.current import acting_for
from pojok import throttle
from pojok.polls import poll
from visits.access import CONSULT, visit_for
from visits.models import MoveRefused

from .calls import call_guest
from .devices import device_of, remember_device
from .display import lobby_board, lobby_version
from .kiosk import KioskForm, KioskRefused, check_in_at_kiosk
from .models import Device, hash_token

PAGE_OF_KIND = {Device.Kind.DISPLAY: "lobby:display", Device.Kind.KIOSK: "lobby:kiosk"}


def device_page(kind):
    """Only a paired, active device of this kind opens the page; anyone else is refused."""
    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            device = device_of(request)
            if device is None or device.kind != kind:
                return render(request, "lobby/refused.html", status=403)
            request.device = device
            with acting_for(device.office):
                return view(request, *args, **kwargs)
        return wrapper
    return decorator


@require_http_methods(["GET", "POST"])
def pair(request, token: str):
    """Opened once on the tablet or TV: the one-time code becomes the device's own cookie."""
    device = Device.all_offices.select_related("office").filter(pairing_hash=hash_token(token), active=True).first()
    if device is None:
        return render(request, "lobby/pair.html", {"device": None}, status=404)
    with acting_for(device.office):
        return _pair(request, device)


def _pair(request, device: Device):
    if request.method == "GET":
        return render(request, "lobby/pair.html", {"device": device})
    secret = device.pair()
    response = redirect(PAGE_OF_KIND[device.kind])
    remember_device(response, device, secret)
    return response


@device_page(Device.Kind.DISPLAY)
def display(request):
    return render(request, "lobby/display.html", {"device": request.device, **lobby_board()})


@device_page(Device.Kind.DISPLAY)
@poll(lobby_version)
def display_board(request):
    return render(request, "lobby/_display_board.html", lobby_board())


@device_page(Device.Kind.KIOSK)
@require_http_methods(["GET", "POST"])
def kiosk(request):
    """The guest types who they are and what they need, and gets a queue number."""
    if request.method == "GET" and "berikutnya" in request.GET:
        return _ready_for_the_next_guest()
    form = KioskForm(request.POST or None, initial={"key": uuid.uuid4()})
    wait = throttle.BOOKING_CODE.wait_seconds(request) if request.POST.get("code") else 0
    if wait:
        form.add_error("code", throttle.wait_message(wait))
    elif request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            visit = check_in_at_kiosk(device=request.device, key=data["key"], code=data["code"],
                                      arrival=form.arrival_fields(), guest_name=data["guest_name"],
                                      origin=data["origin"], keperluan=data["keperluan"])
        except KioskRefused as refusal:
            throttle.BOOKING_CODE.count(request)
            form.add_error(None, str(refusal))
        else:
            return render(request, "lobby/kiosk_done.html", {"visit": visit, "seconds": settings.KIOSK_DONE_SECONDS})
    return render(request, "lobby/kiosk.html", {"form": form, "instansi": KioskForm.instansi_names()})


def _ready_for_the_next_guest():
    """Back at the start for the next guest, in the office's language whatever the last guest chose."""
    response = redirect("lobby:kiosk")
    response.delete_cookie(settings.LANGUAGE_COOKIE_NAME, path=settings.LANGUAGE_COOKIE_PATH,
                           domain=settings.LANGUAGE_COOKIE_DOMAIN)
    return response


@login_required
@require_POST
def call(request, pk: int):
    visit = visit_for(request.user, pk, purpose=CONSULT)
    try:
        call_guest(visit=visit, by=request.user)
    except MoveRefused as refusal:
        messages.error(request, str(refusal))
    else:
        messages.success(request, _("Nomor %(number)s dipanggil di layar antrean.") % {"number": visit.queue_number})
    return redirect("visits:inbox")
