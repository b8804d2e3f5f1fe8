"""Step 5 on record: what the guest and the official discussed, and what follows."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from offices.tenancy import AllOffices, scoped


class Mode(models.TextChoices):
    """The four ways a consultation runs (the office manual's "Proses Konsultasi"), in the office's
    words, each with the one line that tells it apart (`description`)."""

    PROVISION = "provision", _("Penyelesaian langsung")
    PRESCRIPTION = "prescription", _("Saran dan arahan")
    MEDIATION = "mediation", _("Mediasi")
    COLLABORATION = "collaboration", _("Kolaborasi")

    @property
    def description(self) -> str:
        return MODE_DESCRIPTIONS[self]


MODE_DESCRIPTIONS = {
    Mode.PROVISION: _("Pejabat menyelesaikan sendiri masalah tamu."),
    Mode.PRESCRIPTION: _("Pejabat memberi nasihat; tamu menyelesaikannya sendiri."),
    Mode.MEDIATION: _("Pejabat menjadi penengah antara tamu dan pihak lain."),
    Mode.COLLABORATION: _("Masalah diselesaikan bersama oleh pejabat dan tamu."),
}


class Consultation(models.Model):
    visit = models.OneToOneField("visits.Visit", on_delete=models.CASCADE, related_name="consultation")
    objects = scoped(through="bidang")  # the office is its Bidang's (the search's index leads with the Bidang)
    all_offices = AllOffices()
    bidang = models.ForeignKey(
        "routing.Bidang", verbose_name=_("Bidang"), on_delete=models.PROTECT, related_name="consultations"
    )
    mode = models.CharField(_("mode konsultasi"), max_length=20, choices=Mode.choices, blank=True)
    problem = models.TextField(_("permasalahan"), max_length=4000, blank=True)
    outcome = models.TextField(_("jawaban atau hasil"), max_length=4000, blank=True)
    documents = models.ManyToManyField("visits.DocumentType", verbose_name=_("dokumen yang dibahas"), blank=True)
    other_documents = models.CharField(_("dokumen lain"), max_length=250, blank=True)
    follow_up_needed = models.BooleanField(_("perlu tindak lanjut"), default=False)
    follow_up_due = models.DateField(_("batas tindak lanjut"), null=True, blank=True)
    follow_up_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("yang menindaklanjuti"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="follow_ups",
    )
    follow_up_done_at = models.DateTimeField(_("tindak lanjut selesai"), null=True, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("dicatat oleh"), on_delete=models.PROTECT, related_name="+"
    )
    updated_at = models.DateTimeField(_("diperbarui"), auto_now=True)

    class Meta:
        verbose_name = _("catatan konsultasi")
        verbose_name_plural = _("catatan konsultasi")
        indexes = [
            models.Index(fields=["bidang", "follow_up_needed", "follow_up_due"], name="consultation_follow_up"),
            # a Bidang's history newest first: the word search walks it until it has its matches (visits/search.py)
            models.Index(fields=["bidang", "-id"], name="consultation_bidang_newest"),
        ]

    @property
    def is_complete(self) -> bool:
        """Closing a consultation needs at least its mode and its outcome."""
        return bool(self.mode and self.outcome.strip())
