"""The desk's check-in form and the kiosk say why the data is collected and link to the notice."""

import pytest
from django.urls import reverse

from lobby.models import Device
from privacy.models import PrivacySetting
from tests.lobby.conftest import pair_device

pytestmark = pytest.mark.django_db


def why_line(text: str) -> str:
    start = text.index("data-privacy-why")
    return text[start:text.index("</p>", start)]


def test_the_desk_check_in_form_says_why(client_of, petugas):
    PrivacySetting(retention_days=400).save()
    text = client_of(petugas).get(reverse("visits:check_in")).content.decode()
    line = why_line(text)
    assert "Mengapa data ini dicatat?" in line and "laporan kepatuhan SOP" in line and "400 hari" in line
    assert f'href="{reverse("privacy:notice", args=["bpkad"])}?kembali=/meja-depan/tamu-baru/"' in line
    assert text.count("data-privacy-why") == 1


def test_the_kiosk_says_why(admin_user):
    _, kiosk = pair_device(name="Kios lobi", kind=Device.Kind.KIOSK, by=admin_user)
    text = kiosk.get(reverse("lobby:kiosk")).content.decode()
    line = why_line(text)
    assert "Mengapa data ini dicatat?" in line and "365 hari" in line
    assert f'href="{reverse("privacy:notice", args=["bpkad"])}?kembali=/kios/"' in line


def test_the_kiosk_can_open_the_notice_and_still_nothing_else(admin_user):
    _, kiosk = pair_device(name="Kios lobi", kind=Device.Kind.KIOSK, by=admin_user)
    notice = kiosk.get(reverse("privacy:notice", args=["bpkad"]), {"kembali": "/kios/"})
    assert notice.status_code == 200 and 'href="/kios/"' in notice.content.decode()
    assert kiosk.get(reverse("privacy:guest_data")).status_code == 403
    assert kiosk.get(reverse("visits:desk")).status_code == 403
