"""The CSV and XLSX exports hold the same figures as the report the page shows."""

import csv
import io

from django.urls import reverse
from openpyxl import load_workbook

from visits.forms.reports import ReportFilter
from visits.reports import build_report
from visits.reports.tables import tables

from .conftest import OCTOBER


def expected_tables():
    filterset = ReportFilter(OCTOBER)
    assert filterset.is_valid()
    return tables(build_report(filterset.scope()))


def cell(value):
    return "" if value is None else str(value)


def csv_sections(client):
    response = client.get(reverse("visits:report_csv"), OCTOBER)
    assert response["Content-Type"].startswith("text/csv") and response.streaming
    assert "laporan-sop-2026-10-01-2026-10-31.csv" in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))
    sections, current = {}, None
    for row in rows[2:]:
        if not row:
            current = None
        elif current is None:
            current = sections.setdefault(row[0], [])
        else:
            current.append(row)
    return rows, sections


def test_csv_has_every_table_of_the_page(october, client_of, pimpinan):
    rows, sections = csv_sections(client_of(pimpinan))
    assert rows[0] == ["Badan Pengelola Keuangan dan Aset Daerah Kabupaten Lampung Selatan"]
    for table in expected_tables():
        assert sections[table.title] == [table.header] + [[cell(v) for v in row] for row in table.rows], table.title
    per_step = {row[0]: row for row in sections["Per langkah SOP"][1:]}
    assert per_step["1"][7] == "75.0" and per_step["1"][9] == "301"  # share and p90, as on the page
    assert ["Kepatuhan SOP (%)", "82.4"] in sections["Ringkasan"]


def test_csv_lists_every_counted_step(october, client_of, pimpinan):
    _, sections = csv_sections(client_of(pimpinan))
    detail = sections["Rincian langkah yang dihitung"]
    assert len(detail) == 1 + 20  # the header and the 20 done steps of October
    first = dict(zip(detail[0], detail[1], strict=True))
    assert first["Tanggal"] == "2026-10-05" and first["Langkah"] == "1"
    assert first["Mulai"] == "2026-10-05 09:00:00" and first["Durasi (detik)"] == "300"
    assert first["Sesuai standar"] == "ya"  # exactly at the standard
    over = [row for row in detail[1:] if row[9] == "301"][0]
    assert over[11] == "tidak"


def test_xlsx_has_the_same_tables(october, client_of, pimpinan):
    response = client_of(pimpinan).get(reverse("visits:report_xlsx"), OCTOBER)
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    book = load_workbook(io.BytesIO(response.content))
    for table in expected_tables():
        sheet = [list(row) for row in book[table.title[:31]].iter_rows(values_only=True)]
        assert sheet[0][0] == "Badan Pengelola Keuangan dan Aset Daerah Kabupaten Lampung Selatan"
        assert sheet[2] == table.header
        assert sheet[3:] == [[v for v in row] for row in table.rows], table.title
    steps = {row[0]: row for row in book["Per langkah SOP"].iter_rows(min_row=4, values_only=True)}
    assert steps[1][7] == 75.0 and steps[5][7] is None and steps[6][10] == 180
