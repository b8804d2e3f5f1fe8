"""The SOP report as files: CSV (streamed, so a year of steps never sits in memory) and XLSX.

Both carry the same tables as the page (visits.reports.tables); the CSV adds every counted step.
Invalid filters send the user back to the page, which shows what to correct.
"""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.views.decorators.http import require_GET
from openpyxl import Workbook

from pojok import exports

from ..reports.tables import DETAIL_HEADER, detail_rows, tables
from .reports import report_for

LETTERHEAD = "Badan Pengelola Keuangan dan Aset Daerah Kabupaten Lampung Selatan"


def _csv_rows(report):
    yield [LETTERHEAD]
    yield ["Laporan kepatuhan SOP", report.scope.period.label]
    for table in tables(report):
        yield []
        yield [table.title]
        yield table.header
        yield from table.rows
    yield []
    yield ["Rincian langkah yang dihitung"]
    yield DETAIL_HEADER
    yield from detail_rows(report)


def _filename(report, extension: str) -> str:
    period = report.scope.period
    return f"laporan-sop-{period.start.isoformat()}-{period.end.isoformat()}.{extension}"


def _back_to_the_page(request: HttpRequest) -> HttpResponse:
    return redirect(f"{reverse('visits:reports')}?{request.GET.urlencode()}")


@login_required
@require_GET
def export_csv(request: HttpRequest) -> HttpResponse:
    _, report = report_for(request)
    if report is None:
        return _back_to_the_page(request)
    return exports.csv_response(_csv_rows(report), _filename(report, "csv"))


def _workbook(report) -> bytes:
    book = Workbook(write_only=True)
    for table in tables(report):
        sheet = book.create_sheet(table.title[:31])
        sheet.append(exports.xlsx_row(sheet, [LETTERHEAD]))
        sheet.append([exports.xlsx_cell(sheet, table.title, bold=True),
                      exports.xlsx_cell(sheet, report.scope.period.label)])
        sheet.append(exports.xlsx_row(sheet, table.header))
        for row in table.rows:
            sheet.append(exports.xlsx_row(sheet, row))
    return exports.xlsx_bytes(book)


@login_required
@require_GET
def export_xlsx(request: HttpRequest) -> HttpResponse:
    _, report = report_for(request)
    if report is None:
        return _back_to_the_page(request)
    return exports.xlsx_response(_workbook(report), _filename(report, "xlsx"))
