"""How a paired device is recognised: its secret travels in a long-lived signed cookie.

The cookie holds "<device id>:<secret>"; the database holds only the secret's hash, so a
stolen database cannot be turned into a working device, and revoking (active=False) or
re-pairing stops the old cookie at the next request.
"""

from datetime import timedelta

from django.conf import settings
from django.core import signing

from pojok import clock

from .models import Device

COOKIE = "pojok_device"
SALT = "lobby.device"
MAX_AGE = int(timedelta(days=5 * 365).total_seconds())
SEEN_EVERY = timedelta(minutes=1)  # a display polls every few seconds: do not write on each poll


def cookie_value(request) -> str | None:
    """The signed cookie's content, if it carries a valid signature."""
    try:
        return request.get_signed_cookie(COOKIE, salt=SALT, default=None)
    except signing.BadSignature:
        return None


def device_of(request) -> Device | None:
    """The active device this request comes from (of whichever office: its page then acts for it), or None."""
    value = cookie_value(request)
    device_id, _, secret = (value or "").partition(":")
    if not device_id.isdigit() or not secret:
        return None
    device = Device.all_offices.select_related("office").filter(pk=int(device_id), active=True).first()
    if device is None or not device.has_secret(secret):
        return None
    _note_seen(device)
    return device


def remember_device(response, device: Device, secret: str) -> None:
    response.set_signed_cookie(COOKIE, f"{device.pk}:{secret}", salt=SALT, max_age=MAX_AGE,
                               httponly=True, samesite="Lax", secure=settings.SESSION_COOKIE_SECURE)


def _note_seen(device: Device) -> None:
    now = clock.now()
    if device.last_seen is None or now - device.last_seen >= SEEN_EVERY:
        Device.all_offices.filter(pk=device.pk).update(last_seen=now)
        device.last_seen = now
