"""Nobody without the password can keep a named person out of their own account, and guessing stays slow
for every account from all addresses together (audit/logins.py)."""

import re

import pytest
from django.test import Client

from audit.logins import COOKIE
from tests.accounts.login import fail_login, is_logged_in, post_login

pytestmark = pytest.mark.django_db


def _attack(username: str, *, addresses: int = 20, each: int = 5) -> None:
    """Wrong passwords for `username` from many addresses, each pair until it is locked."""
    for n in range(addresses):
        fail_login(Client(), username, each, ip=f"198.51.100.{n}")


def _desk_pc_of(user, ip="10.0.0.7") -> Client:
    """The PC where the person logged in before (yesterday, say): it knows them."""
    pc = Client()
    assert post_login(pc, user.username, ip=ip).status_code == 302
    pc.post("/akun/keluar/", REMOTE_ADDR=ip)
    return pc


def test_the_pimpinan_logs_in_at_once_from_their_own_pc_during_an_attack(pimpinan):
    pc = _desk_pc_of(pimpinan)
    assert pc.cookies[COOKIE].value
    _attack("hendra")
    response = post_login(pc, "hendra", ip="10.0.0.7")
    assert response.status_code == 302 and is_logged_in(pc)


def test_from_a_new_pc_the_person_waits_seconds_never_a_lockout(pimpinan, clock):
    _attack("hendra")
    new_pc = Client()
    refused = post_login(new_pc, "hendra", ip="10.0.0.8")
    wait = re.search(r"tunggu (\d+) detik lalu coba lagi", refused.content.decode())
    assert refused.status_code == 200 and wait and not is_logged_in(new_pc)
    clock.advance(seconds=int(wait.group(1)))
    assert post_login(new_pc, "hendra", ip="10.0.0.8").status_code == 302 and is_logged_in(new_pc)


def test_a_slowed_down_try_is_not_counted_so_it_never_locks_the_person(pimpinan, clock):
    _attack("hendra", addresses=2)
    new_pc = Client()
    for _ in range(10):  # the person clicks "Masuk" again and again while told to wait
        post_login(new_pc, "hendra", ip="10.0.0.8")
    clock.advance(seconds=61)
    assert post_login(new_pc, "hendra", ip="10.0.0.8").status_code == 302


def test_guesses_from_many_addresses_are_slowed_down_together(pimpinan, clock):
    """Each address stays under its own limit, yet after five failures in all the password is not even
    checked until the wait has passed: the sixth guess, even the right one, is refused at once."""
    for n in range(5):
        fail_login(Client(), "hendra", 1, ip=f"198.51.100.{n}")
    guess = Client()
    assert "tunggu 1 detik" in post_login(guess, "hendra", ip="198.51.100.9").content.decode()
    assert not is_logged_in(guess)
    clock.advance(seconds=2)
    fail_login(Client(), "hendra", 1, ip="198.51.100.10")  # checked, and wrong: the wait doubles
    assert "tunggu 2 detik" in post_login(Client(), "hendra", ip="198.51.100.11").content.decode()
    clock.advance(seconds=3)
    for n in range(4):  # 4, 8, 16, 32 ... seconds: past a dozen failures, one guess a minute at most
        fail_login(Client(), "hendra", 1, ip=f"198.51.101.{n}")
        clock.advance(minutes=1)
    fail_login(Client(), "hendra", 1, ip="198.51.102.1")
    assert "tunggu 60 detik" in post_login(Client(), "hendra", ip="198.51.102.2").content.decode()


def test_the_admin_login_is_slowed_down_the_same_way(pimpinan):
    _attack("hendra", addresses=2)
    response = Client().post("/admin/login/", {"username": "hendra", "password": "sandi-uji-123"},
                             REMOTE_ADDR="10.0.0.9")
    assert "Akun ini sedang dicoba dari banyak tempat" in response.content.decode()


def test_a_login_with_the_right_password_starts_the_count_again(pimpinan, clock):
    _attack("hendra", addresses=1, each=4)
    pc = Client()
    assert post_login(pc, "hendra", ip="10.0.0.7").status_code == 302
    fail_login(Client(), "hendra", 4, ip="10.0.5.5")
    assert post_login(Client(), "hendra", ip="10.0.0.8").status_code == 302  # 4 since the login: no wait


def test_a_forged_known_browser_cookie_is_ignored(pimpinan):
    _attack("hendra", addresses=2)
    forger = Client()
    forger.cookies[COOKIE] = "eyJ4IjoieSJ9:forged:signature"
    assert "tunggu" in post_login(forger, "hendra", ip="10.0.0.8").content.decode()
