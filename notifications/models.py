"""The outbox of emails (and, when configured, WhatsApp template messages) telling a Bidang's staff
about a new guest, or a guest their booking code.

A row is written in the same transaction as the routing, and sent only after it commits: a mail
server that is down never blocks or undoes a routing. A failed row keeps its error, is retried
by `manage.py send_notifications` (cron), and shows in the admin.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from offices.tenancy import OfficeOwned, OfficeQuerySet, scoped
from pojok import clock

MAX_ATTEMPTS = 5


class Status(models.TextChoices):
    PENDING = "antre", _("Menunggu dikirim")
    SENT = "terkirim", _("Terkirim")
    FAILED = "gagal", _("Gagal")


class Channel(models.TextChoices):
    EMAIL = "email", _("Email")
    WHATSAPP = "whatsapp", _("WhatsApp (Cloud API)")


class NotificationQuerySet(OfficeQuerySet):
    def to_retry(self):
        """Rows still worth sending: waiting, or failed fewer than MAX_ATTEMPTS times."""
        return self.filter(status__in=[Status.PENDING, Status.FAILED], attempts__lt=MAX_ATTEMPTS)


class Notification(OfficeOwned):
    created_at = models.DateTimeField(_("dibuat"), default=clock.now)
    bidang = models.ForeignKey(  # empty for an email to a guest (a pre-registration's booking code)
        "routing.Bidang", verbose_name=_("Bidang"), null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    visit = models.ForeignKey(
        "visits.Visit", verbose_name=_("kunjungan"), null=True, blank=True, on_delete=models.CASCADE,
        related_name="notifications",
    )
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("penerima"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    channel = models.CharField(_("kanal"), max_length=10, choices=Channel.choices, default=Channel.EMAIL)
    to_email = models.EmailField(_("alamat email"), blank=True)
    to_phone = models.CharField(_("nomor WhatsApp"), max_length=16, blank=True)  # 62…, for the WhatsApp channel
    template = models.CharField(_("templat WhatsApp"), max_length=60, blank=True)  # an approved template's name
    parameters = models.JSONField(_("isian templat"), default=list, blank=True)  # its {{1}}, {{2}}, … in order
    subject = models.CharField(_("subjek"), max_length=200)
    body = models.TextField(_("isi"))
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PENDING)
    attempts = models.PositiveSmallIntegerField(_("percobaan"), default=0)
    last_attempt_at = models.DateTimeField(_("percobaan terakhir"), null=True, blank=True)
    sent_at = models.DateTimeField(_("terkirim pada"), null=True, blank=True)
    last_error = models.TextField(_("galat terakhir"), blank=True)

    objects = scoped(NotificationQuerySet)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("notifikasi")
        verbose_name_plural = _("notifikasi")
        indexes = [models.Index(fields=["status", "attempts"], name="notification_to_retry")]

    def __str__(self) -> str:
        return f"{self.to_email or self.to_phone}: {self.subject}"
