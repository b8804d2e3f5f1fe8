"""The XLSX export carries the page's figures, and a guest's text stays text (no formula injection)."""

from datetime import date
from decimal import Decimal
from io import BytesIO

from django.urls import reverse
from openpyxl import load_workbook

from tests.survey.conftest import make_response

NOV = {"dari": "2026-11-01", "sampai": "2026-11-30"}


def _book(client):
    answer = client.get(reverse("survey:export"), NOV)
    assert answer["Content-Type"].startswith("application/vnd.openxmlformats")
    assert 'filename="ikm-20261101-20261130.xlsx"' in answer["Content-Disposition"]
    return load_workbook(BytesIO(answer.content))


def test_the_workbook_has_the_ikm_the_unsur_and_the_parts(client_of, pimpinan):
    for values in ([4] * 9, [3] * 9, [3] * 9):
        make_response(values, day=date(2026, 11, 3), sex="P")
    book = _book(client_of(pimpinan))
    assert book.sheetnames == ["IKM", "IKM dan SOP", "IKM per kanal", "Profil responden", "Saran dan pengaduan",
                               "Rencana tindak lanjut", "Tindak lanjut sebelumnya"]
    summary = {row[0]: row[1] for row in book["IKM"].iter_rows(values_only=True) if row and row[0]}
    assert summary["Responden"] == 3
    assert Decimal(str(summary["IKM"])) == Decimal("83.33")
    assert summary["Mutu pelayanan"] == "B (Baik)"
    unsur = [row for row in book["IKM"].iter_rows(values_only=True) if row and isinstance(row[0], int)]
    assert [row[:4] for row in unsur][0] == (1, "Persyaratan", 10, 3.33)
    profile = list(book["Profil responden"].iter_rows(values_only=True))
    assert ("Jenis kelamin", "Perempuan", 3, 100) in profile  # 3 of 3 respondents: 100 %
    assert ("Jenis kelamin", "Laki-laki", 0, 0) in profile


def test_a_suggestion_that_looks_like_a_formula_stays_text(client_of, admin_user):
    make_response([2] * 9, day=date(2026, 11, 3),
                  suggestion='=HYPERLINK("http://x","klik")', is_complaint=True)
    sheet = _book(client_of(admin_user))["Saran dan pengaduan"]
    cell = sheet.cell(2, 6)
    assert cell.value == "'=HYPERLINK(\"http://x\",\"klik\")" and cell.data_type == "s"
    assert sheet.cell(2, 4).value == "Ya"
