"""The SOP report as files: CSV (streamed, so a year of steps never sits in memory) and XLSX.

Both carry the same tables as the page (visits.reports.tables); the CSV adds every counted step.
Invalid filters send the user back to the page, which shows what to correct.
"""

import csv
from io import BytesIO

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.views.decorators.http import require_GET
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font

from ..reports.tables import DETAIL_HEADER, detail_rows, tables
from .reports import report_for

LETTERHEAD = "Badan Pengelola Keuangan dan Aset Daerah Kabupaten Lampung Selatan"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class _Echo:
    """A file-like object whose write() hands the line back, for csv.writer in a streaming response."""

    def write(self, value):
        return value


def _csv_lines(report):
    writer = csv.writer(_Echo())
    yield "\ufeff"  # spreadsheet programs then read the file as UTF-8
    yield writer.writerow([LETTERHEAD])
    yield writer.writerow(["Laporan kepatuhan SOP", report.scope.period.label])
    for table in tables(report):
        yield writer.writerow([])
        yield writer.writerow([table.title])
        yield writer.writerow(table.header)
        for row in table.rows:
            yield writer.writerow(row)
    yield writer.writerow([])
    yield writer.writerow(["Rincian langkah yang dihitung"])
    yield writer.writerow(DETAIL_HEADER)
    for row in detail_rows(report):
        yield writer.writerow(row)


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
    response = StreamingHttpResponse(_csv_lines(report), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{_filename(report, "csv")}"'
    return response


def _workbook(report) -> bytes:
    book = Workbook(write_only=True)
    for table in tables(report):
        sheet = book.create_sheet(table.title[:31])
        heading = WriteOnlyCell(sheet, value=table.title)
        heading.font = Font(bold=True)
        sheet.append([LETTERHEAD])
        sheet.append([heading, report.scope.period.label])
        sheet.append(table.header)
        for row in table.rows:
            sheet.append(row)
    buffer = BytesIO()
    book.save(buffer)
    return buffer.getvalue()


@login_required
@require_GET
def export_xlsx(request: HttpRequest) -> HttpResponse:
    _, report = report_for(request)
    if report is None:
        return _back_to_the_page(request)
    response = HttpResponse(_workbook(report), content_type=XLSX_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{_filename(report, "xlsx")}"'
    return response
