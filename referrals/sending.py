"""Referring a guest to another office, and that office receiving the referral: the two verbs.

`send()` writes, in one transaction, the receiving office's own record of the guest (acted for as that
office: a booking with its own code and suggested Bidang, or, for a guest who telephoned or wrote, a
remote request in its triage queue), the referral, and, from triage, the sending
visit's move "refer" (step 4 ends with the guest sent on). `receive()` is the receiving office saying it
has the referral in hand; a guest who comes with the code is received by coming.
"""

from dataclasses import dataclass
from datetime import date

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from booking.bookings import register_referred
from offices.current import acting_for
from offices.current import get as current_office
from pojok import clock
from pojok.whatsapp import WaLink, wa_link
from visits.models import MoveRefused, State, Visit

from . import policy
from .models import REASON_MAX_LENGTH, FromStep, Referral


class ReferralRefused(Exception):
    """A referral not made (or not received); the message says why, for the person at the screen."""


@dataclass(frozen=True)
class Request:
    """What the referring officer fills in: the office, why, what the guest needs there, and when."""

    to_office: object
    reason: str
    need: str
    planned_date: date | None  # when a guest at the door goes there; none for a remote request
    part_of_day: str
    consent: bool


def send(*, visit: Visit, by, request: Request, at=None) -> Referral:
    at = at or clock.now()
    from_step = _from_step(visit, by)
    _check(visit, request, at)
    with transaction.atomic():
        if from_step == FromStep.TRIAGE:
            move = "refer_remote" if visit.is_remote else "refer"
            try:
                visit.advance(move, by=by, at=at, note=_note(request))
            except MoveRefused as refusal:
                raise ReferralRefused(str(refusal)) from refusal
        sending = current_office()
        with acting_for(request.to_office):
            held_there = _held_there(visit, request, sending, at)
        return Referral.objects.create(
            from_office=sending, to_office=request.to_office, visit=visit, from_step=from_step,
            reason=request.reason.strip(), consent_at=at, sent_at=at, sent_on=timezone.localdate(at), sent_by=by,
            **held_there)


def _held_there(visit: Visit, request: Request, sending, at) -> dict:
    """The receiving office's own record, made as that office: a remote request stays a remote request
    (in its triage queue); a guest at the door gets a booking there, with a code to show."""
    guest = {"guest_name": visit.guest_name, "origin": visit.origin, "phone": visit.phone,
             "keperluan": request.need.strip()}
    if visit.is_remote:
        return {"remote_request": Visit.record_referred_remote(
            channel=visit.channel, referred_from=sending.short_name, at=at, **guest)}
    return {"booking": register_referred(referred_from=sending, planned_date=request.planned_date,
                                         part_of_day=request.part_of_day, now=at, **guest)}


def _from_step(visit: Visit, by) -> int:
    if visit.state == State.TRIAGE and policy.can_refer_from_triage(by):
        return FromStep.TRIAGE
    if policy.can_refer_after_consultation(by, visit):
        return FromStep.CONSULTATION
    raise PermissionDenied


def _check(visit: Visit, request: Request, at) -> None:
    if Referral.objects.filter(visit=visit).exists():
        raise ReferralRefused(_("Tamu ini sudah dirujuk dari kunjungan ini."))
    if not request.consent:
        raise ReferralRefused(_("Rujukan hanya dikirim dengan persetujuan tamu: tanyakan dahulu, lalu centang."))
    if request.to_office is None or request.to_office.pk == visit.office_id:
        raise ReferralRefused(_("Pilih OPD tujuan yang lain dari kantor ini."))
    if not request.reason.strip() or not request.need.strip():
        raise ReferralRefused(_("Alasan rujukan dan keperluan tamu di OPD tujuan wajib diisi."))
    if len(request.reason) > REASON_MAX_LENGTH:
        raise ReferralRefused(_("Alasan terlalu panjang: paling banyak %(max)d karakter.") % {"max": REASON_MAX_LENGTH})
    if not visit.is_remote and request.planned_date < timezone.localdate(at):
        raise ReferralRefused(_("Tanggal datang ke OPD tujuan tidak boleh sebelum hari ini."))


def _note(request: Request) -> str:
    note = _("Dirujuk ke %(office)s: %(reason)s") % {"office": request.to_office.short_name,
                                                      "reason": " ".join(request.reason.split())}
    return note[:400]


def receive(*, referral: Referral, by, at=None) -> Referral:
    """The receiving office has it in hand (the first "received" counts; a second click changes nothing)."""
    if not policy.can_receive(by) or referral.to_office_id != by.office_id:
        raise PermissionDenied
    at = at or clock.now()
    Referral.objects.received().filter(pk=referral.pk, received_at__isnull=True).update(received_at=at, received_by=by)
    referral.refresh_from_db()
    return referral


def whatsapp_to_guest(referral: Referral) -> WaLink:
    """To the guest: where to go and the code to show there (or, for a remote request, that the office will
    answer), and how to reach the office (its WhatsApp)."""
    office, held = referral.to_office, referral.held_there
    contact = wa_link(office.whatsapp, "")
    reach = _(" WhatsApp kantor: %(url)s.") % {"url": f"https://wa.me/{contact.number}"} if contact else ""
    phone = _(" Telepon: %(phone)s.") % {"phone": office.telephone} if office.telephone else ""
    if referral.booking is None:
        text = _("Yth. Bapak/Ibu %(name)s, permintaan Anda kami teruskan ke %(office)s, %(address)s, yang akan "
                 "menghubungi Anda.%(phone)s%(reach)s Terima kasih.") % {
            "name": held.guest_name, "office": office.name, "address": office.address or "-", "phone": phone,
            "reach": reach}
        return wa_link(held.phone, text)
    text = _("Yth. Bapak/Ibu %(name)s, keperluan Anda dapat dilayani oleh %(office)s, %(address)s. "
             "Tunjukkan kode %(code)s di meja depan pada %(day)s (%(part)s).%(phone)s%(reach)s Terima kasih.") % {
        "name": held.guest_name, "office": office.name, "address": office.address or "-",
        "code": held.display_code, "day": held.planned_date.strftime("%d-%m-%Y"),
        "part": held.get_part_of_day_display().lower(), "phone": phone, "reach": reach}
    return wa_link(held.phone, text)


def office_chat(office) -> WaLink:
    """The receiving office's own WhatsApp, for the guest to write to it."""
    return wa_link(office.whatsapp, _("Selamat pagi, saya dirujuk ke %(office)s.") % {"office": office.short_name})
