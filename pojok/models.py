"""The user account: a person of the office, with the Bidang a staff member belongs to and the WhatsApp
number colleagues reach them at."""

from django.contrib.auth.models import AbstractUser
from django.db import models

from .whatsapp import validate_mobile


class Jabatan(models.TextChoices):
    SEKRETARIS = "sekretaris", "Sekretaris"
    KABID = "kabid", "Kepala Bidang"
    KASUBBID = "kasubbid", "Kepala Subbidang"
    KASUBBAG = "kasubbag", "Kepala Subbagian"
    PELAKSANA = "pelaksana", "Pelaksana"


class User(AbstractUser):
    bidang = models.ForeignKey(
        "routing.Bidang",
        verbose_name="Bidang",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="staff",
        help_text="Wajib untuk Staf Bidang: setiap staf milik tepat satu Bidang.",
    )
    jabatan = models.CharField("jabatan", max_length=20, choices=Jabatan.choices, blank=True)
    whatsapp = models.CharField(
        "nomor WhatsApp", max_length=20, blank=True, validators=[validate_mobile],
        help_text="Nomor ponsel untuk tautan WhatsApp dari triase, misalnya 0812-3456-7890 (disimpan 62…).",
    )

    class Meta(AbstractUser.Meta):
        verbose_name = "pengguna"
        verbose_name_plural = "pengguna"

    @property
    def display_name(self) -> str:
        return self.get_full_name() or self.username


class SingletonSettings(models.Model):
    """Settings the administrator edits, kept in one row (pk 1); its defaults until first saved."""

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        self.pk = 1  # a singleton: there is only ever the one row
        super().save(*args, **kwargs)

    @classmethod
    def current(cls):
        """The row in force, or the defaults when the administrator never saved one (no write on read)."""
        return cls.objects.filter(pk=1).first() or cls(pk=1)


class IdempotencyKey(models.Model):
    """A form sent once, by the key it carried (pojok.idempotency): its retries get the same answer.

    `result` is what the first sending produced (the page it went on to, or the visit it made);
    `scope` keeps one screen's keys apart from another's. Rows older than a week are removed by
    `manage.py housekeeping`. No guest data: a key, a path, an id.
    """

    scope = models.CharField("lingkup", max_length=200)
    key = models.UUIDField("kunci")
    result = models.CharField("hasil", max_length=500, blank=True)
    created_at = models.DateTimeField("waktu", db_index=True)

    class Meta:
        verbose_name = "kunci kirim-sekali"
        verbose_name_plural = "kunci kirim-sekali"
        constraints = [models.UniqueConstraint(fields=["scope", "key"], name="idempotency_key_once")]

    def __str__(self) -> str:
        return f"{self.scope} {self.key}"


class ThrottleCount(models.Model):
    """How many tries one sender made at one guarded thing in one window (pojok.throttle).

    `sender` is a keyed fingerprint of the network address (pojok.security.fingerprint), never the
    address itself. `manage.py housekeeping` removes windows that have ended.
    """

    bucket = models.CharField("yang dibatasi", max_length=40)
    sender = models.CharField("pengirim (sidik)", max_length=64)
    window_start = models.DateTimeField("awal jendela")
    ends_at = models.DateTimeField("akhir jendela", db_index=True)
    hits = models.PositiveIntegerField("percobaan", default=0)

    class Meta:
        verbose_name = "hitungan pembatas"
        verbose_name_plural = "hitungan pembatas"
        constraints = [models.UniqueConstraint(fields=["bucket", "sender", "window_start"],
                                               name="throttle_window")]
