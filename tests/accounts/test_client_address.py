"""The address a login is counted against: REMOTE_ADDR, or behind nginx the address nginx saw."""

import pytest
from django.test import Client, RequestFactory

from pojok.security import client_ip
from tests.accounts.login import fail_login, post_login


def _request(remote, forwarded=None):
    extra = {"HTTP_X_FORWARDED_FOR": forwarded} if forwarded is not None else {}
    return RequestFactory().get("/", REMOTE_ADDR=remote, **extra)


def test_without_a_proxy_the_forwarded_header_is_ignored(settings):
    settings.BEHIND_PROXY = False
    assert client_ip(_request("10.0.0.5", "1.2.3.4")) == "10.0.0.5"


def test_behind_the_proxy_the_address_nginx_saw_counts(settings):
    settings.BEHIND_PROXY = True
    assert client_ip(_request("127.0.0.1", "10.20.30.40")) == "10.20.30.40"


def test_behind_the_proxy_a_forged_left_part_of_the_header_is_not_believed(settings):
    settings.BEHIND_PROXY = True
    # nginx appends the address it saw to whatever the client sent: only the last one is true.
    assert client_ip(_request("127.0.0.1", "6.6.6.6, 10.20.30.40")) == "10.20.30.40"


def test_behind_the_proxy_a_missing_or_garbled_header_falls_back_to_the_connection(settings):
    settings.BEHIND_PROXY = True
    assert client_ip(_request("127.0.0.1")) == "127.0.0.1"
    assert client_ip(_request("127.0.0.1", "bukan-alamat")) == "127.0.0.1"


@pytest.mark.django_db
def test_behind_the_proxy_two_pcs_are_locked_separately(settings, petugas):
    settings.BEHIND_PROXY = True
    budi_pc = Client()
    assert post_login(budi_pc, "budi", ip="127.0.0.1", HTTP_X_FORWARDED_FOR="10.0.5.2").status_code == 302
    # Every request comes from nginx (127.0.0.1); one PC guesses budi's password with forged headers.
    for n in range(5):
        forged = f"9.9.9.{n}, 10.0.5.1"
        last = fail_login(Client(), "budi", 1, ip="127.0.0.1", HTTP_X_FORWARDED_FOR=forged)
    assert last.status_code == 429
    assert post_login(Client(), "budi", ip="127.0.0.1", HTTP_X_FORWARDED_FOR="10.0.5.1").status_code == 429
    assert post_login(budi_pc, "budi", ip="127.0.0.1", HTTP_X_FORWARDED_FOR="10.0.5.2").status_code == 302
