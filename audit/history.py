"""A record of every change to the office's rules (django-auditlog): who, what, from what to what, when.

Why django-auditlog: one table (auditlog.LogEntry) in its own app, with the changed fields as JSON,
so the apps whose rules it records (routing, visits, lobby, privacy, survey) get no extra tables or
migrations from it, and a change to their fields needs nothing here; it records many-to-many changes
(a user's roles are Django groups); its middleware names the person who made each change.
(django-simple-history keeps one history table per model, and django-pghistory needs PostgreSQL.)

Only rules are registered, never a guest's data: no visit, consultation, booking, survey response or
e-mail is in RULES (tests/audit checks it against privacy/holders.py), so the privacy jobs have
nothing to anonymize or erase here, and they never touch it. Nobody edits or deletes an entry.
"""

from auditlog.middleware import AuditlogMiddleware
from auditlog.registry import auditlog
from django.apps import apps
from django.db.models.signals import pre_save

from pojok import clock
from pojok.security import client_ip

# app_label.Model -> what auditlog.register() is told about it
RULES = {
    "visits.SopStep": {},  # the SOP's steps and their time standards
    "visits.ReportSettings": {},  # the compliance threshold, the wait standard
    "visits.Instansi": {},
    "visits.DocumentType": {},
    "visits.Piket": {},  # who stands in for the Kasubbag Umum on which day
    "routing.Bidang": {},
    "routing.Topic": {},  # topics, their keywords and target Bidang
    "lobby.Device": {"exclude_fields": ["token_hash", "pairing_hash", "last_seen"]},  # secrets, heartbeat
    "privacy.PrivacySetting": {},
    "survey.Unsur": {},  # the survey's questions
    "pojok.User": {"include_fields": ["username", "first_name", "last_name", "email", "is_active", "is_staff",
                                      "is_superuser", "bidang", "jabatan", "groups"],
                   "m2m_fields": ["groups"]},  # roles and Bidang; never the password or last login
}


def register_rules() -> None:
    for label, options in RULES.items():
        model = apps.get_model(label)
        if not auditlog.contains(model):
            auditlog.register(model, **options)
    from auditlog.models import LogEntry

    pre_save.connect(_stamp_with_the_app_clock, sender=LogEntry, dispatch_uid="audit_logentry_clock")


def _stamp_with_the_app_clock(sender, instance, **kwargs) -> None:
    """Entries are timed by the app's one clock (pojok.clock), like every other record."""
    if instance._state.adding:
        instance.timestamp = clock.now()


class RuleChangeMiddleware(AuditlogMiddleware):
    """django-auditlog's middleware (it names the person behind each change), with the app's one rule
    for the client's address: auditlog's own takes X-Forwarded-For's first entry, which anyone can forge."""

    @staticmethod
    def _get_remote_addr(request):
        return client_ip(request)
