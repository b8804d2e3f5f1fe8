"""Who changed which rule, from what to what, and when: kept by django-auditlog, read-only for Admin and
Pimpinan, holding no guest data, untouched by the privacy jobs."""

import pytest
from auditlog.models import LogEntry
from auditlog.registry import auditlog
from django.apps import apps
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.urls import reverse

from audit.history import RULES
from pojok import roles
from privacy.holders import HOLDERS
from routing.models import Topic
from tests.factories import bidang, make_visit, wib
from visits.models import SopStep

pytestmark = pytest.mark.django_db


def _changes(model, pk):
    return LogEntry.objects.get_for_object(model.objects.get(pk=pk)).order_by("-timestamp", "-pk")


def test_a_standard_changed_in_the_admin_says_who_from_what_to_what_and_when(client_of, admin_user, clock):
    step = SopStep.objects.get(number=2)
    before = step.standard_minutes
    admin = client_of(admin_user)
    page = admin.get(reverse("admin:visits_sopstep_change", args=[step.pk]))
    data = {**{k: v for k, v in page.context["adminform"].form.initial.items() if v is not None},
            "standard_minutes": before + 3}
    response = admin.post(reverse("admin:visits_sopstep_change", args=[step.pk]), data,
                          HTTP_X_FORWARDED_FOR="6.6.6.6")  # forged: not the address recorded
    assert response.status_code == 302, response.content.decode()[:2000]
    entry = _changes(SopStep, step.pk).first()
    assert entry.actor == admin_user and entry.timestamp == clock.now() and entry.remote_addr == "127.0.0.1"
    assert entry.changes_dict["standard_minutes"] == [str(before), str(before + 3)]


def test_topics_and_their_keywords_are_recorded(admin_user):
    topic = Topic.objects.create(name="Topik uji", keywords="SP2D", bidang=bidang("perbendaharaan"))
    topic.keywords = "SP2D, pencairan"
    topic.save()
    entries = list(_changes(Topic, topic.pk))
    assert [e.action for e in entries] == [LogEntry.Action.UPDATE, LogEntry.Action.CREATE]
    assert entries[0].changes_dict["keywords"] == ["SP2D", "SP2D, pencairan"]


def test_a_users_roles_and_bidang_are_recorded_but_never_the_password(petugas):
    petugas.groups.add(Group.objects.get(name=roles.PIMPINAN))
    petugas.bidang = bidang("aset")
    petugas.set_password("sandi-baru-yang-panjang-1")
    petugas.save()
    entries = LogEntry.objects.get_for_object(petugas)
    role_changes = [e.changes_dict["groups"] for e in entries if "groups" in e.changes_dict]
    assert {"type": "m2m", "operation": "add", "objects": [roles.PIMPINAN]} in role_changes
    assert any("bidang" in e.changes_dict for e in entries)
    assert not any("password" in e.changes_dict or "last_login" in e.changes_dict for e in entries)


def test_no_guest_data_is_ever_recorded():
    guest_models = {holder.model_class for holder in HOLDERS}
    registered = {model for model in apps.get_models() if auditlog.contains(model)}
    assert registered == {apps.get_model(label) for label in RULES}
    assert not registered & guest_models
    assert {m._meta.label for m in registered}.isdisjoint(
        {"visits.Visit", "visits.Consultation", "booking.Booking", "survey.Response",
         "notifications.Notification"})


def test_the_privacy_jobs_leave_the_record_as_it_was(petugas, clock, settings):
    SopStep.objects.filter(number=2).update(standard_minutes=3)  # a queryset update: not recorded
    step = SopStep.objects.get(number=2)
    step.standard_minutes = 4
    step.save()
    make_visit(petugas, at=wib(2024, 1, 8, 9))  # long past the retention period
    before = list(LogEntry.objects.values_list("pk", "changes", "object_repr"))
    call_command("anonymize_guests", "--older-than", "90")
    assert list(LogEntry.objects.values_list("pk", "changes", "object_repr")) == before and before


def test_pimpinan_and_admin_read_the_record_in_the_app(client_of, pimpinan, admin_user, petugas):
    topic = Topic.objects.create(name="Topik uji riwayat", keywords="SPM", bidang=bidang("perbendaharaan"))
    topic.keywords = "SPM, SPP"
    topic.save()
    for reader in (pimpinan, admin_user):
        html = client_of(reader).get(reverse("audit:rule_changes")).content.decode()
        assert "Topik uji riwayat" in html and "SPM, SPP" in html and "Riwayat perubahan aturan" in html
    assert client_of(petugas).get(reverse("audit:rule_changes")).status_code == 403


def test_nobody_adds_edits_or_deletes_an_entry_in_the_admin(client_of, admin_user):
    topic = Topic.objects.create(name="Topik uji", bidang=bidang("perbendaharaan"))
    entry = LogEntry.objects.get_for_object(topic).get()
    admin = client_of(admin_user)
    assert admin.get(reverse("admin:auditlog_logentry_changelist")).status_code == 200
    assert admin.post(reverse("admin:auditlog_logentry_change", args=[entry.pk]), {}).status_code == 403
    deleted = admin.post(reverse("admin:auditlog_logentry_delete", args=[entry.pk]), {"post": "yes"})
    assert deleted.status_code == 403
    assert LogEntry.objects.filter(pk=entry.pk).exists()
