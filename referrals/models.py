"""A guest referred from one office to another: the one row both offices read, each its own side.

The sending office keeps its visit (the guest as it recorded them); the receiving office gets a booking
of its own (booking.Booking, `referred_from` set), so the guest is among its expected guests with a code
to show at its door. The referral itself holds no personal data beyond what the two rows hold: the
reason, the consent's moment and the times. "Came" is the booking's visit; "received" is the receiving
office saying it has the referral in hand, or the guest coming, whichever is first.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from offices.tenancy import AllOffices, CurrentOffice, OfficeManager
from pojok import clock

REASON_MAX_LENGTH = 500


class FromStep(models.IntegerChoices):
    TRIAGE = 4, _("dari pengarahan (langkah 4)")
    CONSULTATION = 5, _("setelah konsultasi (langkah 5)")


class ReferralManager(OfficeManager):
    """The referrals the office acted for sent or received: both offices read the row, nobody else."""

    def get_queryset(self):
        return models.QuerySet(self.model, using=self._db).filter(
            Q(from_office_id=CurrentOffice()) | Q(to_office_id=CurrentOffice()))

    def sent(self):
        return self.get_queryset().filter(from_office_id=CurrentOffice())

    def received(self):
        return self.get_queryset().filter(to_office_id=CurrentOffice())


class Referral(models.Model):
    from_office = models.ForeignKey("offices.Office", verbose_name=_("dari kantor"), on_delete=models.PROTECT,
                                    related_name="+")
    to_office = models.ForeignKey("offices.Office", verbose_name=_("ke kantor"), on_delete=models.PROTECT,
                                  related_name="+")
    visit = models.OneToOneField("visits.Visit", verbose_name=_("kunjungan asal"), null=True,
                                 on_delete=models.SET_NULL, related_name="referral")
    booking = models.OneToOneField("booking.Booking", verbose_name=_("pendaftaran di kantor tujuan"), null=True,
                                   on_delete=models.SET_NULL, related_name="referral")
    from_step = models.PositiveSmallIntegerField(_("dirujuk"), choices=FromStep.choices)
    reason = models.TextField(_("alasan rujukan"), max_length=REASON_MAX_LENGTH)
    consent_at = models.DateTimeField(_("persetujuan tamu"))
    sent_at = models.DateTimeField(_("dikirim"), default=clock.now)
    sent_on = models.DateField(_("tanggal kirim"))  # the sending office's day, for its month's figures
    sent_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("dikirim oleh"), null=True,
                                on_delete=models.SET_NULL, related_name="+")
    received_at = models.DateTimeField(_("diterima"), null=True, blank=True)
    received_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("diterima oleh"), null=True,
                                    blank=True, on_delete=models.SET_NULL, related_name="+")

    objects = ReferralManager()
    all_offices = AllOffices()

    class Meta:
        ordering = ["-sent_at"]
        verbose_name = _("rujukan")
        verbose_name_plural = _("rujukan")
        indexes = [models.Index(fields=["from_office", "sent_on"], name="referral_sent"),
                   models.Index(fields=["to_office", "sent_on"], name="referral_received")]
        constraints = [models.CheckConstraint(condition=~Q(from_office=models.F("to_office")),
                                              name="referral_to_another_office")]

    def __str__(self) -> str:
        return f"{self.from_office.short_name} → {self.to_office.short_name} ({self.sent_on})"

    @property
    def came(self) -> bool:
        return self.booking is not None and self.booking.visit_id is not None

    @property
    def received_moment(self):
        """When the receiving office had it: its own "received", or the guest's arrival if earlier."""
        arrived = self.booking.used_at if self.booking is not None else None
        moments = [moment for moment in (self.received_at, arrived) if moment is not None]
        return min(moments, default=None)
