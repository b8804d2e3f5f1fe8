"""The user account: a person of the office, with the Bidang a staff member belongs to and the WhatsApp
number colleagues reach them at."""

from django.contrib.auth.models import AbstractUser, UserManager
from django.db import models
from django.utils.translation import gettext_lazy as _

from .whatsapp import validate_mobile


class Jabatan(models.TextChoices):
    SEKRETARIS = "sekretaris", _("Sekretaris")
    KABID = "kabid", _("Kepala Bidang")
    KASUBBID = "kasubbid", _("Kepala Subbidang")
    KASUBBAG = "kasubbag", _("Kepala Subbagian")
    PELAKSANA = "pelaksana", _("Pelaksana")


# The condition that keeps a list of people to the office acted for: set by offices at start-up
# (offices.apps), since pojok depends on no app. Without it (or with no office acted for) every account.
PEOPLE_SCOPE: list = []


class PeopleManager(UserManager):
    """Accounts, as lists of people are read: a login finds any account (no office is acted for yet), a
    page of an office lists that office's people only."""

    def get_queryset(self):
        people = super().get_queryset()
        return people.filter(PEOPLE_SCOPE[0]()) if PEOPLE_SCOPE else people


class User(AbstractUser):
    bidang = models.ForeignKey(
        "routing.Bidang",
        verbose_name=_("Bidang"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="staff",
        help_text=_("Wajib untuk Staf Bidang: setiap staf milik tepat satu Bidang."),
    )
    jabatan = models.CharField(_("jabatan"), max_length=20, choices=Jabatan.choices, blank=True)
    office = models.ForeignKey(
        "offices.Office", verbose_name=_("kantor (OPD)"), null=True, blank=True, on_delete=models.PROTECT,
        related_name="staff",
        help_text=_("Kantor tempat pegawai ini bekerja. Kosong hanya untuk peran kabupaten (Inspektorat, Setda)."),
    )
    whatsapp = models.CharField(
        _("nomor WhatsApp"), max_length=20, blank=True, validators=[validate_mobile],
        help_text=_("Nomor ponsel untuk tautan WhatsApp dari triase, misalnya 0812-3456-7890 (disimpan 62…)."),
    )

    objects = PeopleManager()

    class Meta(AbstractUser.Meta):
        verbose_name = _("pengguna")
        verbose_name_plural = _("pengguna")

    def get_additional_data(self) -> dict:
        """Beside a change to this account in the record of rule changes (audit): the office it is of."""
        return {"office": self.office_id}

    @property
    def display_name(self) -> str:
        return self.get_full_name() or self.username


class IdempotencyKey(models.Model):
    """A form sent once, by the key it carried (pojok.idempotency): its retries get the same answer.

    `result` is what the first sending produced (the page it went on to, or the visit it made);
    `scope` keeps one screen's keys apart from another's. Rows older than a week are removed by
    `manage.py housekeeping`. No guest data: a key, a path, an id.
    """

    scope = models.CharField(_("lingkup"), max_length=200)
    key = models.UUIDField(_("kunci"))
    result = models.CharField(_("hasil"), max_length=500, blank=True)
    created_at = models.DateTimeField(_("waktu"), db_index=True)

    class Meta:
        verbose_name = _("kunci kirim-sekali")
        verbose_name_plural = _("kunci kirim-sekali")
        constraints = [models.UniqueConstraint(fields=["scope", "key"], name="idempotency_key_once")]

    def __str__(self) -> str:
        return f"{self.scope} {self.key}"


class ThrottleCount(models.Model):
    """How many tries one sender made at one guarded thing in one window (pojok.throttle).

    `sender` is a keyed fingerprint of the network address (pojok.security.fingerprint), never the
    address itself. `manage.py housekeeping` removes windows that have ended.
    """

    bucket = models.CharField(_("yang dibatasi"), max_length=40)
    sender = models.CharField(_("pengirim (sidik)"), max_length=64)
    window_start = models.DateTimeField(_("awal jendela"))
    ends_at = models.DateTimeField(_("akhir jendela"), db_index=True)
    hits = models.PositiveIntegerField(_("percobaan"), default=0)

    class Meta:
        verbose_name = _("hitungan pembatas")
        verbose_name_plural = _("hitungan pembatas")
        constraints = [models.UniqueConstraint(fields=["bucket", "sender", "window_start"],
                                               name="throttle_window")]
