"""Repeated failed logins lock a username, or an address, out for a while (django-axes)."""

from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.test import Client

from tests.accounts.login import fail_login, is_logged_in, post_login

pytestmark = pytest.mark.django_db


def _move_back(delta):
    """As if the failures had happened `delta` earlier."""
    AccessAttempt.objects.update(attempt_time=AccessAttempt.objects.get().attempt_time - delta)


def test_the_limit_and_lockout_time_default_to_five_failures_and_fifteen_minutes(settings):
    assert settings.AXES_FAILURE_LIMIT == 5
    assert settings.AXES_COOLOFF_TIME == timedelta(minutes=15)
    assert settings.AXES_LOCKOUT_PARAMETERS == ["username", "ip_address"]


def test_four_failures_still_let_the_right_password_in(client, staf):
    fail_login(client, "ani", 4)
    response = post_login(client, "ani")
    assert response.status_code == 302
    assert is_logged_in(client)


def test_five_failures_for_one_username_lock_it_from_every_address(staf, petugas):
    for n in range(5):  # an attacker spreading the guesses over many addresses
        last = fail_login(Client(), "ani", 1, ip=f"10.0.1.{n}")
    assert last.status_code == 429
    fresh = Client()
    response = post_login(fresh, "ani", ip="10.0.2.1")  # the right password, from a new address
    assert response.status_code == 429
    assert not is_logged_in(fresh)
    # Another person's login from yet another address is not affected.
    other = Client()
    assert post_login(other, "budi", ip="10.0.2.2").status_code == 302


def test_five_failures_from_one_address_lock_that_address_for_every_username(petugas):
    client = Client()
    for name in ["agus", "bambang", "citra", "dewi", "eko"]:  # guessing usernames from one PC
        last = post_login(client, name, "salah-salah-salah", ip="10.0.3.9")
    assert last.status_code == 429
    response = post_login(Client(), "budi", ip="10.0.3.9")
    assert response.status_code == 429
    assert post_login(Client(), "budi", ip="10.0.3.10").status_code == 302


def test_the_lockout_page_says_why_and_for_how_long_in_indonesian(client, staf):
    response = fail_login(client, "ani", 5)
    assert response.status_code == 429
    assert "registration/locked_out.html" in [t.name for t in response.templates]
    text = response.content.decode()
    assert "Akses masuk dikunci sementara" in text
    assert "Terlalu banyak percobaan masuk yang gagal (5 kali)" in text
    assert "tidak bisa masuk selama 15 menit" in text
    assert "<html" in text and "Pojok Konsultasi" in text  # a full page, not a bare line of text


def test_the_lockout_follows_the_settings(client, staf, settings):
    settings.AXES_FAILURE_LIMIT = 3
    settings.AXES_COOLOFF_TIME = timedelta(minutes=60)
    response = fail_login(client, "ani", 3)
    assert response.status_code == 429
    assert "(3 kali)" in response.content.decode()
    assert "selama 60 menit" in response.content.decode()


def test_the_lock_ends_by_itself_after_the_lockout_time(client, staf):
    fail_login(client, "ani", 5)
    assert post_login(client, "ani").status_code == 429
    _move_back(timedelta(minutes=16))
    response = post_login(client, "ani")
    assert response.status_code == 302
    assert is_logged_in(client)


def test_a_successful_login_clears_the_earlier_failures(client, staf):
    fail_login(client, "ani", 4)
    assert post_login(client, "ani").status_code == 302
    client.logout()
    fail_login(client, "ani", 4)  # four new failures: still under the limit
    assert post_login(client, "ani").status_code == 302


def test_a_try_during_the_lockout_starts_the_lockout_time_again(client, staf):
    fail_login(client, "ani", 5)
    _move_back(timedelta(minutes=10))
    assert post_login(client, "ani").status_code == 429  # even the right password, ten minutes in
    _move_back(timedelta(minutes=10))
    assert post_login(client, "ani").status_code == 429  # twenty minutes after the first lockout


def test_an_overlong_username_on_the_admin_login_is_counted_not_a_crash(client):
    for _ in range(5):
        response = client.post("/admin/login/", {"username": "z" * 400, "password": "salah-salah-salah"},
                               REMOTE_ADDR="10.0.9.9")
    assert response.status_code == 429
    assert AccessAttempt.objects.get().username == "z" * 150
