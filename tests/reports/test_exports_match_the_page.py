"""The CSV and XLSX exports hold the same figures as the report the page shows.

The CSV opens right in an Indonesian Excel by default (UTF-8 with BOM, ";", decimal comma, dd/mm/yyyy,
hh.mm) and round-trips through Python's csv with ";" to the figures of the JSON report; "CSV standar"
keeps the comma and the point. The XLSX has typed cells, a frozen header, widths, an autofilter, title
rows, A4 landscape fitted to the width and the signature block under the summary.
"""

import csv
import io
import json
from datetime import date, datetime

from django.core.management import call_command
from django.urls import reverse
from openpyxl import load_workbook

from visits.forms.reports import ReportFilter
from visits.models import Signer
from visits.reports import build_report
from visits.reports.tables import tables

from .conftest import OCTOBER

OFFICE = "Badan Pengelola Keuangan dan Aset Daerah Kabupaten Lampung Selatan"


def expected_tables():
    filterset = ReportFilter(OCTOBER)
    assert filterset.is_valid()
    return tables(build_report(filterset.scope()))


def indonesian(value):
    """A value as the Indonesian-Excel CSV writes it."""
    if value is None:
        return ""
    if isinstance(value, float):
        return str(value).replace(".", ",")
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    return str(value)


def csv_rows(client, params=OCTOBER, delimiter=";"):
    response = client.get(reverse("visits:report_csv"), params)
    assert response["Content-Type"].startswith("text/csv") and response.streaming
    assert "laporan-sop-2026-10-01-2026-10-31.csv" in response["Content-Disposition"]
    body = b"".join(response.streaming_content)
    assert body.startswith("\ufeff".encode())  # UTF-8 with a byte-order mark
    return list(csv.reader(io.StringIO(body.decode("utf-8-sig")), delimiter=delimiter))


def sections_of(rows):
    sections, current = {}, None
    for row in rows[2:]:
        if not row:
            current = None
        elif current is None:
            current = sections.setdefault(row[0], [])
        else:
            current.append(row)
    return sections


def test_csv_has_every_table_of_the_page_in_the_indonesian_dialect(october, client_of, pimpinan):
    rows = csv_rows(client_of(pimpinan))
    sections = sections_of(rows)
    assert rows[0] == [OFFICE]
    for table in expected_tables():
        assert sections[table.title] == [table.header] + [[indonesian(v) for v in row] for row in table.rows], (
            table.title)
    per_step = {row[0]: row for row in sections["Per langkah SOP"][1:]}
    assert per_step["1"][7] == "75,0" and per_step["1"][9] == "301"  # share and p90, as on the page
    assert ["Kepatuhan SOP (%)", "82,4"] in sections["Ringkasan"]
    assert sections["Per hari"][5][0] == "05/10/2026"


def test_the_csv_round_trips_to_the_figures_of_the_json_report(october, client_of, pimpinan):
    out = io.StringIO()
    call_command("sop_report", "--from", "2026-10-01", "--to", "2026-10-31", "--format", "json", stdout=out)
    report = json.loads(out.getvalue())
    sections = sections_of(csv_rows(client_of(pimpinan)))

    def number(text):
        return None if text == "" else (float(text.replace(",", ".")) if "," in text else int(text))

    for title in ("Per langkah SOP", "Per Bidang", "Per petugas"):
        header, *body = sections[title]
        from_csv = [{name: (number(v) if name not in ("Langkah SOP", "Nama") and name != "No" else v)
                     for name, v in zip(header, row, strict=True)} for row in body]
        from_json = [{name: (str(v) if name == "No" else v) for name, v in row.items()} for row in report[title]]
        assert from_csv == from_json, title
    summary = dict(sections["Ringkasan"][1:])
    assert number(summary["Kepatuhan SOP (%)"]) == next(
        row["Nilai"] for row in report["Ringkasan"] if row["Ukuran"] == "Kepatuhan SOP (%)") == 82.4


def test_csv_lists_every_counted_step(october, client_of, pimpinan):
    detail = sections_of(csv_rows(client_of(pimpinan)))["Rincian langkah yang dihitung"]
    assert len(detail) == 1 + 20  # the header and the 20 done steps of October
    first = dict(zip(detail[0], detail[1], strict=True))
    assert first["Tanggal"] == "05/10/2026" and first["Langkah"] == "1"
    assert first["Mulai"] == "05/10/2026 09.00" and first["Durasi (detik)"] == "300"
    assert first["Sesuai standar"] == "ya"  # exactly at the standard
    over = [row for row in detail[1:] if row[9] == "301"][0]
    assert over[11] == "tidak"


def test_csv_standar_keeps_the_comma_and_the_point(october, client_of, pimpinan):
    sections = sections_of(csv_rows(client_of(pimpinan), {**OCTOBER, "csv": "standar"}, delimiter=","))
    assert ["Kepatuhan SOP (%)", "82.4"] in sections["Ringkasan"]
    first = dict(zip(*sections["Rincian langkah yang dihitung"][:2], strict=True))
    assert first["Tanggal"] == "2026-10-05" and first["Mulai"] == "2026-10-05 09:00:00"


def test_the_consultation_history_csv_speaks_both_dialects(october, client_of, pimpinan):
    client = client_of(pimpinan)
    body = b"".join(client.get(reverse("visits:consultation_export")).streaming_content).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(body), delimiter=";"))
    assert rows[0][:4] == ["Tanggal", "Antrean", "Bidang", "Tamu"]
    assert "05/10/2026" in [row[0] for row in rows[1:]]
    body = b"".join(client.get(reverse("visits:consultation_export"), {"csv": "standar"}).streaming_content)
    assert "2026-10-05" in [row[0] for row in csv.reader(io.StringIO(body.decode("utf-8-sig")))][1:]


def _xlsx(client, params=OCTOBER):
    response = client.get(reverse("visits:report_xlsx"), params)
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    return load_workbook(io.BytesIO(response.content))


def xlsx_value(header, value):
    if "(%)" in header and value is not None:
        return value / 100
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day)
    return value


def test_xlsx_has_the_same_tables_in_typed_cells(october, client_of, pimpinan):
    book = _xlsx(client_of(pimpinan))
    for table in expected_tables():
        sheet = book[table.title[:31]]
        values = [list(row) for row in sheet.iter_rows(values_only=True)]
        assert values[0][0] == f"PEMERINTAH KABUPATEN LAMPUNG SELATAN — {OFFICE}"
        assert values[1][0] == f"Laporan kepatuhan SOP: {table.title}"
        assert values[2][0] == "Periode: 1 Oktober 2026 s.d. 31 Oktober 2026"
        assert values[3][0] == "Dicetak 23 November 2026 pukul 11.00 WIB"
        assert values[5] == table.header
        body = values[6:6 + len(table.rows)]
        assert body == [[xlsx_value(h, v) for h, v in zip(table.header, row, strict=True)] for row in table.rows], (
            table.title)
        assert sheet.freeze_panes == "A7"
        last = sheet.cell(row=6, column=len(table.header)).column_letter
        assert sheet.auto_filter.ref == f"A6:{last}{6 + len(table.rows)}"
        assert sheet.page_setup.orientation == "landscape" and int(sheet.page_setup.paperSize) == 9  # A4
        assert sheet.page_setup.fitToWidth == 1 and sheet.sheet_properties.pageSetUpPr.fitToPage
    steps = book["Per langkah SOP"]
    share = steps.cell(row=7, column=8)
    assert share.value == 0.75 and share.number_format == "0.0%"
    assert steps.cell(row=7, column=4).data_type == "n" and steps.cell(row=7, column=2).data_type == "s"
    assert steps.column_dimensions["B"].width > steps.column_dimensions["A"].width
    day = book["Per hari"].cell(row=11, column=1)
    assert day.value == datetime(2026, 10, 5) and day.number_format == "dd/mm/yyyy" and day.is_date


def test_xlsx_summary_ends_with_the_chosen_signers_block(october, client_of, pimpinan):
    Signer.objects.create(name="Drs. Default Pejabat", nip="196801011990031001", is_default=True)
    chosen = Signer.objects.create(caption="Mengetahui,", position="Sekretaris Badan", name="Hj. Pilihan, S.E.",
                                   rank="Pembina Tk. I (IV/b)", nip="197203041998032002")
    client = client_of(pimpinan)
    lines = [row[1] for row in _xlsx(client, {**OCTOBER, "penandatangan": chosen.pk})["Ringkasan"].iter_rows(
        values_only=True) if len(row) > 1 and row[1]]
    assert lines[-6:] == ["Kalianda, 23 November 2026", "Mengetahui,", "Sekretaris Badan", "Hj. Pilihan, S.E.",
                          "Pembina Tk. I (IV/b)", "NIP. 197203041998032002"]
    default = [row[1] for row in _xlsx(client)["Ringkasan"].iter_rows(values_only=True) if len(row) > 1 and row[1]]
    assert "Drs. Default Pejabat" in default and "Hj. Pilihan, S.E." not in default
