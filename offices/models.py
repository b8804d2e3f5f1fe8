"""An office (OPD) of the kabupaten: everything a guest desk keeps belongs to one (offices.tenancy)."""

from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from pojok.whatsapp import validate_mobile


class TimeZone(models.TextChoices):
    WIB = "Asia/Jakarta", _("WIB (Asia/Jakarta)")
    WITA = "Asia/Makassar", _("WITA (Asia/Makassar)")
    WIT = "Asia/Jayapura", _("WIT (Asia/Jayapura)")


class Template(models.TextChoices):
    BPKAD = "bpkad", _("BPKAD: katalog Bidang keuangan dan aset")
    GENERIC = "umum", _("Umum: Sekretariat dan subbagiannya")


class Office(models.Model):
    code = models.SlugField(
        _("kode"), max_length=30, unique=True,
        validators=[RegexValidator(r"^[a-z0-9-]+$", _("Huruf kecil, angka dan tanda hubung saja."))],
        help_text=_("Dipakai di alamat halaman tamu (/o/kode/) dan nama berkas ekspor, misalnya bpkad."),
    )
    name = models.CharField(_("nama"), max_length=150, unique=True)
    short_name = models.CharField(_("nama singkat"), max_length=40)
    time_zone = models.CharField(_("zona waktu"), max_length=40, choices=TimeZone.choices, default=TimeZone.WIB)
    address = models.CharField(_("alamat"), max_length=250, blank=True)
    telephone = models.CharField(_("telepon"), max_length=30, blank=True)
    whatsapp = models.CharField(_("nomor WhatsApp"), max_length=20, blank=True, validators=[validate_mobile])
    template = models.CharField(_("dimulai dari templat"), max_length=10, choices=Template.choices,
                                default=Template.GENERIC, editable=False)

    class Meta:
        verbose_name = _("kantor (OPD)")
        verbose_name_plural = _("kantor (OPD)")
        ordering = ["name"]
        permissions = [("view_every_office", "Membaca angka setiap kantor (peran kabupaten)")]

    def __str__(self) -> str:
        return self.short_name or self.name
