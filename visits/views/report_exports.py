"""The SOP report as files: CSV (streamed, so a year of steps never sits in memory), XLSX and the PDF pack.

Both carry the same tables as the page (visits.reports.tables); the CSV adds every counted step.
Invalid filters send the user back to the page, which shows what to correct.
"""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET
from openpyxl import Workbook

from pojok import clock, exports
from pojok.words import date_text, time_text

from ..models import Letterhead, Signer, signature_lines
from ..reports.pdf import sop_pack
from ..reports.tables import SUMMARY, detail_header, detail_rows, tables
from .reports import report_for


def _csv_rows(report):
    yield [Letterhead.current().office_name]
    yield [_("Laporan kepatuhan SOP"), report.scope.period.label]
    for table in tables(report):
        yield []
        yield [table.title]
        yield table.header
        yield from table.rows
    yield []
    yield [_("Rincian langkah yang dihitung")]
    yield detail_header()
    yield from detail_rows(report)


def _filename(report, extension: str) -> str:
    period = report.scope.period
    return f"laporan-sop-{period.start.isoformat()}-{period.end.isoformat()}.{extension}"


def _back_to_the_page(request: HttpRequest) -> HttpResponse:
    return redirect(f"{reverse('visits:reports')}?{request.GET.urlencode()}")


@login_required
@require_GET
def export_csv(request: HttpRequest) -> HttpResponse:
    _form, report = report_for(request)
    if report is None:
        return _back_to_the_page(request)
    return exports.csv_response(_csv_rows(report), _filename(report, "csv"), exports.dialect_of(request))


def heading(report, title: str) -> list[str]:
    """The title rows of every sheet: the office, what the sheet is, the period and filters, when printed."""
    letterhead = Letterhead.current()
    chosen = " · ".join(f"{label}: {value}" for label, value in report.scope.describe())
    printed = _("Dicetak %(date)s pukul %(time)s") % {"date": date_text(clock.local_now().date()),
                                                       "time": time_text(clock.now())}
    return [f"{letterhead.government} — {letterhead.office_name}",
            _("Laporan kepatuhan SOP: %(title)s") % {"title": title}, chosen, printed]


def signature_of(request) -> list[str]:
    """The signature block of the signer the request chose (?penandatangan=<id>), else the default."""
    signer = Signer.chosen(request.GET.get("penandatangan"))
    return signature_lines(Letterhead.current(), signer, date_text(clock.local_now().date()))


def _workbook(report, signature: list[str]) -> bytes:
    book = Workbook()
    book.remove(book.active)
    for table in tables(report):
        sheet = exports.table_sheet(book, table.title, table.header, table.rows, heading=heading(report, table.title))
        if table.key == SUMMARY:
            exports.signature_rows(sheet, signature)
    return exports.xlsx_bytes(book)


@login_required
@require_GET
def export_xlsx(request: HttpRequest) -> HttpResponse:
    _form, report = report_for(request)
    if report is None:
        return _back_to_the_page(request)
    return exports.xlsx_response(_workbook(report, signature_of(request)), _filename(report, "xlsx"))


PDF_TYPE = "application/pdf"


def pdf_response(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=PDF_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@login_required
@require_GET
def export_pdf(request: HttpRequest) -> HttpResponse:
    """The monthly pack as a PDF, signed by the signer the request chose (?penandatangan=<id>)."""
    _form, report = report_for(request)
    if report is None:
        return _back_to_the_page(request)
    signer = Signer.chosen(request.GET.get("penandatangan"))
    return pdf_response(sop_pack(report, signer=signer, printed_at=clock.local_now()), _filename(report, "pdf"))
