"""With English chosen, what the Python code says comes out in English through real requests: a form's
error, a flash message, an export's headings; with nothing chosen they stay Indonesian."""

import csv
import io

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

GUEST = {"guest_name": "Siti Aminah", "origin": "Dinas Kesehatan", "phone": "", "party_size": "1",
         "keperluan": "Konsultasi SPJ", "arrival_time": ""}


def _english(client):
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    return client


def _csv(response) -> list[list[str]]:
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text), delimiter=";"))


def test_a_form_error_in_english(client_of, petugas):
    client = _english(client_of(petugas))
    response = client.post(reverse("visits:check_in"), {**GUEST, "phone": "0812-abc", "party_size": "0"})
    html = response.content.decode()
    assert response.status_code in (200, 400)
    assert "A phone number may contain only digits, spaces, - and a leading +." in html
    assert "At least 1 person." in html
    assert "Nomor telepon hanya boleh berisi angka" not in html


def test_the_same_form_error_stays_indonesian_by_default(client_of, petugas):
    html = client_of(petugas).post(reverse("visits:check_in"), {**GUEST, "phone": "0812-abc"}).content.decode()
    assert "Nomor telepon hanya boleh berisi angka, spasi, tanda -, dan + di depan." in html


def test_a_flash_message_in_english(client_of, petugas):
    client = _english(client_of(petugas))
    html = client.post(reverse("visits:check_in"), GUEST, follow=True).content.decode()
    assert "Guest Siti Aminah was recorded with queue number" in html
    assert "tercatat dengan nomor antrean" not in html


def test_the_sop_report_csv_headings_in_english(client_of, pimpinan):
    rows = _csv(_english(client_of(pimpinan)).get(reverse("visits:report_csv")))
    cells = {cell for row in rows for cell in row}
    assert {"SOP compliance report", "Summary", "Measure", "Value", "Per SOP step", "Compliance (%)",
            "Details of the steps counted", "Queue number"} <= cells
    assert "Ringkasan" not in cells and "Kepatuhan (%)" not in cells


def test_the_sop_report_csv_headings_stay_indonesian_by_default(client_of, pimpinan):
    cells = {cell for row in _csv(client_of(pimpinan).get(reverse("visits:report_csv"))) for cell in row}
    assert {"Laporan kepatuhan SOP", "Ringkasan", "Ukuran", "Nilai", "Per langkah SOP", "Kepatuhan (%)"} <= cells
    assert "Summary" not in cells


def _pdf_text(content: bytes) -> str:
    from pypdf import PdfReader

    assert content.startswith(b"%PDF-")
    return " ".join(" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(content)).pages)


def test_the_sop_pdf_in_english(client_of, pimpinan):
    response = _english(client_of(pimpinan)).get(reverse("visits:report_pdf"))
    text = _pdf_text(response.content)
    assert "SOP COMPLIANCE REPORT" in text and "Per SOP step" in text and "Page 1 of" in text
    assert "Halaman 1 dari" not in text and "Ringkasan" not in text


def test_a_filed_pack_is_indonesian_whoever_files_it(db, clock):
    from django.utils import translation

    from documents.packs import file_sop_pack, last_month

    with translation.override("en"):
        pack = file_sop_pack(last_month(clock.today()), made_how="test")
    text = _pdf_text(bytes(pack.content))
    assert "LAPORAN KEPATUHAN SOP" in text and "Halaman 1 dari" in text
    assert "Page 1 of" not in text
