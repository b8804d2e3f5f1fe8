"""Repeated failed logins lock the pair (username, address) out for a while (django-axes); nobody can lock
another person out (tests/accounts/test_nobody_can_keep_a_person_out.py)."""

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
    assert settings.AXES_LOCKOUT_PARAMETERS == [["username", "ip_address"]]


def test_four_failures_still_let_the_right_password_in(client, staf):
    fail_login(client, "ani", 4)
    response = post_login(client, "ani")
    assert response.status_code == 302
    assert is_logged_in(client)


def test_five_failures_lock_that_username_from_that_address(client, staf):
    fail_login(client, "ani", 5, ip="10.0.1.1")
    assert post_login(Client(), "ani", ip="10.0.1.1").status_code == 429  # the right password, same address


def test_five_usernames_guessed_from_one_address_lock_nobody_else_there(petugas):
    client = Client()
    for name in ["agus", "bambang", "citra", "dewi", "eko"]:  # guessing usernames from one PC of the office
        last = post_login(client, name, "salah-salah-salah", ip="10.0.3.9")
    assert last.status_code == 200  # each name failed once: nothing is locked
    assert post_login(Client(), "budi", ip="10.0.3.9").status_code == 302  # the PC beside it, behind the NAT


def test_the_lockout_page_says_why_and_for_how_long_in_indonesian(client, staf):
    response = fail_login(client, "ani", 5)
    assert response.status_code == 429
    assert "registration/locked_out.html" in [t.name for t in response.templates]
    text = response.content.decode()
    assert "Akses masuk dikunci sementara" in text
    assert "Terlalu banyak percobaan masuk yang gagal (5 kali)" in text
    assert "tidak bisa masuk dari komputer ini selama 15 menit" in text
    assert "<html" in text and "Pojok Konsultasi" in text  # a full page, not a bare line of text


def test_the_lockout_follows_the_settings(client, staf, settings):
    settings.AXES_FAILURE_LIMIT = 3
    settings.AXES_COOLOFF_TIME = timedelta(minutes=60)
    response = fail_login(client, "ani", 3)
    assert response.status_code == 429
    assert "(3 kali)" in response.content.decode()
    assert "selama 60 menit" in response.content.decode()


def test_the_lock_ends_by_itself_after_the_lockout_time(client, staf, clock):
    fail_login(client, "ani", 5)
    assert post_login(client, "ani").status_code == 429
    _move_back(timedelta(minutes=16))
    clock.advance(minutes=16)  # the failures counted for the slow-down are as old
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
