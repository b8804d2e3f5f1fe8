"""What the office's documents carry, set by the administrator: the letterhead (kop surat) with its
logo, and the officials who sign a report (chosen per report, one of them the default).

The logo is kept in the database (a few kilobytes): the app has no media storage to serve or back up,
and a database backup (docs/backup.md) then holds everything a printed report needs.
"""

from django.core.validators import RegexValidator
from django.db import models
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from offices.tenancy import OfficeOwned, OfficeSettings
from pojok import clock

OFFICE = "Badan Pengelola Keuangan dan Aset Daerah Kabupaten Lampung Selatan"
GOVERNMENT = "PEMERINTAH KABUPATEN LAMPUNG SELATAN"
LOGO_TYPES = {"PNG": "image/png", "JPEG": "image/jpeg"}


class Letterhead(OfficeSettings):
    """One row per office: the kop surat of every printed report, PDF and XLSX."""

    government = models.CharField(_("pemerintah daerah"), max_length=150, default=GOVERNMENT)
    office_name = models.CharField(_("nama kantor"), max_length=200, default=OFFICE)
    address = models.CharField(_("alamat"), max_length=300, blank=True,
                               help_text=_("Alamat, telepon, surel, laman: satu baris di bawah nama kantor."))
    city = models.CharField(_("tempat penandatanganan"), max_length=60, default="Kalianda",
                            help_text=_("Ditulis di atas tanda tangan: “Kalianda, 1 Desember 2026”."))
    logo = models.BinaryField(_("logo"), blank=True, default=b"", editable=True)
    logo_type = models.CharField(_("jenis logo"), max_length=20, blank=True, editable=False)

    class Meta:
        verbose_name = _("kop surat")
        verbose_name_plural = _("kop surat")

    def __str__(self) -> str:
        return self.office_name

    @classmethod
    def defaults_for(cls, office) -> dict:
        return {} if office.template == "bpkad" else {"office_name": office.name}


class Signer(OfficeOwned):
    """An official who may sign a report: "Mengetahui, Kepala Badan ...", name, pangkat/golongan, NIP."""

    caption = models.CharField(_("keterangan"), max_length=60, default="Mengetahui,",
                               help_text=_("Baris pertama blok tanda tangan, misalnya “Mengetahui,”."))
    position = models.CharField(_("jabatan"), max_length=200,
                                default="Kepala Badan Pengelola Keuangan dan Aset Daerah")
    name = models.CharField(_("nama"), max_length=150)
    rank = models.CharField(_("pangkat/golongan"), max_length=100, blank=True)
    nip = models.CharField(_("NIP"), max_length=21, blank=True,
                           validators=[RegexValidator(r"^\d{18}$", _("NIP terdiri atas 18 angka."))])
    is_default = models.BooleanField(_("bawaan"), default=False,
                                     help_text=_("Dipakai bila pembuat laporan tidak memilih penandatangan."))
    active = models.BooleanField(_("aktif"), default=True)

    class Meta:
        ordering = ["-is_default", "name"]
        verbose_name = _("penandatangan laporan")
        verbose_name_plural = _("penandatangan laporan")

    def __str__(self) -> str:
        return f"{self.name} ({self.position})"

    @classmethod
    def chosen(cls, pk) -> "Signer | None":
        """The signer a report asked for (an id from the URL), else the default one, else None."""
        signers = cls.objects.filter(active=True)
        if pk and str(pk).isdigit():
            signer = signers.filter(pk=int(pk)).first()
            if signer:
                return signer
        return signers.order_by("-is_default", "name").first()


def signature_lines(letterhead: Letterhead, signer: Signer | None, day_text: str) -> list[str]:
    """The signature block as lines: place and date, caption, position, room to sign, name, rank, NIP."""
    if signer is None:
        return [f"{letterhead.city}, {day_text}", str(_("Mengetahui,")),
                str(_("Kepala Badan Pengelola Keuangan dan Aset Daerah")),
                "", "", "", "(................................................)", "NIP."]
    return [f"{letterhead.city}, {day_text}", signer.caption, signer.position, "", "", "", signer.name,
            *([signer.rank] if signer.rank else []), f"NIP. {signer.nip}" if signer.nip else "NIP."]


def signature_block(signer_id=None) -> list[str]:
    """The signature block of a print view, dated today: the signer asked for (an id), else the default."""
    return signature_lines(Letterhead.current(), Signer.chosen(signer_id), date_format(clock.today(), "j F Y"))
