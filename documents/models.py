"""Filed packs: the monthly SOP pack as it was made, kept for the Inspektorat and the Ombudsman.

A pack is written once and never changed: `save()` refuses to update a filed row and `delete()`
refuses to remove one (the admin shows them read-only). Making the same month's pack again files
a new version beside the old ones; the unique (period, version) constraint keeps two makers from
taking the same number. Each row keeps the PDF itself, its SHA-256, its size, when it was made,
and who made it (a user) or what (the monthly job).
"""

import hashlib

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from offices.tenancy import OfficeOwned


class PackRefused(Exception):
    """A filed pack is never overwritten or removed."""


class FiledPack(OfficeOwned):
    SOP = "sop"
    KINDS = [(SOP, _("Laporan bulanan kepatuhan SOP"))]

    kind = models.CharField(_("jenis"), max_length=20, choices=KINDS, default=SOP)
    period_start = models.DateField(_("periode dari"))
    period_end = models.DateField(_("periode sampai"))
    version = models.PositiveIntegerField(_("versi"))
    content = models.BinaryField(_("isi PDF"))
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    size = models.PositiveIntegerField(_("ukuran (bita)"))
    made_at = models.DateTimeField(_("dibuat"))
    made_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("dibuat oleh"), null=True, blank=True,
                                on_delete=models.PROTECT, related_name="+")
    made_how = models.CharField(_("dibuat dengan"), max_length=200,
                                help_text=_("Apa yang membuatnya: tugas bulanan (systemd), perintah, atau halaman."))
    signer = models.CharField(_("penandatangan"), max_length=200, blank=True)

    class Meta:
        ordering = ["-period_start", "kind", "-version"]
        verbose_name = _("laporan terarsip")
        verbose_name_plural = _("laporan terarsip")
        constraints = [models.UniqueConstraint(fields=["office", "kind", "period_start", "period_end", "version"],
                                               name="filed_pack_version_once")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.period_start:%m/%Y} v{self.version}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise PackRefused(_("Laporan terarsip tidak dapat diubah; buat versi baru."))
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise PackRefused(_("Laporan terarsip tidak dapat dihapus."))

    @property
    def filename(self) -> str:
        return f"laporan-sop-{self.period_start:%Y-%m}-v{self.version}.pdf"

    def intact(self) -> bool:
        """Whether the stored PDF still has the SHA-256 it was filed with."""
        return hashlib.sha256(bytes(self.content)).hexdigest() == self.sha256
