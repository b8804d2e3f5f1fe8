"""The satisfaction survey's data: the nine unsur, one invitation per visit, and anonymous responses.

Anonymity is a matter of what is stored, not of what is shown. A `Response` carries only the
visit's Bidang, topic, channel and day — never the visit, the invitation or a time of answering — and its
key is random, so neither a foreign key, a timestamp nor the order of the rows leads back to the
guest. The `Invitation` (which does know the visit) records only *that* it was answered.
"""

import secrets
import uuid
from datetime import datetime, time, timedelta

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from offices.tenancy import AllOffices, OfficeOwned, scoped
from pojok import clock
from visits.models import Channel

# Short enough to type from a slip; no 0/o, 1/i/l to misread. 31**8 is about 8.5e11 tokens.
TOKEN_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"
TOKEN_LENGTH = 8


class Unsur(OfficeOwned):
    """One of the nine elements of PermenPANRB 14/2017: an office's question and the wording of each answer."""

    number = models.PositiveSmallIntegerField(_("nomor"), validators=[MinValueValidator(1), MaxValueValidator(9)])
    name = models.CharField(_("unsur"), max_length=120)
    question = models.TextField(_("pertanyaan"), max_length=500)
    answer_1 = models.CharField(_("jawaban nilai 1"), max_length=60)
    answer_2 = models.CharField(_("jawaban nilai 2"), max_length=60)
    answer_3 = models.CharField(_("jawaban nilai 3"), max_length=60)
    answer_4 = models.CharField(_("jawaban nilai 4"), max_length=60)

    class Meta:
        ordering = ["number"]
        verbose_name = _("unsur survei")
        verbose_name_plural = _("unsur survei")
        constraints = [models.UniqueConstraint(fields=["office", "number"], name="unsur_number_per_office")]

    def __str__(self) -> str:
        return f"U{self.number} {self.name}"

    @property
    def answers(self) -> list[tuple[int, str]]:
        return [(1, self.answer_1), (2, self.answer_2), (3, self.answer_3), (4, self.answer_4)]


def new_token() -> str:
    return "".join(secrets.choice(TOKEN_ALPHABET) for _ in range(TOKEN_LENGTH))


def link_expiry(day) -> datetime:
    """The end (WIB midnight) of the last day the link works: the visit's day plus SURVEY_LINK_DAYS."""
    last_day = day + timedelta(days=settings.SURVEY_LINK_DAYS)
    return timezone.make_aware(datetime.combine(last_day + timedelta(days=1), time.min))


class Invitation(models.Model):
    """The link a guest answers through: one per visit; it knows the visit but not the answers."""

    visit = models.OneToOneField(
        "visits.Visit", verbose_name=_("kunjungan"), on_delete=models.CASCADE, related_name="survey_invitation"
    )
    objects = scoped(through="visit")  # the office is its visit's
    all_offices = AllOffices()
    token = models.CharField(_("kode"), max_length=16, unique=True)
    created_at = models.DateTimeField(_("dibuat"), default=clock.now)
    expires_at = models.DateTimeField(_("berlaku sampai"))
    answered = models.BooleanField(_("sudah diisi"), default=False)

    class Meta:
        verbose_name = _("undangan survei")
        verbose_name_plural = _("undangan survei")

    def __str__(self) -> str:
        return self.token

    @property
    def last_day(self):
        """The last day (WIB) the link works."""
        return timezone.localtime(self.expires_at - timedelta(microseconds=1)).date()

    def is_expired(self, at=None) -> bool:
        return (at or clock.now()) >= self.expires_at


class Sex(models.TextChoices):
    MALE = "L", _("Laki-laki")
    FEMALE = "P", _("Perempuan")


class AgeGroup(models.TextChoices):
    UNDER_25 = "<25", _("Di bawah 25 tahun")
    FROM_25 = "25-34", _("25–34 tahun")
    FROM_35 = "35-44", _("35–44 tahun")
    FROM_45 = "45-54", _("45–54 tahun")
    FROM_55 = "55+", _("55 tahun ke atas")


class Education(models.TextChoices):
    SD = "sd", _("SD ke bawah")
    SMP = "smp", _("SMP")
    SMA = "sma", _("SMA/SMK")
    DIPLOMA = "d3", _("D1–D3")
    SARJANA = "s1", _("D4/S1")
    PASCA = "s2", _("S2/S3")


class Occupation(models.TextChoices):
    ASN = "asn", _("PNS/PPPK")
    NON_ASN = "non_asn", _("Tenaga honorer/non-ASN")
    DESA = "desa", _("Perangkat desa")
    TNI_POLRI = "tni_polri", _("TNI/Polri")
    SWASTA = "swasta", _("Pegawai swasta")
    WIRASWASTA = "wiraswasta", _("Wiraswasta")
    OTHER = "lainnya", _("Lainnya")


class Response(OfficeOwned):
    """One guest's answers. Linked to the visit's Bidang, topic and day only (see the module note)."""

    # Random, so the order of the rows says nothing about the order in which guests answered.
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    day = models.DateField(_("tanggal kunjungan"))
    bidang = models.ForeignKey(
        "routing.Bidang", verbose_name=_("Bidang"), on_delete=models.PROTECT, related_name="survey_responses"
    )
    topic = models.ForeignKey(
        "routing.Topic", verbose_name=_("topik"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="survey_responses",
    )
    # How the consultation reached the office (visits.Channel): like the Bidang, shared by many guests.
    channel = models.CharField(_("kanal"), max_length=12, choices=Channel.choices, default=Channel.TATAP_MUKA)
    sex = models.CharField(_("jenis kelamin"), max_length=1, choices=Sex.choices, blank=True)
    age_group = models.CharField(_("usia"), max_length=8, choices=AgeGroup.choices, blank=True)
    education = models.CharField(_("pendidikan"), max_length=8, choices=Education.choices, blank=True)
    occupation = models.CharField(_("pekerjaan"), max_length=12, choices=Occupation.choices, blank=True)
    suggestion = models.TextField(_("saran atau pengaduan"), max_length=2000, blank=True)
    is_complaint = models.BooleanField(_("pengaduan"), default=False)
    handled = models.BooleanField(
        _("sudah ditindaklanjuti"), default=False,
        help_text=_("Centang bila pengaduan atau saran ini sudah ditangani."),
    )

    class Meta:
        ordering = ["-day", "bidang__order"]
        verbose_name = _("jawaban survei")
        verbose_name_plural = _("jawaban survei")
        indexes = [models.Index(fields=["office", "day", "bidang"], name="survey_response_office_day")]

    def __str__(self) -> str:
        return f"{self.day:%d-%m-%Y} {self.bidang}"


class Answer(models.Model):
    """The value (1–4) a response gave one unsur."""

    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="answers")
    objects = scoped(through="response")  # the office is its response's
    all_offices = AllOffices()
    unsur = models.ForeignKey(Unsur, verbose_name=_("unsur"), on_delete=models.PROTECT, related_name="+")
    value = models.PositiveSmallIntegerField(_("nilai"), validators=[MinValueValidator(1), MaxValueValidator(4)])

    class Meta:
        ordering = ["unsur"]
        verbose_name = _("nilai unsur")
        verbose_name_plural = _("nilai unsur")
        constraints = [
            models.UniqueConstraint(fields=["response", "unsur"], name="survey_one_answer_per_unsur"),
            models.CheckConstraint(
                condition=models.Q(value__gte=1, value__lte=4), name="survey_answer_1_to_4"
            ),
        ]


class PlanStatus(models.TextChoices):
    PLANNED = "direncanakan", _("Direncanakan")
    UNDER_WAY = "berjalan", _("Sedang berjalan")
    DONE = "selesai", _("Selesai")
    DROPPED = "dibatalkan", _("Dibatalkan")


CLOSED_STATUSES = (PlanStatus.DONE, PlanStatus.DROPPED)


class FollowUpPlan(OfficeOwned):
    """One line of the "rencana tindak lanjut" PermenPANRB 14/2017 asks of an SKM report: for a weak
    unsur of the surveyed period, the action, when, and who is responsible.

    Written by pimpinan and kept per period; never deleted (a plan given up is "dibatalkan"), so the
    next period's report can say what became of it.
    """

    period_start = models.DateField(_("periode survei dari"))
    period_end = models.DateField(_("periode survei sampai"))
    unsur = models.ForeignKey(Unsur, verbose_name=_("unsur"), on_delete=models.PROTECT, related_name="+")
    action = models.TextField(_("rencana tindak lanjut"), max_length=1000)
    due = models.DateField(_("waktu pelaksanaan"))
    responsible = models.CharField(_("penanggung jawab"), max_length=120)
    status = models.CharField(_("status"), max_length=12, choices=PlanStatus.choices, default=PlanStatus.PLANNED)
    status_note = models.CharField(_("keterangan status"), max_length=500, blank=True)
    closed_on = models.DateField(_("tanggal selesai/dibatalkan"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("ditulis oleh"), on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(_("ditulis"), default=clock.now)
    updated_at = models.DateTimeField(_("diperbarui"), default=clock.now)

    class Meta:
        ordering = ["period_start", "unsur", "id"]
        verbose_name = _("rencana tindak lanjut SKM")
        verbose_name_plural = _("rencana tindak lanjut SKM")
        constraints = [
            models.CheckConstraint(condition=models.Q(period_start__lte=models.F("period_end")),
                                   name="survey_plan_period_in_order"),
        ]

    def __str__(self) -> str:
        return f"{self.unsur}: {self.action[:60]}"

    @property
    def is_closed(self) -> bool:
        return self.status in CLOSED_STATUSES
