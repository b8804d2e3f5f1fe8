"""Every page carries a Content-Security-Policy allowing only the app's own files, and needs no more."""

import re

import pytest
from django.urls import reverse

from pojok.navigation import areas_for
from tests.lobby.conftest import pair_device

pytestmark = pytest.mark.django_db
EXPECTED = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
            "frame-ancestors 'none'")
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>", re.IGNORECASE)
STYLE_ATTRIBUTE = re.compile(r"""<[a-z][^>]*\sstyle\s*=""", re.IGNORECASE)
INLINE_HANDLER = re.compile(r"""<[a-z][^>]*\son[a-z]+\s*=""", re.IGNORECASE)


def _assert_only_own_files(response):
    assert response["Content-Security-Policy"] == EXPECTED
    html = response.content.decode()
    assert not INLINE_SCRIPT.search(html), INLINE_SCRIPT.search(html).group(0)
    assert not STYLE_ATTRIBUTE.search(html), STYLE_ATTRIBUTE.search(html).group(0)
    assert not INLINE_HANDLER.search(html), INLINE_HANDLER.search(html).group(0)


def test_the_login_page_has_the_policy(client):
    _assert_only_own_files(client.get(reverse("login")))


@pytest.mark.parametrize("person", ["petugas", "kasubbag", "staf", "pimpinan", "admin_user"])
def test_every_area_page_has_the_policy_and_no_inline_code(request, client_of, person):
    user = request.getfixturevalue(person)
    client = client_of(user)
    for area in areas_for(user):
        _assert_only_own_files(client.get(reverse(area.url_name)))


def test_the_htmx_indicator_style_is_switched_off(client):
    html = client.get(reverse("login")).content.decode()
    assert """<meta name="htmx-config" content='{"includeIndicatorStyles": false}'>""" in html


def test_the_lobby_display_and_kiosk_have_the_policy(admin_user):
    _, tv = pair_device(by=admin_user)
    _assert_only_own_files(tv.get(reverse("lobby:display")))
    from lobby.models import Device
    _, kiosk = pair_device(name="Tablet", kind=Device.Kind.KIOSK, by=admin_user)
    _assert_only_own_files(kiosk.get(reverse("lobby:kiosk")))


def test_partials_and_json_have_the_policy_too(client, client_of, petugas):
    assert client.get(reverse("healthz"))["Content-Security-Policy"] == EXPECTED
    assert client_of(petugas).get(reverse("visits:desk_rows"))["Content-Security-Policy"] == EXPECTED


def test_the_admin_has_the_policy(client_of, admin_user):
    response = client_of(admin_user).get(reverse("admin:index"))
    assert response["Content-Security-Policy"] == EXPECTED


def test_pages_may_not_be_framed_and_keep_the_referrer_in_house(client):
    response = client.get(reverse("login"))
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Content-Type-Options"] == "nosniff"
