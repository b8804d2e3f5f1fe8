"""Logins, logouts, failed logins and lockouts are kept in the audit log, without any password."""

import pytest
from django.test import Client
from django.urls import reverse

from audit.models import LoginEvent
from tests.accounts.login import fail_login, post_login

pytestmark = pytest.mark.django_db
AGENT = "Mozilla/5.0 (uji)"


def _only(kind):
    return LoginEvent.objects.get(kind=kind)


def test_a_login_is_kept_with_the_user_address_and_browser(client, petugas):
    post_login(client, "budi", ip="10.0.7.1")
    event = _only(LoginEvent.Kind.LOGIN)
    assert (event.user, event.username, event.ip_address) == (petugas, "budi", "10.0.7.1")
    assert event.user_agent == AGENT
    assert event.at is not None


def test_a_failed_login_keeps_the_username_tried_but_never_the_password(client, petugas):
    post_login(client, "budi", "Rahasia-Salah-Ketik", ip="10.0.7.2")
    post_login(client, "tidak-ada", "Rahasia-Salah-Lagi", ip="10.0.7.2")
    events = LoginEvent.objects.filter(kind=LoginEvent.Kind.LOGIN_FAILED).order_by("pk")
    assert [(e.username, e.user, e.ip_address) for e in events] == [("budi", None, "10.0.7.2"),
                                                                     ("tidak-ada", None, "10.0.7.2")]
    stored = " ".join(str(value) for value in LoginEvent.objects.values_list())
    assert "Rahasia" not in stored


def test_a_logout_is_kept(client, petugas):
    post_login(client, "budi")
    client.post(reverse("logout"), REMOTE_ADDR="10.0.7.3", HTTP_USER_AGENT=AGENT)
    event = _only(LoginEvent.Kind.LOGOUT)
    assert (event.user, event.ip_address) == (petugas, "10.0.7.3")


def test_a_lockout_is_kept(staf):
    fail_login(Client(), "ani", 5, ip="10.0.7.4")
    event = _only(LoginEvent.Kind.LOCKED_OUT)
    assert (event.username, event.ip_address) == ("ani", "10.0.7.4")


def test_a_very_long_username_or_browser_name_is_cut_not_refused(client):
    # The admin's login form does not limit the username's length; the app's own does.
    response = client.post(reverse("admin:login"), {"username": "x" * 500, "password": "salah-salah-salah"},
                           REMOTE_ADDR="10.0.7.9", HTTP_USER_AGENT="y" * 1000)
    assert response.status_code == 200
    event = _only(LoginEvent.Kind.LOGIN_FAILED)
    assert len(event.username) == 150 and len(event.user_agent) == 255


def test_the_admin_reads_and_searches_the_log(client_of, admin_user, petugas, kasubbag):
    post_login(Client(), "budi", ip="10.0.7.5")
    post_login(Client(), "sri", "salah-salah-salah", ip="10.0.7.6")
    client = client_of(admin_user)
    url = reverse("admin:audit_loginevent_changelist")
    page = client.get(url, {"q": "10.0.7.6"}).content.decode()
    assert "sri" in page and "Gagal masuk" in page and "10.0.7.5" not in page
    page = client.get(url, {"kind__exact": "login"}).content.decode()
    assert "budi" in page and "10.0.7.6" not in page


def test_nobody_adds_changes_or_deletes_a_row(client_of, admin_user, petugas):
    post_login(Client(), "budi")
    event = _only(LoginEvent.Kind.LOGIN)
    client = client_of(admin_user)
    assert client.get(reverse("admin:audit_loginevent_add")).status_code == 403
    assert client.get(reverse("admin:audit_loginevent_delete", args=[event.pk])).status_code == 403
    detail = client.get(reverse("admin:audit_loginevent_change", args=[event.pk]))
    assert detail.status_code == 200 and 'name="_save"' not in detail.content.decode()
    client.post(reverse("admin:audit_loginevent_change", args=[event.pk]), {"username": "palsu"})
    client.post(reverse("admin:audit_loginevent_changelist"),
                {"action": "delete_selected", "_selected_action": [event.pk], "post": "yes"})
    event.refresh_from_db()
    assert event.username == "budi"


def test_other_roles_cannot_read_the_log(client_of, petugas, pimpinan):
    for person in (petugas, pimpinan):
        assert client_of(person).get(reverse("admin:audit_loginevent_changelist")).status_code == 302


def test_a_staff_account_without_the_admin_role_gets_no_access(client_of, seeded):
    from tests.factories import make_user

    clerk = make_user("joko", is_staff=True)
    assert client_of(clerk).get(reverse("admin:audit_loginevent_changelist")).status_code == 403

