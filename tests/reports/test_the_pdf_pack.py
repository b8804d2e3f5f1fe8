"""The monthly pack as a PDF: its text (extracted here with pypdf) holds the figures of the hand-made
October, the chosen signer's block and "Halaman x dari y" on every page; what a guest typed is
printed as text; the logo the admin uploads is on the letterhead."""

import io
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse
from PIL import Image
from pypdf import PdfReader

from visits.models import Letterhead, Signer

from .conftest import OCTOBER


def pdf_text(content: bytes) -> tuple[PdfReader, str]:
    assert content.startswith(b"%PDF-")
    reader = PdfReader(io.BytesIO(content))
    return reader, "\n".join(page.extract_text() for page in reader.pages)


def flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


@pytest.fixture
def signer(db):
    Signer.objects.create(name="Drs. Bawaan", nip="196801011990031001", is_default=True)
    return Signer.objects.create(caption="Mengetahui,", position="Kepala Badan Pengelola Keuangan dan Aset Daerah",
                                 name="Ir. Wahyu Pratama, M.Si.", rank="Pembina Utama Muda (IV/c)",
                                 nip="197001011995031002")


def test_the_pack_holds_the_months_figures_and_the_signature(october, client_of, pimpinan, signer):
    october["v2"].guest_name = "<b>Tamu & Co</b>"
    october["v2"].save(update_fields=["guest_name"])
    response = client_of(pimpinan).get(reverse("visits:report_pdf"), {**OCTOBER, "penandatangan": signer.pk})
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert "laporan-sop-2026-10-01-2026-10-31.pdf" in response["Content-Disposition"]
    reader, text = pdf_text(response.content)
    words = flat(text)
    assert "PEMERINTAH KABUPATEN LAMPUNG SELATAN" in words
    assert "LAPORAN KEPATUHAN SOP KOORDINASI DAN KONSULTASI TAMU DINAS" in words
    assert "1 Oktober 2026 s.d. 31 Oktober 2026" in words
    assert "Dicetak 23 November 2026 pukul 11.00 WIB" in words
    # the headline: 4 visits, 3 finished, 1 cancelled, 82,4% (14 of 17), waits median 5 mnt 0 dtk
    assert re.search(r"Kunjungan 4 Selesai 3 Batal 1 Kepatuhan SOP 82,4% \(14 dari 17 langkah", words)
    assert "Median waktu tunggu (diarahkan sampai diterima) 5 mnt 0 dtk" in words
    assert "Median waktu konsultasi (diterima sampai selesai) 20 mnt 0 dtk" in words
    # step 1: 3 of 4 within 5 minutes, p90 5 mnt 1 dtk; the wait for the Bidang has its own row
    assert re.search(r"1\. Tamu datang 5 menit 4 3 dari 4 75,0%", words)
    assert "5a. Menunggu diterima Bidang" in words
    assert "Monitoring Pelaksanaan SOP AP (PermenPANRB 35/2012)" in words
    assert "3 dari 4 (75,0%) sesuai standar 5 menit" in words
    assert "Per Bidang" in words and "Bidang Anggaran" in words
    assert "<b>Tamu & Co</b>" in words  # typed text is printed as typed, never read as markup
    assert "Ringkasan Indeks Kepuasan Masyarakat" in words  # the IKM summary survey adds
    # the chosen signer, not the default one
    assert re.search(r"Kalianda, 23 November 2026 Mengetahui, Kepala Badan Pengelola Keuangan dan Aset Daerah "
                     r"Ir\. Wahyu Pratama, M\.Si\. Pembina Utama Muda \(IV/c\) NIP\. 197001011995031002", words)
    assert "Drs. Bawaan" not in words
    pages = len(reader.pages)
    assert pages >= 2
    for number, page in enumerate(reader.pages, start=1):
        assert f"Halaman {number} dari {pages}" in page.extract_text()
    width, height = (float(v) for v in reader.pages[0].mediabox.upper_right)
    assert (round(width), round(height)) == (595, 842)  # A4


def test_sop_report_writes_the_pdf(october, signer, tmp_path):
    out = tmp_path / "laporan.pdf"
    call_command("sop_report", "--from", "2026-10-01", "--to", "2026-10-31", "--format", "pdf", "--out", str(out),
                 stdout=io.StringIO())
    _, text = pdf_text(out.read_bytes())
    assert "82,4%" in text and "Drs. Bawaan" in text  # the default signer
    with pytest.raises(CommandError, match="--out"):
        call_command("sop_report", "--from", "2026-10-01", "--to", "2026-10-31", "--format", "pdf")


def test_the_ikm_report_has_its_pdf(october, client_of, pimpinan, signer):
    response = client_of(pimpinan).get(reverse("survey:export_pdf"), {"dari": "2026-10-01", "sampai": "2026-10-31"})
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    reader, text = pdf_text(response.content)
    words = flat(text)
    assert "LAPORAN HASIL SURVEI KEPUASAN MASYARAKAT" in words and "tepat 1/9" in words
    assert "Profil responden" in words and "Drs. Bawaan" in words
    assert f"Halaman {len(reader.pages)} dari {len(reader.pages)}" in words


def _png() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (60, 80), "black").save(buffer, "PNG")
    return buffer.getvalue()


def test_the_admins_logo_is_on_the_letterhead(october, client_of, admin_user, pimpinan):
    admin = client_of(admin_user)
    form = {"government": "PEMERINTAH KABUPATEN LAMPUNG SELATAN", "office_name": "BPKAD Lampung Selatan",
            "address": "Jl. Contoh No. 1, Kalianda", "city": "Kalianda"}
    refused = admin.post(reverse("admin:visits_letterhead_add"),
                         {**form, "logo_file": SimpleUploadedFile("logo.png", b"not an image")})
    assert refused.status_code == 200 and "bukan gambar PNG atau JPEG" in refused.content.decode()
    assert not Letterhead.objects.exists()
    saved = admin.post(reverse("admin:visits_letterhead_add"),
                       {**form, "logo_file": SimpleUploadedFile("logo.png", _png(), content_type="image/png")})
    assert saved.status_code == 302
    assert Letterhead.current().logo_type == "image/png"
    reader, text = pdf_text(client_of(pimpinan).get(reverse("visits:report_pdf"), OCTOBER).content)
    assert "BPKAD Lampung Selatan" in text and "Jl. Contoh No. 1, Kalianda" in text
    assert len(reader.pages[0].images) == 1


def test_the_report_page_offers_the_pdf_with_a_choice_of_signer(october, client_of, pimpinan, signer):
    html = client_of(pimpinan).get(reverse("visits:reports"), OCTOBER).content.decode()
    form = html[html.index("data-pdf-form"):]
    form = form[:form.index("</form>")]
    assert 'name="periode" value="bulan"' in form and 'name="bulan" value="2026-10"' in form
    assert f'value="{signer.pk}"' in form and "Ir. Wahyu Pratama, M.Si." in form and "Unduh PDF" in form
    assert reverse("visits:report_pdf") in html


@pytest.mark.parametrize("page", ["visits:report_print", "survey:print"])
def test_the_print_views_sign_with_the_chosen_signer(october, client_of, pimpinan, signer, page):
    query = {"periode": "rentang", "dari": "2026-10-01", "sampai": "2026-10-31"}
    client = client_of(pimpinan)
    chosen = client.get(reverse(page), {**query, "penandatangan": signer.pk}).content.decode()
    block = chosen.split("data-signature>")[1].split("</div></div>")[0]
    assert "Kalianda, 23 November 2026" in block  # the day it is printed (the suite's clock)
    assert "Ir. Wahyu Pratama, M.Si." in block and "Pembina Utama Muda (IV/c)" in block
    assert "NIP. 197001011995031002" in block
    default = client.get(reverse(page), query).content.decode()
    assert "Drs. Bawaan" in default.split("data-signature>")[1]  # no choice: the default signer
