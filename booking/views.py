"""Pre-registration pages: the guest's public form and confirmation, the front desk's expected guests
and its code box (typed, or scanned by a USB scanner that types like a keyboard)."""

from datetime import date

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from offices.views import public
from pojok import clock, throttle
from pojok.idempotency import once
from pojok.qr import qr_svg
from pojok.redirects import safe_next
from pojok.security import client_ip
from pojok.whatsapp import WaLink, wa_link
from visits import policy
from visits.models import Visit

from . import bookings
from .forms import (
    BookingForm,
    CodeForm,
    TicketRefused,
    browser_tickets,
    check_ticket,
    issue_ticket,
    set_ticket_cookie,
)
from .models import Booking

SESSION_KEY = "booking.mine"  # the bookings made in this browser, for the confirmation page


@public
@require_http_methods(["GET", "POST"])
def register(request: HttpRequest) -> HttpResponse:
    form = BookingForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            booking = _register_once(request, form.cleaned_data)
        except (TicketRefused, bookings.BookingRefused) as refusal:
            form.add_error(None, str(refusal))
        else:
            request.session[SESSION_KEY] = [booking.pk, *request.session.get(SESSION_KEY, [])][:10]
            return redirect("booking:done", office=request.office.code)
    started, cookie = issue_ticket(browser_tickets(request), clock.now())
    context = {"form": form, "started": started, "instansi": BookingForm.instansi_names()}
    response = render(request, "booking/register.html", context, status=400 if form.errors else 200)
    set_ticket_cookie(response, cookie)
    return response


def _register_once(request: HttpRequest, cleaned: dict) -> Booking:
    """One booking per page given to this browser: the same ticket sent again finds the same booking."""
    key = check_ticket(request, request.POST.get("started"), clock.now())
    data = {name: cleaned[name] for name in (
        "guest_name", "origin", "phone", "email", "keperluan", "planned_date", "part_of_day")}

    def work() -> str:
        return str(bookings.register(**data, source=bookings.source_of(client_ip(request) or "")).pk)

    booking_pk, _ = once(key, scope="booking", work=work)
    return Booking.objects.get(pk=booking_pk)


@public
@require_GET
def done(request: HttpRequest) -> HttpResponse:
    """The code just made, as text and QR, shown only to the browser that registered it."""
    booking = Booking.objects.filter(pk__in=request.session.get(SESSION_KEY, [])).order_by("-pk").first()
    if booking is None:
        return redirect("booking:register", office=request.office.code)
    qr = qr_svg(booking.display_code, scale=8, title=_("Kode QR %(code)s") % {"code": booking.display_code},
                svgclass="booking-qr")
    return render(request, "booking/done.html", {"booking": booking, "qr": qr, "wa": code_to_keep(booking)})


def code_to_keep(booking) -> WaLink:
    """The booking code sent by the guest to their own WhatsApp, to find it again at the door."""
    return wa_link(booking.phone, _(
        "Kode pendaftaran kunjungan saya ke Pojok Konsultasi %(office)s: %(code)s, untuk "
        "%(day)s (%(part)s). Tunjukkan kode ini di meja depan atau kios."
    ) % {"code": booking.display_code, "office": booking.office.name,
         "day": date_format(booking.planned_date, "l, j F Y"), "part": booking.get_part_of_day_display()})


@login_required
@require_GET
def expected(request: HttpRequest) -> HttpResponse:
    policy.require(policy.can_front_desk, request.user)
    day = _day_asked(request.GET.get("tanggal"))
    context = {"day": day, "today": clock.today(), "bookings": bookings.expected_on(day),
               "code_form": CodeForm()}
    return render(request, "booking/expected.html", context)


def _day_asked(text: str | None) -> date:
    try:
        return date.fromisoformat(text or "")
    except ValueError:
        return clock.today()


@login_required
@require_POST
def arrive(request: HttpRequest) -> HttpResponse:
    """The guest shows their code: the visit starts at step 1 with what they registered."""
    policy.require(policy.can_front_desk, request.user)
    form = CodeForm(request.POST)
    back = _back_to(request)
    wait = throttle.BOOKING_CODE.wait_seconds(request)
    if wait:
        messages.error(request, throttle.wait_message(wait))
        return redirect(back)
    if not form.is_valid():
        messages.error(request, _("Ketik atau pindai kode pendaftaran, misalnya PK-7Q3XKD."))
        return redirect(back)
    try:
        visit = bookings.arrive(code=form.cleaned_data["code"],
                                check_in=lambda **guest: Visit.check_in(by=request.user, **guest))
    except bookings.BookingRefused as refusal:
        throttle.BOOKING_CODE.count(request)
        messages.error(request, str(refusal))
        return redirect(back)
    messages.success(request, _("Tamu %(name)s (terdaftar) tercatat dengan nomor antrean %(number)s.") % {
        "name": visit.guest_name, "number": visit.queue_number})
    return redirect("visits:slip", pk=visit.pk)


def _back_to(request: HttpRequest) -> str:
    return safe_next(request, request.POST.get("next", ""), "booking:expected")
