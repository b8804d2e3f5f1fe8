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
