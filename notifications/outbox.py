"""Queue emails (to a Bidang's staff with a routing, to a guest with a booking code), and the same as
WhatsApp template messages when the Cloud API is configured, and send them once the transaction that
wrote them has committed."""

import logging

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.mail import EmailMessage, get_connection
from django.db import transaction

from pojok import clock
from pojok.roles import CONSULT_PERM
from pojok.whatsapp import mobile_number

from . import whatsapp_cloud
from .models import Channel, Notification, Status

log = logging.getLogger(__name__)


def bidang_addresses(bidang) -> list[tuple[object, str]]:
    """(user, email) of the Bidang's active staff with an address, then the unit's own address."""
    staff = (
        get_user_model().objects.with_perm(CONSULT_PERM, is_active=True, include_superusers=False)
        .filter(bidang=bidang).exclude(email="").order_by("pk")
    )
    addresses = [(user, user.email) for user in staff]
    if bidang.email and bidang.email not in {email for _, email in addresses}:
        addresses.append((None, bidang.email))
    return addresses


def queue_bidang_email(*, bidang, subject: str, body: str, visit=None) -> list[Notification]:
    """Write one outbox row per recipient and send them after the surrounding transaction commits."""
    rows = Notification.objects.bulk_create([
        Notification(bidang=bidang, visit=visit, recipient=user, to_email=email, subject=subject[:200], body=body)
        for user, email in bidang_addresses(bidang)
    ])
    _send_after_commit(rows)
    return rows


def queue_guest_email(*, to_email: str, subject: str, body: str) -> Notification:
    """One email to a guest, sent like the Bidang's: after the commit, retried by send_notifications."""
    row = Notification.objects.create(to_email=to_email, subject=subject[:200], body=body)
    _send_after_commit([row])
    return row


def bidang_whatsapp_numbers(bidang) -> list[tuple[object, str]]:
    """(user, 62… number) of the Bidang's active staff with a WhatsApp number in their profile."""
    staff = (
        get_user_model().objects.with_perm(CONSULT_PERM, is_active=True, include_superusers=False)
        .filter(bidang=bidang).exclude(whatsapp="").order_by("pk")
    )
    return [(user, user.whatsapp) for user in staff]


def queue_bidang_whatsapp(*, bidang, template: str, parameters: list, text: str, visit=None) -> list[Notification]:
    """With the Cloud API configured, one template message per staff member with a number; else none."""
    if not whatsapp_cloud.enabled():
        return []
    rows = Notification.objects.bulk_create([
        Notification(bidang=bidang, visit=visit, recipient=user, channel=Channel.WHATSAPP, to_phone=number,
                     template=template, parameters=[str(value) for value in parameters], subject=template,
                     body=text)
        for user, number in bidang_whatsapp_numbers(bidang)
    ])
    _send_after_commit(rows)
    return rows


def queue_guest_whatsapp(*, phone: str, template: str, parameters: list, text: str) -> Notification | None:
    """A template message to a guest's mobile number, when configured and the number is one."""
    try:
        number = mobile_number(phone)
    except ValidationError:
        return None
    if not whatsapp_cloud.enabled():
        return None
    row = Notification.objects.create(channel=Channel.WHATSAPP, to_phone=number, template=template,
                                      parameters=[str(value) for value in parameters], subject=template, body=text)
    _send_after_commit([row])
    return row


def _send_after_commit(rows) -> None:
    ids = [row.pk for row in rows]
    if ids:
        # Sending in the request would hold the routing hostage to the mail server: wait for the commit,
        # and let a failure stay in the outbox for the next run of send_notifications.
        transaction.on_commit(lambda: send_pending(ids=ids))


def send_pending(*, ids=None, now=None) -> dict:
    """Send the outbox rows still to retry (all, or those `ids`); a mail failure is recorded, never raised."""
    rows = Notification.objects.to_retry().order_by("created_at", "pk")
    if ids is not None:
        rows = rows.filter(pk__in=ids)
    counts = {"sent": 0, "failed": 0}
    # The rows stay locked while they are sent (skip_locked on PostgreSQL): two overlapping cron runs,
    # or a cron run and a routing's own send, never send the same email twice.
    with transaction.atomic():
        claimed = list(rows.select_for_update(skip_locked=True))
        for row in claimed:
            if row.channel == Channel.WHATSAPP:
                counts["sent" if _send_whatsapp(row, now) else "failed"] += 1
        emails = [row for row in claimed if row.channel == Channel.EMAIL]
        if emails:
            _send_emails(emails, now, counts)
    return counts


def _send_emails(rows, now, counts) -> None:
    connection = get_connection(fail_silently=False)
    try:
        connection.open()
    except Exception as error:  # noqa: BLE001 - any mail failure: keep the rows for the next run
        log.warning("Server email tidak dapat dihubungi: %s", error)
        for row in rows:
            _record(row, now, error=error)
        counts["failed"] += len(rows)
        return
    try:
        for row in rows:
            counts["sent" if _send_one(row, connection, now) else "failed"] += 1
    finally:
        connection.close()


def _send_whatsapp(row: Notification, now) -> bool:
    try:
        whatsapp_cloud.send_template(to=row.to_phone, template=row.template, parameters=row.parameters)
    except whatsapp_cloud.WhatsAppError as error:
        log.warning("Notifikasi WhatsApp %s gagal: %s", row.pk, error)
        _record(row, now, error=error)
        return False
    _record(row, now)
    return True


def _send_one(row: Notification, connection, now) -> bool:
    message = EmailMessage(row.subject, row.body, to=[row.to_email], connection=connection)
    try:
        message.send()
    except Exception as error:  # noqa: BLE001 - a mail failure is recorded, never raised
        log.warning("Notifikasi %s ke %s gagal: %s", row.pk, row.to_email, error)
        _record(row, now, error=error)
        return False
    _record(row, now)
    return True


def _record(row: Notification, now, *, error=None) -> None:
    now = now or clock.now()
    changes = {"attempts": row.attempts + 1, "last_attempt_at": now}
    if error is None:
        changes.update(status=Status.SENT, sent_at=now, last_error="")
    else:
        changes.update(status=Status.FAILED, last_error=str(error)[:2000] or error.__class__.__name__)
    Notification.objects.filter(pk=row.pk).update(**changes)
