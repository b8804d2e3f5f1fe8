"""The devices at the door (a lobby display, a kiosk) and the calls shown on the display.

A device is not a person: it proves itself with a secret token kept in a signed cookie, stored
here only as a hash. A `Call` is a Bidang's "panggil" of a waiting guest's queue number.
"""

import hashlib
import hmac
import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from offices.tenancy import AllOffices, OfficeOwned, scoped
from pojok import clock


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class Device(OfficeOwned):
    class Kind(models.TextChoices):
        DISPLAY = "display", _("Layar antrean")
        KIOSK = "kiosk", _("Kios mandiri")

    name = models.CharField(_("nama"), max_length=80)
    kind = models.CharField(_("jenis"), max_length=10, choices=Kind.choices)
    token_hash = models.CharField(max_length=64, blank=True, editable=False)
    pairing_hash = models.CharField(max_length=64, blank=True, editable=False)
    active = models.BooleanField(
        _("aktif"), default=True, help_text=_("Hapus centang untuk mencabut perangkat: langsung berhenti bekerja."))
    paired_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("dipasangkan oleh"), null=True,
                                  blank=True, on_delete=models.SET_NULL, related_name="+", editable=False)
    created_at = models.DateTimeField(_("dibuat"), default=clock.now, editable=False)
    paired_at = models.DateTimeField(_("dipasangkan"), null=True, blank=True, editable=False)
    last_seen = models.DateTimeField(_("terakhir terlihat"), null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("perangkat")
        verbose_name_plural = _("perangkat")
        ordering = ["name"]

    def __str__(self) -> str:
        return f"{self.name} ({self.get_kind_display()})"

    def new_pairing_token(self, *, by) -> str:
        """A one-time pairing code; it also unpairs the device until the code is used."""
        token = secrets.token_urlsafe(24)
        self.pairing_hash, self.token_hash, self.paired_by = hash_token(token), "", by
        self.save(update_fields=["pairing_hash", "token_hash", "paired_by"])
        return token

    def pair(self, *, at=None) -> str:
        """Use up the pairing code: the device's own secret, to keep in its cookie."""
        secret = secrets.token_urlsafe(32)
        self.token_hash, self.pairing_hash, self.paired_at = hash_token(secret), "", at or clock.now()
        self.save(update_fields=["token_hash", "pairing_hash", "paired_at"])
        return secret

    def has_secret(self, secret: str) -> bool:
        return bool(self.token_hash) and hmac.compare_digest(self.token_hash, hash_token(secret))


class Call(models.Model):
    """A Bidang calls a waiting guest by queue number; the lobby display shows and speaks it."""

    visit = models.ForeignKey("visits.Visit", on_delete=models.CASCADE, related_name="calls")
    objects = scoped(through="visit")  # the office is its visit's
    all_offices = AllOffices()
    bidang = models.ForeignKey("routing.Bidang", on_delete=models.PROTECT, related_name="+")
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField(default=clock.now)

    class Meta:
        verbose_name = _("panggilan")
        verbose_name_plural = _("panggilan")
        ordering = ["-at", "-pk"]
        indexes = [models.Index(fields=["at"], name="lobby_call_at")]
