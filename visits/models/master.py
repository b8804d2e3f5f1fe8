"""Master data the administrator edits: the SOP's steps and standards, the units guests come from,
and the documents a consultation may discuss."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models

WAIT_STEP = 5  # the step whose first part is the guest's wait for the Bidang


class SopStep(models.Model):
    """One step of the SOP with its time standard (Mutu Baku — Waktu)."""

    number = models.PositiveSmallIntegerField(
        "nomor", primary_key=True, validators=[MinValueValidator(1), MaxValueValidator(6)]
    )
    name = models.CharField("kegiatan", max_length=250)
    short_name = models.CharField("nama singkat", max_length=60)
    performer = models.CharField("pelaksana", max_length=120)
    standard_minutes = models.PositiveSmallIntegerField(
        "standar waktu (menit)",
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text="Kosongkan bila SOP tidak menetapkan standar. Perubahan hanya berlaku untuk langkah berikutnya.",
    )
    wait_standard_minutes = models.PositiveSmallIntegerField(
        "standar waktu tunggu Bidang (menit)",
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text="Hanya langkah 5: batas waktu tamu menunggu sejak diarahkan sampai diterima pejabat Bidang. "
                  "Kosongkan bila tidak ada. Perubahan hanya berlaku untuk kunjungan yang diarahkan sesudahnya.",
    )

    class Meta:
        ordering = ["number"]
        verbose_name = "langkah SOP"
        verbose_name_plural = "langkah SOP"

    def __str__(self) -> str:
        return f"{self.number}. {self.short_name}"

    def clean(self) -> None:
        if self.wait_standard_minutes is not None and self.number != WAIT_STEP:
            raise ValidationError({"wait_standard_minutes": "Standar waktu tunggu hanya untuk langkah 5 "
                                                            "(menunggu diterima pejabat Bidang)."})


class Instansi(models.Model):
    """A unit guests come from (OPD, kecamatan, agency): the check-in form's pick list."""

    name = models.CharField("nama", max_length=150, unique=True)
    active = models.BooleanField("aktif", default=True)

    class Meta:
        ordering = ["name"]
        verbose_name = "instansi/OPD"
        verbose_name_plural = "instansi/OPD"

    def __str__(self) -> str:
        return self.name


class DocumentType(models.Model):
    """A kind of document a consultation may be about (SPD, SPM, LKPD, KIB, ...)."""

    code = models.CharField("kode", max_length=20, unique=True)
    name = models.CharField("nama", max_length=150)
    order = models.PositiveSmallIntegerField("urutan", default=0)
    active = models.BooleanField("aktif", default=True)

    class Meta:
        ordering = ["order", "code"]
        verbose_name = "jenis dokumen"
        verbose_name_plural = "jenis dokumen"

    def __str__(self) -> str:
        return self.code


class ArrivalRule(models.Model):
    """One item of the arrival checklist the desk and the kiosk tick at check-in (the manual's health
    protocol by default). With no active item the checklist is off."""

    text = models.CharField("butir", max_length=120, unique=True)
    order = models.PositiveSmallIntegerField("urutan", default=0)
    active = models.BooleanField("aktif", default=True)

    class Meta:
        ordering = ["order", "text"]
        verbose_name = "butir protokol kedatangan"
        verbose_name_plural = "protokol kedatangan"

    def __str__(self) -> str:
        return self.text
