"""At the paired kiosk a guest picks English on the page itself; the kiosk may choose a language but still
opens no other page. The display follows its device's language too."""

import pytest
from django.urls import reverse

from lobby.models import Device

from .conftest import pair_device

pytestmark = pytest.mark.django_db


def test_the_guest_picks_english_at_the_kiosk(admin_user):
    _, tablet = pair_device(name="Tablet pintu", kind=Device.Kind.KIOSK, by=admin_user)
    html = tablet.get(reverse("lobby:kiosk")).content.decode()
    assert "Ambil nomor antrean" in html and 'name="language" value="en"' in html
    chosen = tablet.post(reverse("set_language"), {"language": "en", "next": reverse("lobby:kiosk")})
    assert chosen.status_code == 302 and chosen["Location"] == reverse("lobby:kiosk")
    html = tablet.get(reverse("lobby:kiosk")).content.decode()
    assert '<html lang="en">' in html and "Take a queue number" in html and "Why is this recorded?" in html
    assert 'data-say-wait="Please wait…"' in html and "Ambil nomor antrean" not in html
    assert tablet.get(reverse("visits:desk")).status_code == 403  # still locked to its own page


def test_the_display_speaks_english_with_the_english_cookie(admin_user, settings):
    _, tv = pair_device(by=admin_user)
    tv.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    html = tv.get(reverse("lobby:display")).content.decode()
    assert "Being served" in html and "Waiting" in html and 'data-say-off="Sound: off"' in html


def test_the_next_guest_finds_the_kiosk_in_indonesian_again(admin_user, settings):
    _, tablet = pair_device(name="Tablet pintu", kind=Device.Kind.KIOSK, by=admin_user)
    tablet.post(reverse("set_language"), {"language": "en", "next": reverse("lobby:kiosk")})
    assert "Take a queue number" in tablet.get(reverse("lobby:kiosk")).content.decode()

    back = tablet.get(reverse("lobby:kiosk") + "?berikutnya=1")  # "Selesai", or the countdown's end

    assert back.status_code == 302 and back["Location"] == reverse("lobby:kiosk")
    assert back.cookies[settings.LANGUAGE_COOKIE_NAME]["max-age"] == 0
    html = tablet.get(reverse("lobby:kiosk")).content.decode()
    assert '<html lang="id">' in html and "Ambil nomor antrean" in html and "Take a queue number" not in html
