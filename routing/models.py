"""The office's units (Bidang). Routing rules that map a guest's need to a Bidang live here too."""

from django.conf import settings
from django.db import models, transaction
from django.utils.translation import gettext_lazy as _

from offices.tenancy import AllOffices, OfficeOwned, scoped


class Bidang(OfficeOwned):
    code = models.SlugField(_("kode"), max_length=40)
    name = models.CharField(_("nama"), max_length=120)
    room = models.CharField(_("ruang"), max_length=120, blank=True)
    email = models.EmailField(_("email unit"), blank=True)
    order = models.PositiveSmallIntegerField(_("urutan"), default=0)
    active = models.BooleanField(_("aktif"), default=True)

    class Meta:
        ordering = ["order", "name"]
        verbose_name = _("Bidang")
        verbose_name_plural = _("Bidang")
        constraints = [models.UniqueConstraint(fields=["office", "code"], name="bidang_code_per_office"),
                       models.UniqueConstraint(fields=["office", "name"], name="bidang_name_per_office")]

    def __str__(self) -> str:
        return self.name


class Topic(OfficeOwned):
    """Something guests come to coordinate on, the words they use for it, and the Bidang it goes to."""

    name = models.CharField(_("nama topik"), max_length=120)
    description = models.TextField(_("uraian"), blank=True)
    keywords = models.TextField(
        _("kata kunci dan sinonim"), blank=True,
        help_text=_("Pisahkan dengan koma atau baris baru, misalnya: SP2D, surat perintah pencairan dana"),
    )
    bidang = models.ForeignKey(Bidang, verbose_name=_("Bidang tujuan"), on_delete=models.PROTECT, related_name="topics")
    active = models.BooleanField(_("aktif"), default=True)

    class Meta:
        ordering = ["bidang__order", "name"]
        verbose_name = _("topik")
        verbose_name_plural = _("topik")
        constraints = [models.UniqueConstraint(fields=["office", "name"], name="topic_name_per_office")]

    def __str__(self) -> str:
        return self.name

    def keyword_list(self) -> list[str]:
        return [word.strip() for word in self.keywords.replace("\n", ",").split(",") if word.strip()]


class LearnedModel(OfficeOwned):
    """One trained version of what the office's routing decisions taught (routing/learn.py).

    The parameters are the classifier's counts as JSON, never a binary; `evaluation` is the replay
    of the history the model was trained on (routing/evaluate.py), month by month, for the
    routing quality page. `manage.py train_routing` adds a version and keeps the last few.
    """

    version = models.PositiveIntegerField(_("versi"))
    trained_at = models.DateTimeField(_("dilatih pada"))
    decisions = models.PositiveIntegerField(_("keputusan yang dipelajari"))
    last_decision_at = models.DateTimeField(_("keputusan terakhir"), null=True, blank=True)
    method = models.CharField(_("metode"), max_length=80)
    parameters = models.JSONField(_("parameter"))
    digest = models.CharField(_("sidik parameter"), max_length=64)
    evaluation = models.JSONField(_("hasil uji ulang"), default=dict, blank=True)

    class Meta:
        ordering = ["-version"]
        verbose_name = _("model rute terlatih")
        verbose_name_plural = _("model rute terlatih")
        constraints = [models.UniqueConstraint(fields=["office", "version"], name="learnedmodel_version_per_office")]

    def __str__(self) -> str:
        return _("versi %(version)s (%(decisions)s keputusan)") % {"version": self.version, "decisions": self.decisions}


class KeywordProposal(models.Model):
    """A word that keeps appearing in needs the Kasubbag routed against the suggestion.

    Made by `manage.py train_routing`; the admin adds it to a topic in one click or sets it
    aside, and the row keeps who did which and when.
    """

    class Status(models.TextChoices):
        OPEN = "usulan", _("usulan")
        ADDED = "ditambahkan", _("ditambahkan")
        DISMISSED = "diabaikan", _("diabaikan")

    word = models.CharField(_("kata"), max_length=60)
    bidang = models.ForeignKey(Bidang, verbose_name=_("Bidang tujuan"), on_delete=models.CASCADE, related_name="+")
    topic = models.ForeignKey(Topic, verbose_name=_("topik usulan"), null=True, blank=True,
                              on_delete=models.SET_NULL, related_name="+")
    overridden = models.PositiveIntegerField(_("keperluan yang diarahkan lain dari usulan"))
    seen = models.PositiveIntegerField(_("semua keperluan dengan kata ini"))
    proposed_at = models.DateTimeField(_("diusulkan pada"))
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.OPEN)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("diputuskan oleh"), null=True, blank=True,
                                   on_delete=models.PROTECT, related_name="+")
    decided_at = models.DateTimeField(_("diputuskan pada"), null=True, blank=True)
    added_to = models.ForeignKey(Topic, verbose_name=_("ditambahkan ke topik"), null=True, blank=True,
                                 on_delete=models.SET_NULL, related_name="+")

    objects = scoped(through="bidang")  # the office is its Bidang's
    all_offices = AllOffices()

    class Meta:
        ordering = ["status", "-overridden", "word"]
        verbose_name = _("usulan kata kunci")
        verbose_name_plural = _("usulan kata kunci")
        constraints = [models.UniqueConstraint(fields=["word", "bidang"], name="keywordproposal_once_per_bidang")]

    def __str__(self) -> str:
        return f"\u201c{self.word}\u201d \u2192 {self.bidang}"

    def add_to(self, topic: Topic, *, by, at) -> None:
        """Add the word to the topic's keywords (once), and record who did it and when, here and in the topic's
        history."""
        from django.contrib.admin.models import CHANGE, LogEntry

        with transaction.atomic():
            proposal = KeywordProposal.objects.select_for_update().get(pk=self.pk)
            topic = Topic.objects.select_for_update().get(pk=topic.pk)
            if proposal.status != self.Status.OPEN:
                raise ProposalRefused(_("Usulan “%(word)s” sudah %(status)s.") % {
                    "word": proposal.word, "status": proposal.get_status_display()})
            if topic.bidang_id != proposal.bidang_id:
                raise ProposalRefused(_("Topik “%(topic)s” bukan urusan %(bidang)s.") % {
                    "topic": topic, "bidang": proposal.bidang})
            if proposal.word not in {k.lower() for k in topic.keyword_list()}:
                topic.keywords = f"{topic.keywords.rstrip().rstrip(',')}, {proposal.word}".lstrip(", ")
                topic.save(update_fields=["keywords"])
            proposal._decide(self.Status.ADDED, by=by, at=at, added_to=topic)
            LogEntry.objects.log_actions(
                user_id=by.pk, queryset=[topic], action_flag=CHANGE, single_object=True,
                change_message=f"Kata kunci \u201c{proposal.word}\u201d ditambahkan dari usulan "
                               f"({proposal.overridden} keperluan diarahkan lain dari saran).")
        self.refresh_from_db()

    def dismiss(self, *, by, at) -> None:
        with transaction.atomic():
            proposal = KeywordProposal.objects.select_for_update().get(pk=self.pk)
            if proposal.status != self.Status.OPEN:
                raise ProposalRefused(_("Usulan “%(word)s” sudah %(status)s.") % {
                    "word": proposal.word, "status": proposal.get_status_display()})
            proposal._decide(self.Status.DISMISSED, by=by, at=at)
        self.refresh_from_db()

    def _decide(self, status: str, *, by, at, added_to=None) -> None:
        self.status, self.decided_by, self.decided_at, self.added_to = status, by, at, added_to
        self.save(update_fields=["status", "decided_by", "decided_at", "added_to"])


class ProposalRefused(Exception):
    """A keyword proposal that cannot be added or set aside (already decided, or another Bidang's topic)."""
