"""The Bidang's staff (and only they) get an email after the routing commits; a dead mail server undoes nothing."""

import socket

import pytest
from django.core import mail
from django.core.management import call_command

from notifications.models import MAX_ATTEMPTS, Notification, Status
from routing.models import Bidang
from tests.factories import bidang, wib
from visits.models import RoutingDecision, State, route_visit

pytestmark = pytest.mark.django_db


@pytest.fixture
def addresses(kasubbag, staf, staf_lain, petugas):
    for user, email in [(kasubbag, "sri@bpkad.example"), (staf, "ani@bpkad.example"),
                        (staf_lain, "dodi@bpkad.example"), (petugas, "budi@bpkad.example")]:
        user.email = email
        user.save(update_fields=["email"])


@pytest.fixture
def dead_mail_server(settings):
    """A real SMTP backend pointed at a port where nothing listens."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", port, 2
    return settings


def test_the_email_goes_to_the_bidangs_staff_and_only_them(in_triage, kasubbag, staf, addresses,
                                                           django_capture_on_commit_callbacks):
    Bidang.objects.filter(code="anggaran").update(email="anggaran@bpkad.example")
    visit = in_triage("Revisi DPA", guest_name="Rahmat Hidayat", origin="Kecamatan Natar")
    with django_capture_on_commit_callbacks(execute=True):
        route_visit(visit=visit, by=kasubbag, bidang=bidang("anggaran"), assigned_to=staf, at=wib(minute=4))

    assert sorted(address for message in mail.outbox for address in message.to) == [
        "anggaran@bpkad.example", "ani@bpkad.example"]
    message = mail.outbox[0]
    assert message.subject == "Tamu baru A-001: Rahmat Hidayat (Kecamatan Natar)"
    assert "Revisi DPA" in message.body and "Dituju kepada : Ani Lestari" in message.body
    assert "pukul 09.04 WIB oleh Sri Rahayu" in message.body
    assert set(Notification.objects.values_list("status", flat=True)) == {Status.SENT}


def test_nothing_is_sent_before_the_routing_commits(in_triage, kasubbag, addresses,
                                                    django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        route_visit(visit=in_triage("Revisi DPA"), by=kasubbag, bidang=bidang("anggaran"), at=wib(minute=4))
    sending = [callback for callback in callbacks if not hasattr(callback, "stamp")]  # not the boards' stamp
    assert mail.outbox == [] and len(sending) == 1
    assert list(Notification.objects.values_list("to_email", "status")) == [("ani@bpkad.example", Status.PENDING)]


def test_a_failing_mail_server_leaves_the_routing_recorded(in_triage, kasubbag, addresses, dead_mail_server,
                                                          django_capture_on_commit_callbacks):
    visit = in_triage("Revisi DPA")
    with django_capture_on_commit_callbacks(execute=True):
        route_visit(visit=visit, by=kasubbag, bidang=bidang("anggaran"), at=wib(minute=4))

    visit.refresh_from_db()
    assert visit.state == State.WAITING and RoutingDecision.objects.count() == 1
    row = Notification.objects.get()
    assert (row.status, row.attempts, row.sent_at) == (Status.FAILED, 1, None)
    assert row.last_error  # the refusal of the mail server, for the admin to read


def test_send_notifications_retries_the_failed_ones(in_triage, kasubbag, addresses, settings,
                                                   django_capture_on_commit_callbacks):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", 1
    with django_capture_on_commit_callbacks(execute=True):
        route_visit(visit=in_triage("Revisi DPA"), by=kasubbag, bidang=bidang("anggaran"), at=wib(minute=4))
    assert Notification.objects.get().status == Status.FAILED

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"  # the server is back
    call_command("send_notifications")
    call_command("send_notifications")  # a second cron run sends nothing twice
    row = Notification.objects.get()
    assert (row.status, row.attempts, row.last_error) == (Status.SENT, 2, "")
    assert [m.to for m in mail.outbox] == [["ani@bpkad.example"]]


def test_it_gives_up_after_the_last_attempt(in_triage, kasubbag, addresses, dead_mail_server):
    route_visit(visit=in_triage("Revisi DPA"), by=kasubbag, bidang=bidang("anggaran"), at=wib(minute=4))
    for _ in range(MAX_ATTEMPTS + 2):
        call_command("send_notifications")
    row = Notification.objects.get()
    assert (row.status, row.attempts) == (Status.FAILED, MAX_ATTEMPTS)


def test_a_bidang_without_addresses_is_routed_without_email(in_triage, kasubbag, staf,
                                                            django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        route_visit(visit=in_triage("Revisi DPA"), by=kasubbag, bidang=bidang("anggaran"), at=wib(minute=4))
    assert Notification.objects.count() == 0 and mail.outbox == []
