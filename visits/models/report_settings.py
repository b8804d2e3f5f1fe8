"""Settings of the SOP report that the administrator edits: the compliance threshold."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from offices.tenancy import OfficeSettings

DEFAULT_THRESHOLD = 90


class ReportSettings(OfficeSettings):
    """One row (pk 1): a step "berjalan dengan baik" when this share of it keeps its standard."""

    compliance_threshold = models.PositiveSmallIntegerField(
        _("ambang kepatuhan (%)"), default=DEFAULT_THRESHOLD,
        validators=[MinValueValidator(1), MaxValueValidator(100)],
        help_text=_("Langkah SOP dinilai “Berjalan dengan baik” bila sekurang-kurangnya persentase ini "
                  "sesuai standar waktu."),
    )

    class Meta:
        verbose_name = _("pengaturan laporan SOP")
        verbose_name_plural = _("pengaturan laporan SOP")

    def __str__(self) -> str:
        return _("Ambang kepatuhan %(threshold)s%%") % {"threshold": self.compliance_threshold}
