"""A guest's pre-registration: who is coming, when, for what, and the booking code they show at the door.

The code is short, typed or scanned (a USB scanner types it like a keyboard) and made of characters
that cannot be misread (no 0/O, 1/I/L). It is good for its planned day only, and for one arrival:
`visit` is set, under a row lock, when the guest checks in.
"""

import secrets

from django.db import models
from django.utils.translation import gettext_lazy as _

from offices.tenancy import OfficeOwned
from pojok import clock

CODE_PREFIX = "PK"
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 6


def new_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def clean_code(typed: str) -> str:
    """What a person or a scanner typed, in the stored form: 'pk-7q3 xkd' -> '7Q3XKD'."""
    code = "".join(ch for ch in (typed or "").upper() if ch.isalnum())
    return code[len(CODE_PREFIX):] if code.startswith(CODE_PREFIX) and len(code) > CODE_LENGTH else code


class PartOfDay(models.TextChoices):
    MORNING = "pagi", _("Pagi (08.00–12.00)")
    AFTERNOON = "siang", _("Siang (13.00–16.00)")


class Booking(OfficeOwned):
    code = models.CharField(_("kode"), max_length=CODE_LENGTH, unique=True)
    guest_name = models.CharField(_("nama tamu"), max_length=120)
    origin = models.CharField(_("asal instansi/OPD"), max_length=150)
    phone = models.CharField(_("nomor telepon"), max_length=20, db_index=True)
    email = models.EmailField(_("email"), blank=True)
    keperluan = models.TextField(_("keperluan"), max_length=1000)
    planned_date = models.DateField(_("tanggal rencana datang"))
    part_of_day = models.CharField(_("waktu"), max_length=5, choices=PartOfDay.choices)
    suggested_bidang = models.ForeignKey(
        "routing.Bidang", verbose_name=_("usulan Bidang"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )
    suggested_topic = models.ForeignKey(
        "routing.Topic", verbose_name=_("usulan topik"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("didaftarkan"), default=clock.now)
    created_on = models.DateField(_("tanggal daftar"), db_index=True)  # for the per-day limits
    source = models.CharField(_("jaringan pengirim (sidik)"), max_length=16, blank=True, db_index=True)
    visit = models.OneToOneField(
        "visits.Visit", verbose_name=_("kunjungan"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="booking",
    )
    used_at = models.DateTimeField(_("dipakai pada"), null=True, blank=True)
    # A guest another office referred here (referrals): shown so among the day's expected guests.
    referred_from = models.ForeignKey("offices.Office", verbose_name=_("dirujuk dari"), null=True, blank=True,
                                      on_delete=models.PROTECT, related_name="+", editable=False)

    class Meta:
        ordering = ["planned_date", "part_of_day", "created_at"]
        verbose_name = _("pendaftaran kunjungan")
        verbose_name_plural = _("pendaftaran kunjungan")
        indexes = [models.Index(fields=["planned_date", "part_of_day"], name="booking_planned")]

    def __str__(self) -> str:
        return f"{self.display_code} {self.guest_name}"

    @property
    def display_code(self) -> str:
        return f"{CODE_PREFIX}-{self.code}"
