"""Registering a visit ahead (limits included) and turning its code into a visit at the door.

`register()` is what the public page calls; `arrive()` is the one way a code becomes a visit, at the
front desk or at the kiosk: it locks the booking row, so a code is used once however many screens
send it at the same moment.
"""

from datetime import date, datetime

from django.conf import settings
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from notifications.outbox import queue_guest_email, queue_guest_whatsapp
from pojok import clock, locks
from pojok.security import fingerprint
from routing.suggest import suggest
from visits.models import Visit, local_time

from .models import CODE_PREFIX, Booking, clean_code, new_code


class BookingRefused(Exception):
    """A booking not made, or a code not accepted; the message is for the guest or the petugas."""


def source_of(address: str) -> str:
    """A keyed fingerprint of the sender's network address: enough to count, useless to trace."""
    return fingerprint(address)


def check_limits(*, phone: str, source: str, today: date) -> None:
    made_today = Booking.objects.filter(created_on=today)
    per_phone = settings.BOOKING_PER_PHONE_PER_DAY
    if made_today.filter(phone=phone).count() >= per_phone:
        raise BookingRefused(_("Nomor telepon ini sudah dipakai untuk %(count)s pendaftaran hari ini. "
                               "Silakan coba lagi besok, atau datang langsung ke meja depan.") % {"count": per_phone})
    if source and made_today.filter(source=source).count() >= settings.BOOKING_PER_SOURCE_PER_DAY:
        raise BookingRefused(_("Terlalu banyak pendaftaran dari jaringan ini hari ini. "
                               "Silakan coba lagi besok, atau datang langsung ke meja depan."))


def register(*, guest_name, origin, phone, email, keperluan, planned_date, part_of_day, source="",
             now: datetime | None = None) -> Booking:
    """A new booking with a unique code and the suggested Bidang; the code is emailed if asked.

    The day's limits are counted and the booking written under one lock: posts sent at the same
    moment wait for each other, so no limit is passed by a burst.
    """
    now = now or clock.now()
    today = timezone.localdate(now)
    top = suggest(keperluan)[0]
    fields = dict(guest_name=guest_name, origin=origin, phone=phone, email=email, keperluan=keperluan,
                  planned_date=planned_date, part_of_day=part_of_day, suggested_bidang_id=top.bidang_id,
                  suggested_topic_id=top.topic_id, created_at=now, created_on=today, source=source)
    with transaction.atomic():
        locks.hold("booking.limits")
        check_limits(phone=phone, source=source, today=today)
        return _with_new_code(fields)


def register_referred(*, referred_from, guest_name, origin, phone, keperluan, planned_date, part_of_day,
                      now: datetime | None = None) -> Booking:
    """The booking of a guest another office refers here (referrals.sending), made by its staff: the
    public page's limits do not apply, and the code reaches the guest by WhatsApp as a booking's does."""
    now = now or clock.now()
    top = suggest(keperluan)[0]
    return _with_new_code(dict(
        guest_name=guest_name, origin=origin, phone=phone, email="", keperluan=keperluan, planned_date=planned_date,
        part_of_day=part_of_day, suggested_bidang_id=top.bidang_id, suggested_topic_id=top.topic_id, created_at=now,
        created_on=timezone.localdate(now), referred_from=referred_from))


def _with_new_code(fields: dict) -> Booking:
    for _attempt in range(5):  # a clash among ~900 million codes is rare; try again with a new one
        try:
            with transaction.atomic():
                booking = Booking.objects.create(code=new_code(), **fields)
                if booking.email:
                    _email_code(booking)
                _whatsapp_code(booking)
                return booking
        except IntegrityError:
            continue
    raise BookingRefused(_("Kode pendaftaran tidak dapat dibuat. Silakan kirim lagi."))


def _email_code(booking: Booking) -> None:
    body = render_to_string("booking/email.txt", {"booking": booking})
    queue_guest_email(to_email=booking.email, subject=_("Kode pendaftaran %(code)s – Pojok Konsultasi %(office)s") % {
        "code": booking.display_code, "office": booking.office.short_name}, body=body)


def _whatsapp_code(booking: Booking) -> None:
    """The code by WhatsApp too, when the Cloud API is configured and the phone is a mobile number."""
    body = render_to_string("booking/email.txt", {"booking": booking})
    with translation.override(settings.WHATSAPP_TEMPLATE_LANGUAGE):  # the approved template's own language
        day = date_format(booking.planned_date, "l, j F Y")
    queue_guest_whatsapp(phone=booking.phone, template=settings.WHATSAPP_TEMPLATE_BOOKING, text=body,
                         parameters=[booking.display_code, day])


def arrive(*, code: str, check_in, at: datetime | None = None) -> Visit:
    """The visit for a booking code shown today; `check_in(**guest)` makes it (desk or kiosk).

    Raises BookingRefused for a code that is unknown, already used, or not for today.
    """
    at = at or clock.now()
    with transaction.atomic():
        booking = Booking.objects.select_for_update().filter(code=clean_code(code)).first()
        refuse_unusable(booking, code=code, today=timezone.localdate(at))
        visit = check_in(guest_name=booking.guest_name, origin=booking.origin, phone=booking.phone,
                         keperluan=booking.keperluan)
        # The row lock already serializes this on PostgreSQL; the condition keeps SQLite just as safe.
        if not Booking.objects.filter(pk=booking.pk, visit__isnull=True).update(visit=visit, used_at=at):
            raise BookingRefused(_("Kode %(code)s baru saja dipakai di layar lain.") % {"code": booking.display_code})
    return visit


def refuse_unusable(booking: Booking | None, *, code: str, today: date) -> None:
    shown = f"{CODE_PREFIX}-{clean_code(code)}" if clean_code(code) else _("yang diketik")
    if booking is None:
        raise BookingRefused(_("Kode %(code)s tidak ditemukan. Periksa kembali kodenya.") % {"code": shown})
    if booking.visit_id is not None or booking.used_at is not None:
        used = _used_phrase(booking)
        raise BookingRefused(_("Kode %(code)s sudah dipakai%(used)s.") % {"code": booking.display_code, "used": used})
    planned = date_format(booking.planned_date, "j F Y")
    if booking.planned_date < today:
        raise BookingRefused(_("Kode %(code)s berlaku untuk %(day)s dan sudah kedaluwarsa. "
                               "Silakan daftar sebagai tamu baru.") % {"code": booking.display_code, "day": planned})
    if booking.planned_date > today:
        raise BookingRefused(_("Kode %(code)s untuk kunjungan tanggal %(day)s, belum berlaku hari ini. "
                               "Silakan daftar sebagai tamu baru.") % {"code": booking.display_code, "day": planned})


def _used_phrase(booking: Booking) -> str:
    visit = booking.visit
    if visit is None:
        return ""
    return _(": tamu tercatat dengan nomor antrean %(number)s pukul %(time)s") % {
        "number": visit.queue_number, "time": local_time(visit.created_at)}


def expected_on(day: date):
    """The day's bookings, morning first, with the visit each became (if the guest came)."""
    return Booking.objects.filter(planned_date=day).select_related("suggested_bidang", "visit", "referred_from")
