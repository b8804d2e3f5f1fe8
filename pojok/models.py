"""The user account: a person of the office, with the Bidang a staff member belongs to."""

from django.contrib.auth.models import AbstractUser
from django.db import models


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
