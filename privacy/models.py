"""The privacy settings the administrator edits (how long guests' personal data is kept, whom to ask)
and the log of what was done with that data: exports, erasures on request, the retention job.

The log never holds the personal data itself: only who, when, what kind and how many rows.
"""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from offices.tenancy import OfficeOwned, OfficeSettings
from pojok import clock

# A year covers the office's whole cycle with a guest: the budget year their consultation is about,
# the follow-ups, the monthly and yearly SOP evaluation and a complaint about the service. The reports
# keep their figures after anonymization, so the statistics do not need the names any longer than that.
DEFAULT_RETENTION_DAYS = 365
# Below a quarter the desk would lose returning guests and follow-ups still in progress.
MIN_RETENTION_DAYS = 90
MAX_RETENTION_DAYS = 3650
DEFAULT_CONTACT = "Sekretariat BPKAD Kabupaten Lampung Selatan, melalui petugas meja depan Pojok Konsultasi."


class PrivacySetting(OfficeSettings):
    """One row per office, like visits.ReportSettings: the retention period and the contact for requests."""

    retention_days = models.PositiveSmallIntegerField(
        _("masa simpan data pribadi (hari)"), default=DEFAULT_RETENTION_DAYS,
        validators=[MinValueValidator(MIN_RETENTION_DAYS), MaxValueValidator(MAX_RETENTION_DAYS)],
        help_text=format_lazy(_("Nama, telepon, dan catatan bebas tamu yang lebih lama dari ini dianonimkan oleh "
                                "<code>manage.py anonymize_guests</code>. Paling sedikit {minimum} hari, "
                                "paling lama {maximum} hari."), minimum=MIN_RETENTION_DAYS, maximum=MAX_RETENTION_DAYS),
    )
    contact = models.CharField(
        _("kontak permintaan data pribadi"), max_length=300, default=DEFAULT_CONTACT,
        help_text=_("Ditampilkan di pemberitahuan privasi: ke mana tamu meminta akses, perbaikan, "
                  "atau penghapusan."),
    )

    class Meta:
        verbose_name = _("pengaturan data pribadi")
        verbose_name_plural = _("pengaturan data pribadi")

    def __str__(self) -> str:
        return _("Masa simpan %(days)s hari") % {"days": self.retention_days}

    @classmethod
    def defaults_for(cls, office) -> dict:
        if office.template == "bpkad":
            return {}
        return {"contact": _("Sekretariat %(office)s, melalui petugas meja depan Pojok Konsultasi.") % {
            "office": office.name}}


class Kind(models.TextChoices):
    EXPORT = "ekspor", _("Ekspor data satu tamu")
    ERASE = "hapus", _("Penghapusan data satu tamu")
    RETENTION = "retensi", _("Anonimisasi karena masa simpan habis")


class PersonalDataLog(OfficeOwned):
    """One handling of guests' personal data: who (None: the scheduled job), when, how many rows."""

    at = models.DateTimeField(_("waktu"), default=clock.now)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("oleh"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="+",
    )
    kind = models.CharField(_("jenis"), max_length=10, choices=Kind.choices)
    rows = models.PositiveIntegerField(_("jumlah baris"), default=0)
    # {"kunjungan": 3, "catatan konsultasi": 2, ...}: the count per holder, never the data.
    counts = models.JSONField(_("rincian"), default=dict, blank=True)

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name = _("catatan pemrosesan data pribadi")
        verbose_name_plural = _("catatan pemrosesan data pribadi")
        permissions = [("handle_guest_data", "Mencari, mengekspor, dan menghapus data pribadi satu tamu")]

    def __str__(self) -> str:
        return _("%(kind)s: %(rows)s baris") % {"kind": self.get_kind_display(), "rows": self.rows}
