"""Master data the administrator edits: the SOP's steps and standards, the units guests come from,
and the documents a consultation may discuss."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from offices.tenancy import OfficeOwned

WAIT_STEP = 5  # the step whose first part is the guest's wait for the Bidang


class SopStep(OfficeOwned):
    """One step of the SOP with its time standard (Mutu Baku — Waktu), in one office."""

    number = models.PositiveSmallIntegerField(_("nomor"), validators=[MinValueValidator(1), MaxValueValidator(6)])
    name = models.CharField(_("kegiatan"), max_length=250)
    short_name = models.CharField(_("nama singkat"), max_length=60)
    performer = models.CharField(_("pelaksana"), max_length=120)
    standard_minutes = models.PositiveSmallIntegerField(
        _("standar waktu (menit)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text=_("Kosongkan bila SOP tidak menetapkan standar. Perubahan hanya berlaku untuk langkah berikutnya."),
    )
    wait_standard_minutes = models.PositiveSmallIntegerField(
        _("standar waktu tunggu Bidang (menit)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text=_("Hanya langkah 5: batas waktu tamu menunggu sejak diarahkan sampai diterima pejabat Bidang. "
                  "Kosongkan bila tidak ada. Perubahan hanya berlaku untuk kunjungan yang diarahkan sesudahnya."),
    )

    class Meta:
        ordering = ["number"]
        verbose_name = _("langkah SOP")
        verbose_name_plural = _("langkah SOP")
        constraints = [models.UniqueConstraint(fields=["office", "number"], name="sopstep_number_per_office")]

    def __str__(self) -> str:
        return f"{self.number}. {self.short_name}"

    def clean(self) -> None:
        if self.wait_standard_minutes is not None and self.number != WAIT_STEP:
            raise ValidationError({"wait_standard_minutes": _(
                "Standar waktu tunggu hanya untuk langkah 5 (menunggu diterima pejabat Bidang).")})


class Instansi(OfficeOwned):
    """A unit guests come from (OPD, kecamatan, agency): the check-in form's pick list."""

    name = models.CharField(_("nama"), max_length=150)
    active = models.BooleanField(_("aktif"), default=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("instansi/OPD")
        verbose_name_plural = _("instansi/OPD")
        constraints = [models.UniqueConstraint(fields=["office", "name"], name="instansi_name_per_office")]

    def __str__(self) -> str:
        return self.name


class DocumentType(OfficeOwned):
    """A kind of document a consultation may be about (SPD, SPM, LKPD, KIB, ...)."""

    code = models.CharField(_("kode"), max_length=20)
    name = models.CharField(_("nama"), max_length=150)
    order = models.PositiveSmallIntegerField(_("urutan"), default=0)
    active = models.BooleanField(_("aktif"), default=True)

    class Meta:
        ordering = ["order", "code"]
        verbose_name = _("jenis dokumen")
        verbose_name_plural = _("jenis dokumen")
        constraints = [models.UniqueConstraint(fields=["office", "code"], name="documenttype_code_per_office")]

    def __str__(self) -> str:
        return self.code


class ArrivalRule(OfficeOwned):
    """One item of the arrival checklist the desk and the kiosk tick at check-in (the manual's health
    protocol by default). With no active item the checklist is off."""

    text = models.CharField(_("butir"), max_length=120)
    order = models.PositiveSmallIntegerField(_("urutan"), default=0)
    active = models.BooleanField(_("aktif"), default=True)

    class Meta:
        ordering = ["order", "text"]
        verbose_name = _("butir protokol kedatangan")
        verbose_name_plural = _("protokol kedatangan")
        constraints = [models.UniqueConstraint(fields=["office", "text"], name="arrivalrule_text_per_office")]

    def __str__(self) -> str:
        return self.text
