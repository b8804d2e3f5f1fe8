"""Step 4 on record: each routing decision against the suggestion, and who stands in as piket."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from offices.tenancy import AllOffices, OfficeOwned, scoped
from pojok import clock


class RoutingDecision(models.Model):
    """One routing of a visit (step 4): what the rules suggested, what was chosen, and why."""

    visit = models.ForeignKey("visits.Visit", on_delete=models.CASCADE, related_name="routings")
    objects = scoped(through="visit")  # the office is its visit's
    all_offices = AllOffices()
    at = models.DateTimeField(_("waktu"))
    by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("oleh"), on_delete=models.PROTECT, related_name="+")
    keperluan = models.TextField(_("keperluan saat diarahkan"))
    suggested_bidang = models.ForeignKey(
        "routing.Bidang", verbose_name=_("Bidang usulan"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="+",
    )
    suggested_topic = models.ForeignKey(
        "routing.Topic", verbose_name=_("topik usulan"),
        null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    bidang = models.ForeignKey("routing.Bidang", verbose_name=_("Bidang dipilih"), on_delete=models.PROTECT,
                               related_name="+")
    topic = models.ForeignKey(
        "routing.Topic", verbose_name=_("topik dipilih"),
        null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("pejabat yang dituju"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="+",
    )
    override_reason = models.TextField(_("alasan memilih selain usulan"), blank=True)

    class Meta:
        ordering = ["at", "id"]
        verbose_name = _("keputusan rute")
        verbose_name_plural = _("keputusan rute")
        indexes = [models.Index(fields=["at"], name="routingdecision_at")]

    @property
    def followed_suggestion(self) -> bool:
        return self.suggested_bidang_id == self.bidang_id


class Piket(OfficeOwned):
    """A duty officer standing in for the Kasubbag Umum on one day: they may route guests that day."""

    day = models.DateField(_("tanggal"), default=clock.today)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("petugas piket"), on_delete=models.CASCADE, related_name="piket_days"
    )
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("ditunjuk oleh"), on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(_("dicatat pada"), default=clock.now)

    class Meta:
        ordering = ["-day"]
        verbose_name = _("petugas piket")
        verbose_name_plural = _("petugas piket")
        constraints = [models.UniqueConstraint(fields=["day", "user"], name="piket_once_per_day")]
