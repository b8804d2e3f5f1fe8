"""403, 404, 500 and CSRF failures: Indonesian (English when chosen), inside the app's layout, with the
way back to the person's own page; the 500 page names the request id of its log line."""

import re

import pytest
from django.test import Client
from django.urls import reverse

pytestmark = pytest.mark.django_db


def _english(client):
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    return client


def test_a_petugas_opening_the_report_gets_the_apps_403_page(client_of, petugas):
    response = client_of(petugas).get(reverse("visits:reports"))
    html = response.content.decode()
    assert response.status_code == 403
    assert "Akses ditolak" in html and "tidak termasuk tugas peran Anda" in html
    assert "Budi Santoso" in html and "Meja Depan" in html  # the layout, with the person's own menu
    assert re.search(r'href="/"[^>]*data-way-back>Kembali ke halaman Anda<', html)


def test_the_403_page_in_english(client_of, petugas):
    html = _english(client_of(petugas)).get(reverse("visits:reports")).content.decode()
    assert "Access denied" in html and "Back to your page" in html and "Akses ditolak" not in html


def test_an_unknown_address_gets_the_apps_404_page(client_of, staf):
    response = client_of(staf).get("/tidak-ada/")
    html = response.content.decode()
    assert response.status_code == 404
    assert "Halaman tidak ditemukan" in html and "Ani Lestari" in html and "data-way-back" in html
    assert "Page not found" in _english(client_of(staf)).get("/tidak-ada/").content.decode()


def test_a_guest_without_login_gets_the_404_page_too(client):
    response = client.get("/tidak-ada/")
    assert response.status_code == 404 and "Halaman tidak ditemukan" in response.content.decode()


@pytest.mark.urls("tests.pojok.broken_urls")
def test_a_bug_answers_the_apps_500_page_with_the_request_id(petugas):
    client = Client(raise_request_exception=False)
    client.force_login(petugas)
    response = client.get("/rusak/")
    html = response.content.decode()
    assert response.status_code == 500
    assert "Terjadi kesalahan pada aplikasi" in html and "data-way-back" in html
    assert f"<code>{response['X-Request-ID']}</code>" in html
    assert "Server Error (500)" not in html


def test_a_form_with_an_expired_security_token_gets_an_indonesian_403(petugas):
    client = Client(enforce_csrf_checks=True)
    client.force_login(petugas)
    response = client.post(reverse("visits:check_in"), {"guest_name": "Siti"})
    html = response.content.decode()
    assert response.status_code == 403
    assert "Formulir kedaluwarsa" in html and "Muat ulang halaman" in html and "CSRF verification" not in html
