"""An admin pairs a display once with a one-time URL; the device then opens its own page only."""

import re

import pytest
import segno
from django.contrib.auth.models import Permission
from django.core.signing import get_cookie_signer
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from lobby.devices import COOKIE, SALT
from lobby.middleware import OPEN_TO_DEVICES
from lobby.models import Device, hash_token

from .conftest import pair_device

pytestmark = pytest.mark.django_db

OWN_PAGES = {
    Device.Kind.DISPLAY: {"lobby:pair", "lobby:display", "lobby:display_board"},
    Device.Kind.KIOSK: {"lobby:pair", "lobby:kiosk"},
}


def test_the_admin_adding_a_device_gets_a_one_time_pairing_url(client, admin_user):
    client.force_login(admin_user)
    form = {"name": "TV lobi", "kind": "display", "active": "on"}
    response = client.post(reverse("admin:lobby_device_add"), form, follow=True)
    device = Device.objects.get(name="TV lobi")
    message = next(str(m) for m in response.context["messages"] if "/perangkat/pasang/" in str(m))
    token = message.split("/perangkat/pasang/")[1].rstrip("/")
    assert device.pairing_hash == hash_token(token)
    assert device.paired_by == admin_user


def test_the_pairing_url_asks_first_then_stores_the_device_and_opens_the_display(admin_user):
    device = Device.objects.create(name="TV lobi", kind=Device.Kind.DISPLAY)
    url = reverse("lobby:pair", args=[device.new_pairing_token(by=admin_user)])
    tv = Client()
    assert "Pasang perangkat" in tv.get(url).content.decode()
    device.refresh_from_db()
    assert device.token_hash == ""  # a GET (a link preview, a crawler) pairs nothing

    response = tv.post(url)
    assert response.status_code == 302 and response["Location"] == reverse("lobby:display")
    assert response.cookies[COOKIE]["max-age"] > 365 * 24 * 3600
    assert tv.get(reverse("lobby:display")).status_code == 200
    device.refresh_from_db()
    assert device.paired_at is not None and device.last_seen is not None


def test_the_pairing_url_works_only_once(admin_user):
    device = Device.objects.create(name="TV lobi", kind=Device.Kind.DISPLAY)
    url = reverse("lobby:pair", args=[device.new_pairing_token(by=admin_user)])
    Client().post(url)
    second = Client()
    response = second.post(url)
    assert response.status_code == 404
    assert "tidak berlaku" in response.content.decode()
    assert second.get(reverse("lobby:display")).status_code == 403


def test_revoking_a_device_stops_it_at_once(display_device):
    device, tv = display_device
    assert tv.get(reverse("lobby:display_board")).status_code == 200
    Device.objects.filter(pk=device.pk).update(active=False)
    assert tv.get(reverse("lobby:display_board")).status_code == 403
    assert tv.get(reverse("lobby:display")).status_code == 403


def test_a_new_pairing_url_unpairs_the_old_device(display_device, admin_user):
    device, tv = display_device
    device.new_pairing_token(by=admin_user)
    assert tv.get(reverse("lobby:display")).status_code == 403


def test_a_forged_or_unsigned_cookie_opens_nothing(display_device):
    device, _ = display_device
    forged = Client()
    forged.cookies[COOKIE] = f"{device.pk}:guessed-secret"
    assert forged.get(reverse("lobby:display")).status_code == 403
    signed_guess = Client()  # correctly signed (as if the SECRET_KEY leaked), but not the device's secret
    signed_guess.cookies[COOKIE] = get_cookie_signer(salt=COOKIE + SALT).sign(f"{device.pk}:guessed-secret")
    assert signed_guess.get(reverse("lobby:display")).status_code == 403


def test_nobody_without_a_device_opens_the_display(client, staf):
    assert client.get(reverse("lobby:display")).status_code == 403
    client.force_login(staf)
    assert client.get(reverse("lobby:display_board")).status_code == 403


def test_a_kiosk_cannot_open_the_display(admin_user):
    _, kiosk = pair_device(name="Tablet pintu", kind=Device.Kind.KIOSK, by=admin_user)
    assert kiosk.get(reverse("lobby:display")).status_code == 403


def _named_routes(resolver=None, prefix="", namespace=""):
    """Every named URL in the URLconf as (name, path with placeholder arguments)."""
    resolver = resolver or get_resolver()
    for entry in resolver.url_patterns:
        route = str(entry.pattern)
        if isinstance(entry, URLResolver):
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from _named_routes(entry, prefix + route, inner)
        elif isinstance(entry, URLPattern) and entry.name and "(?P" not in route and "^" not in route:
            yield f"{namespace}{entry.name}", "/" + _fill(prefix + route)


def _fill(route: str) -> str:
    route = re.sub(r"<int:[^>]+>", "1", route)
    return re.sub(r"<(?:[a-z]+:)?[^>]+>", "x", route)


@pytest.mark.parametrize("kind", Device.Kind.values)
def test_a_paired_device_reaches_no_other_url(kind, admin_user):
    _, browser = pair_device(kind=kind, by=admin_user)
    own_pages = OWN_PAGES[kind]
    checked = []
    for name, path in _named_routes():
        if name in own_pages or name in OPEN_TO_DEVICES:
            continue
        response = browser.get(path)
        refused = response.status_code in (403, 404) or (
            response.status_code == 302 and response["Location"].startswith(reverse("login")))
        assert refused, f"{name} ({path}) answered {response.status_code} to a paired device"
        checked.append(name)
    expected = {"login", "home", "healthz", "visits:inbox", "admin:index", "survey:start", "lobby:call"}
    assert expected <= set(checked)
    assert len(checked) > 40


def test_a_person_who_logs_in_on_a_paired_device_is_a_person_again(display_device, staf):
    _, tv = display_device
    tv.force_login(staf)
    assert tv.get(reverse("visits:inbox")).status_code == 200


def _token_of(url: str) -> str:
    return url.split("/perangkat/pasang/")[1].rstrip("/")


def test_after_adding_a_device_its_page_shows_the_pairing_link_and_qr_once(client, admin_user):
    client.force_login(admin_user)
    form = {"name": "Kios pintu", "kind": "kiosk", "active": "on"}
    response = client.post(reverse("admin:lobby_device_add"), form, follow=True)
    device = Device.objects.get(name="Kios pintu")
    assert response.redirect_chain[-1][0] == reverse("admin:lobby_device_change", args=[device.pk])
    html = response.content.decode()
    message = next(str(m) for m in response.context["messages"] if "/perangkat/pasang/" in str(m))
    link = re.search(r'<div data-pairing-link><a href="(http://testserver/perangkat/pasang/[^"]+/)">', html).group(1)
    assert link in message and device.pairing_hash == hash_token(_token_of(link))
    # the QR code beside it encodes that same link (segno draws the same symbol for the same text)
    symbol = segno.make(link, error="m", micro=False).svg_inline(scale=5, border=2)
    assert 'class="pairing-qr"' in html and symbol.split("<path")[1][:200] in html
    # shown once: the database keeps only its hash, so the page later says how to make a new one
    again = client.get(reverse("admin:lobby_device_change", args=[device.pk])).content.decode()
    assert "data-pairing-link" not in again and "/perangkat/pasang/" not in again
    assert "Buat tautan pemasangan baru" in again


def test_the_pairing_link_is_shown_only_to_whoever_may_change_devices(client, admin_user, django_user_model):
    client.force_login(admin_user)
    client.post(reverse("admin:lobby_device_add"), {"name": "TV lobi", "kind": "display", "active": "on"})
    device = Device.objects.get(name="TV lobi")
    viewer = django_user_model.objects.create_user("pengamat", password="x", is_staff=True, office=admin_user.office)
    viewer.user_permissions.add(Permission.objects.get(codename="view_device"))
    reader = Client()
    reader.force_login(viewer)
    session = reader.session
    session[f"lobby_pairing_url_{device.pk}"] = "http://testserver/perangkat/pasang/bukan-miliknya/"
    session.save()
    page = reader.get(reverse("admin:lobby_device_change", args=[device.pk]))
    assert page.status_code == 200 and "/perangkat/pasang/" not in page.content.decode()
    anonymous = Client().get(reverse("admin:lobby_device_change", args=[device.pk]))
    assert anonymous.status_code == 302 and "/perangkat/pasang/" not in anonymous.content.decode()
