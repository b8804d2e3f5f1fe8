"""Who is in the office each working day: the manual's zone-based work system (SE MenPANRB 67/2020,
SE Bupati Lampung Selatan 8/2020). A person without a row for the day works in the office (WFO)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from offices.tenancy import OfficeOwned


class Status(models.TextChoices):
    WFO = "wfo", _("WFO (di kantor)")
    WFH = "wfh", _("WFH (bekerja dari rumah)")
    DINAS_LUAR = "dinas_luar", _("Dinas luar")
    CUTI = "cuti", _("Cuti")
    SAKIT = "sakit", _("Sakit")


IN_OFFICE = Status.WFO
REACHABLE = frozenset({Status.WFO, Status.WFH, Status.DINAS_LUAR})  # working, so may answer remotely


class Presence(OfficeOwned):
    day = models.DateField(_("tanggal"))
    user = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("pegawai"), on_delete=models.CASCADE,
                             related_name="presence_days")
    status = models.CharField(_("kehadiran"), max_length=12, choices=Status.choices)
    set_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("diatur oleh"), null=True, blank=True,
                               on_delete=models.SET_NULL, related_name="+")
    set_at = models.DateTimeField(_("diatur pada"))

    class Meta:
        ordering = ["-day", "user__first_name"]
        verbose_name = _("kehadiran")
        verbose_name_plural = _("kehadiran")
        constraints = [models.UniqueConstraint(fields=["day", "user"], name="presence_once_per_day")]

    def __str__(self) -> str:
        return f"{self.day:%d-%m-%Y} {self.user} {self.get_status_display()}"
