"""Every place a guest's personal data is kept, as one list: the retention job, the export and the
erasure of one guest all read it, so a new place is covered by all three at once.

A `Holder` says, for one model:
- `age`: the lookup of the date that ages a row (a DateField or DateTimeField; may cross a relation);
- `personal`: each personal field and the placeholder that replaces it;
- how to find one guest's rows: `match` (the model's own fields holding the guest's name, phone,
  e-mail) or `visit` (the path to the visit the row belongs to: it follows that visit's guest);
- `shown`: more fields (lookups allowed) that the admin's list and the export show beside them;
- `keep`: rows the retention job must not touch yet (still in use);
- `only`: when one model holds two kinds of rows, the rows this entry covers (with a `title`).

A row still holds personal data while any of its personal fields differs from its placeholder: that
is the only marker, so anonymizing twice changes nothing and no extra column or table is needed.

To add a place (the pre-registration app, for example) append one line to HOLDERS::

    Holder("booking.Booking", age="planned_date",
           personal={"guest_name": GUEST, "phone": "", "email": ""},
           match={"name": "guest_name", "phone": "phone", "email": "email"}),

Phones are matched exactly, so store them normalised (visits.forms.normalize_phone) as the desk does.

Places checked and left out, because they hold no personal data of their own:
- pojok.IdempotencyKey (the kiosk's and the forms' retry keys) and lobby.Call: a key or the device,
  a path or the visit's id, a time (the visit holds the guest);
- pojok.ThrottleCount: a keyed fingerprint of a sender's address, like Booking.source, kept only until
  its window (minutes) ends: `manage.py housekeeping` removes it, long before any retention period;
- auditlog.LogEntry (audit/history.py): changes to the office's rules by its staff; no guest model is
  registered there (tests/audit), so it holds no guest's data;
- survey.Invitation: the visit, a token and *whether* it was answered; survey.Response is anonymous
  by design (Bidang, topic and day only, a random key, no link to the visit or the invitation), so
  it cannot be found by guest and is not one guest's data;
- visits.VisitStep, visits.VisitEvent: times, steps and who of the staff recorded them. An event's
  note (a cancel or transfer reason) is the staff's note about the office's process and stays.
"""

from dataclasses import dataclass, field
from datetime import date, datetime, time

from django.apps import apps
from django.db import models
from django.db.models import Q
from django.db.models.constants import LOOKUP_SEP
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext, gettext_noop

from offices.tenancy import CurrentOffice
from pojok.personal_data import ANONYMIZED_NAME, ANONYMIZED_TEXT
from visits.models import OPEN_STATES

GUEST = ANONYMIZED_NAME  # a guest's name (the desk's returning-guest lookup skips it)
REMOVED = ANONYMIZED_TEXT  # free text that may name people: needs, notes, e-mail texts

GUEST_KEYS = ("name", "phone", "email")  # what the admin may search a guest by


@dataclass(frozen=True, eq=False)  # compared and hashed by identity: one entry, one place
class Holder:
    model: str  # "app_label.ModelName"
    age: str
    personal: dict[str, str]
    match: dict[str, str] = field(default_factory=dict)  # guest key ("name", "phone", "email") -> field
    visit: str = ""
    shown: tuple[str, ...] = ()
    keep: Q | None = None
    only: Q | None = None
    title: str = ""

    def __post_init__(self):
        if bool(self.match) == bool(self.visit):
            raise ValueError(f"{self.model}: give either match or visit")
        if set(self.match) - set(GUEST_KEYS):
            raise ValueError(f"{self.model}: match keys are {GUEST_KEYS}")

    @property
    def model_class(self) -> type[models.Model]:
        return apps.get_model(self.model)

    @property
    def label(self) -> str:
        return gettext(self.title) if self.title else str(self.model_class._meta.verbose_name_plural)

    @property
    def key(self) -> str:
        return self.model.lower() + (f"/{slugify(self.title)}" if self.title else "")

    def rows(self) -> models.QuerySet:
        """All the rows this entry covers."""
        rows = self.model_class._default_manager.all()
        return rows.filter(self.only) if self.only is not None else rows

    def holding(self) -> models.QuerySet:
        """Rows that still hold personal data (some personal field differs from its placeholder)."""
        return self.rows().exclude(**self.personal)

    def older_than(self, cutoff: date) -> Q:
        """Rows whose age date is before `cutoff` (a local date)."""
        bound = cutoff
        if isinstance(self._age_field(), models.DateTimeField):
            bound = timezone.make_aware(datetime.combine(cutoff, time.min))
        return Q(**{f"{self.age}__lt": bound})

    def expired(self, cutoff: date) -> models.QuerySet:
        """What the retention job anonymizes: old, still personal, and not kept for now."""
        rows = self.holding().filter(self.older_than(cutoff))
        return rows.exclude(self.keep) if self.keep is not None else rows

    def _age_field(self) -> models.Field:
        model, *path, last = [self.model_class, *self.age.split(LOOKUP_SEP)]
        for name in path:
            model = model._meta.get_field(name).related_model
        return model._meta.get_field(last)


def visit_in_use(prefix: str = "") -> Q:
    """A visit still open, or with a follow-up not yet done: the staff still need to reach the guest."""
    return Q(**{f"{prefix}state__in": OPEN_STATES}) | Q(**{
        f"{prefix}consultation__follow_up_needed": True,
        f"{prefix}consultation__follow_up_done_at__isnull": True,
    })


VISIT = "visits.Visit"

HOLDERS: list[Holder] = [
    # origin (the OPD) is an institution, not a person, and a dimension of the SOP report: it stays.
    Holder(VISIT, age="day", personal={"guest_name": GUEST, "phone": "", "keperluan": REMOVED},
           match={"name": "guest_name", "phone": "phone"}, keep=visit_in_use(),
           shown=("day", "queue_seq", "arrived_at", "origin", "party_size", "state", "bidang__name",
                  "topic__name")),
    # The mode, the documents and the follow-up flags stay (statistics); the free text may name people.
    Holder("visits.Consultation", age="visit__day", personal={"problem": REMOVED, "outcome": REMOVED},
           visit="visit", keep=visit_in_use("visit__"),
           shown=("visit_id", "bidang__name", "mode", "follow_up_needed", "follow_up_due", "updated_at")),
    Holder("visits.RoutingDecision", age="visit__day", personal={"keperluan": REMOVED},
           visit="visit", keep=visit_in_use("visit__"),
           shown=("visit_id", "at", "bidang__name", "topic__name")),
    # The e-mails to a Bidang repeat the guest's name, origin and need in their subject and body.
    Holder("notifications.Notification", age="visit__day",
           personal={"subject": REMOVED, "body": REMOVED, "parameters": REMOVED},
           visit="visit", keep=visit_in_use("visit__"), only=Q(bidang__isnull=False),
           shown=("visit_id", "created_at", "status", "bidang__name")),
    # The e-mails to a guest (a pre-registration's code): no Bidang, the guest's own address.
    Holder("notifications.Notification", age="created_at", title=gettext_noop("email kepada tamu"),
           personal={"to_email": "", "to_phone": "", "subject": REMOVED, "body": REMOVED, "parameters": REMOVED},
           match={"email": "to_email", "phone": "to_phone"},
           only=Q(bidang__isnull=True), shown=("created_at", "status")),
    # Pre-registrations: `source` is a fingerprint of the sender's network, personal too.
    Holder("booking.Booking", age="planned_date",
           personal={"guest_name": GUEST, "phone": "", "email": "", "keperluan": REMOVED, "source": ""},
           match={"name": "guest_name", "phone": "phone", "email": "email"},
           shown=("code", "planned_date", "part_of_day", "origin", "created_at", "visit_id")),
    # A referral's reason is the sending office's words about the guest's need: its own data, so only the
    # sender's retention and erasure reach it (the receiving office holds its own copy, the booking above).
    Holder("referrals.Referral", age="sent_on", personal={"reason": REMOVED}, visit="visit",
           keep=visit_in_use("visit__"), only=Q(from_office_id=CurrentOffice()),
           title=gettext_noop("rujukan yang dikirim"),
           shown=("visit_id", "sent_on", "to_office__short_name", "from_step", "received_at")),
]
