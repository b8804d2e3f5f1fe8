"""Step 5 on record: what the guest and the official discussed, and what follows."""

from django.conf import settings
from django.db import models


class Mode(models.TextChoices):
    """The four ways a consultation runs (the office manual's "Proses Konsultasi")."""

    PROVISION = "provision", "Provision — pejabat menyelesaikan masalah tamu"
    PRESCRIPTION = "prescription", "Prescription — pejabat memberi nasihat saja"
    MEDIATION = "mediation", "Mediation — pejabat menjadi penengah"
    COLLABORATION = "collaboration", "Collaboration — diselesaikan bersama"


class Consultation(models.Model):
    visit = models.OneToOneField("visits.Visit", on_delete=models.CASCADE, related_name="consultation")
    bidang = models.ForeignKey(
        "routing.Bidang", verbose_name="Bidang", on_delete=models.PROTECT, related_name="consultations"
    )
    mode = models.CharField("mode konsultasi", max_length=20, choices=Mode.choices, blank=True)
    problem = models.TextField("permasalahan", max_length=4000, blank=True)
    outcome = models.TextField("jawaban atau hasil", max_length=4000, blank=True)
    documents = models.ManyToManyField("visits.DocumentType", verbose_name="dokumen yang dibahas", blank=True)
    other_documents = models.CharField("dokumen lain", max_length=250, blank=True)
    follow_up_needed = models.BooleanField("perlu tindak lanjut", default=False)
    follow_up_due = models.DateField("batas tindak lanjut", null=True, blank=True)
    follow_up_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="yang menindaklanjuti", null=True, blank=True,
        on_delete=models.PROTECT, related_name="follow_ups",
    )
    follow_up_done_at = models.DateTimeField("tindak lanjut selesai", null=True, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="dicatat oleh", on_delete=models.PROTECT, related_name="+"
    )
    updated_at = models.DateTimeField("diperbarui", auto_now=True)

    class Meta:
        verbose_name = "catatan konsultasi"
        verbose_name_plural = "catatan konsultasi"
        indexes = [models.Index(fields=["bidang", "follow_up_needed", "follow_up_due"], name="consultation_follow_up")]

    @property
    def is_complete(self) -> bool:
        """Closing a consultation needs at least its mode and its outcome."""
        return bool(self.mode and self.outcome.strip())


def record_consultation(*, visit, by, documents=None, **fields) -> Consultation:
    """Save the consultation record of a visit being consulted: a draft may be partial.

    Only staff of the visit's Bidang may write it, and only while the guest is with them.
    `documents` replaces the documents discussed (an empty list clears them; None leaves them).
    A record left by a Bidang the visit was transferred away from is started afresh, so the new
    Bidang never reads the old Bidang's notes.
    """
    from .. import policy
    from .lifecycle import MoveRefused, State

    if not policy.can_consult_visit(by, visit):
        raise MoveRefused("Anda tidak berwenang mencatat konsultasi kunjungan ini.")
    if visit.state != State.CONSULTING:
        raise MoveRefused("Catatan konsultasi hanya dapat diisi selama tamu sedang berkonsultasi.")
    earlier = Consultation.objects.filter(visit=visit).exclude(bidang_id=visit.bidang_id).first()
    if earlier is not None:
        earlier.delete()
    consultation, _ = Consultation.objects.update_or_create(
        visit=visit, defaults={"bidang_id": visit.bidang_id, "recorded_by": by, **fields}
    )
    if documents is not None:
        consultation.documents.set(documents)
    return consultation
