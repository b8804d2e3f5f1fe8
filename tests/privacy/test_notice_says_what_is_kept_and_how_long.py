"""The privacy notice: public, Indonesian, with the retention period the admin set."""

import pytest
from django.urls import reverse

from privacy.models import DEFAULT_RETENTION_DAYS, PrivacySetting

pytestmark = pytest.mark.django_db


def test_anyone_can_read_it_without_logging_in(client):
    response = client.get(reverse("privacy:notice", args=["bpkad"]))
    assert response.status_code == 200
    text = response.content.decode()
    for words in ["Data yang disimpan", "Untuk apa", "Siapa yang melihatnya", "Berapa lama", "Hak Anda",
                  "UU 27/2022", "nomor telepon", "email", "catatan staf Bidang"]:
        assert words in text


def test_it_shows_the_default_retention_days_before_the_admin_saves_any(client):
    response = client.get(reverse("privacy:notice", args=["bpkad"]))
    assert f"{DEFAULT_RETENTION_DAYS} hari</strong>" in response.content.decode()


def test_it_shows_the_retention_days_and_contact_from_the_setting(client):
    PrivacySetting(retention_days=540, contact="Sekretariat BPKAD, telepon (0727) 000000").save()
    text = client.get(reverse("privacy:notice", args=["bpkad"])).content.decode()
    assert "540 hari</strong>" in text
    assert f"{DEFAULT_RETENTION_DAYS} hari" not in text
    assert "Sekretariat BPKAD, telepon (0727) 000000" in text


def test_every_page_links_to_it_from_the_footer(client):
    text = client.get(reverse("login")).content.decode()  # no office yet: the short address
    assert '<footer' in text and f'href="{reverse("privacy:choose")}"' in text
    assert client.get(reverse("privacy:choose")).url == reverse("privacy:notice", args=["bpkad"])  # the one office


@pytest.mark.parametrize("back, shown", [
    ("/kios/", True),
    ("/meja-depan/tamu-baru/", True),
    ("https://contoh-jahat.example/", False),
    ("//contoh-jahat.example/", False),
    ("javascript:alert(1)", False),
])
def test_the_back_link_only_leads_back_into_the_app(client, back, shown):
    text = client.get(reverse("privacy:notice", args=["bpkad"]), {"kembali": back}).content.decode()
    assert (f'href="{back}"' in text) is shown
    assert "Kembali" in text if shown else "&larr; Kembali" not in text
