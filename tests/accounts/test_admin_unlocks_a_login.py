"""The Admin role sees who is locked out and unlocks them from the admin."""

import pytest
from axes.models import AccessAttempt
from django.test import Client
from django.urls import reverse

from audit.models import LoginEvent
from tests.accounts.login import fail_login, is_logged_in, post_login

pytestmark = pytest.mark.django_db
LOCKOUTS = reverse("admin:axes_accessattempt_changelist")


def _lock_out_ani():
    fail_login(Client(), "ani", 5, ip="10.0.4.4")
    assert post_login(Client(), "ani", ip="10.0.4.4").status_code == 429


def test_the_admin_sees_the_locked_username_and_address(client_of, admin_user, staf):
    _lock_out_ani()
    response = client_of(admin_user).get(LOCKOUTS)
    assert response.status_code == 200
    text = response.content.decode()
    assert "ani" in text and "10.0.4.4" in text


def test_the_unlock_action_lets_the_user_log_in_again_at_once(client_of, admin_user, staf):
    _lock_out_ani()
    attempt = AccessAttempt.objects.get(username="ani")
    response = client_of(admin_user).post(LOCKOUTS, {"action": "unlock", "_selected_action": [attempt.pk]})
    assert response.status_code == 302
    assert not AccessAttempt.objects.exists()
    again = Client()
    assert post_login(again, "ani", ip="10.0.4.4").status_code == 302
    assert is_logged_in(again)


def test_the_unlock_is_kept_in_the_audit_log_with_the_admin_who_did_it(client_of, admin_user, staf):
    _lock_out_ani()
    attempt = AccessAttempt.objects.get(username="ani")
    client_of(admin_user).post(LOCKOUTS, {"action": "unlock", "_selected_action": [attempt.pk]})
    event = LoginEvent.objects.get(kind=LoginEvent.Kind.UNLOCKED)
    assert (event.username, event.ip_address, event.by) == ("ani", "10.0.4.4", admin_user)


def test_other_roles_cannot_open_or_unlock(client_of, petugas, pimpinan, staf):
    _lock_out_ani()
    attempt = AccessAttempt.objects.get(username="ani")
    for person in (petugas, pimpinan):
        client = client_of(person)
        assert client.get(LOCKOUTS).status_code == 302  # the admin site sends non-staff to its login
        client.post(LOCKOUTS, {"action": "unlock", "_selected_action": [attempt.pk]})
    assert AccessAttempt.objects.filter(pk=attempt.pk).exists()
