"""A guest referred from one office to another: the one row both offices read, each its own side.

The sending office keeps its visit (the guest as it recorded them); the receiving office gets a booking
of its own (booking.Booking, `referred_from` set), so the guest is among its expected guests with a code
to show at its door, or, for a guest who telephoned or wrote, a remote request in its triage queue.
The referral itself holds the reason, the consent's moment and the times; the reason speaks of the
guest's need, so it is the sending office's personal data (privacy.holders: that office's retention and
erasure replace it). "Came" is the booking's visit (a Bidang there taking the
remote request up); "received" is the receiving office saying it has the referral in hand, or the guest
coming (the remote request routed there), whichever is first.
"""

from django.conf import settings
from django.db import models
from django.db.models import Exists, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _

from offices.tenancy import AllOffices, CurrentOffice, OfficeManager
from pojok import clock
from visits.models import State, StepResult, VisitStep

REASON_MAX_LENGTH = 500
SERVED = frozenset({State.CONSULTING, State.DONE})  # a remote request taken up by a Bidang (with its Bidang set)


class FromStep(models.IntegerChoices):
    TRIAGE = 4, _("dari pengarahan (langkah 4)")
    CONSULTATION = 5, _("setelah konsultasi (langkah 5)")


def _request_taken_up():
    """The remote request's step 4 there, ended by that office (routed, referred on or cancelled: not closed
    as stale at night, which nobody there did)."""
    return (VisitStep.all_offices.filter(visit=OuterRef("remote_request"), number=4, ended_at__isnull=False)
            .exclude(result=StepResult.INCOMPLETE))


def was_received() -> Q:
    """In SQL, what `received_moment` says of one referral: it has one."""
    return Q(received_at__isnull=False) | Q(booking__used_at__isnull=False) | Q(Exists(_request_taken_up()))


# In SQL, what `came` says of one referral.
CAME = Q(booking__visit__isnull=False) | Q(remote_request__state__in=SERVED, remote_request__bidang__isnull=False)


class ReferralQuerySet(models.QuerySet):
    def with_taken_up(self):
        """Each referral's `taken_up`: the guest arriving there with the code, or the remote request taken up."""
        routed = Subquery(_request_taken_up().values("ended_at")[:1])
        return self.annotate(taken_up=Coalesce("booking__used_at", routed))


class ReferralManager(OfficeManager):
    """The referrals the office acted for sent or received: both offices read the row, nobody else."""

    _queryset_class = ReferralQuerySet

    def get_queryset(self):
        return ReferralQuerySet(self.model, using=self._db).filter(
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
    # A remote request (telephone, WhatsApp, ...) goes on as a remote request there, in its triage queue.
    remote_request = models.OneToOneField("visits.Visit", verbose_name=_("permintaan di kantor tujuan"), null=True,
                                          on_delete=models.SET_NULL, related_name="referred_in")
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
    def held_there(self):
        """The receiving office's own record of the guest: its booking, or its remote request."""
        return self.booking or self.remote_request

    @property
    def came(self) -> bool:
        """The guest came with the code, or the remote request was taken up by a Bidang there."""
        if self.remote_request is not None:
            return self.remote_request.state in SERVED and self.remote_request.bidang_id is not None
        return self.booking is not None and self.booking.visit_id is not None

    @property
    def received_moment(self):
        """When the receiving office had it: its own "received", or the guest's arrival with the code (the
        remote request taken up there) if earlier. Read from `with_taken_up()` when the list annotated it."""
        if "taken_up" not in self.__dict__:
            self.taken_up = Referral.all_offices.with_taken_up().values_list("taken_up", flat=True).get(pk=self.pk)
        moments = [moment for moment in (self.received_at, self.taken_up) if moment is not None]
        return min(moments, default=None)
