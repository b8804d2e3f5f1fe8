"""The IKM report as an XLSX workbook (openpyxl): the same figures the page shows, one sheet per part.

Values are written as the page shows them (rounded half up from the exact fractions), beside the
integer sums and counts they come from, so a reader can recompute every figure in the sheet. Every
row goes through pojok.exports: a guest's suggestion never becomes a formula.
"""

from django.utils.translation import gettext as _
from openpyxl import Workbook

from pojok import clock
from pojok.exports import BOLD, append_row, xlsx_bytes

from .reports import IkmReport


def _sheet(book, title: str, header: list[str]):
    sheet = book.create_sheet(title)
    append_row(sheet, header, bold=True)
    return sheet


def _summary(book, report: IkmReport) -> None:
    scope, total = report.scope, report.total
    period = scope.period
    sheet = book.active
    sheet.title = "IKM"
    rows = [
        [_("Indeks Kepuasan Masyarakat (IKM) — BPKAD Kabupaten Lampung Selatan")],
        [_("Periode"), _("%(start)s s.d. %(end)s") % {"start": f"{period.start:%d-%m-%Y}",
                                                     "end": f"{period.end:%d-%m-%Y}"}],
        [_("Bidang"), str(scope.bidang) if scope.bidang else _("Semua Bidang")],
        [_("Topik"), str(scope.topic) if scope.topic else _("Semua topik")],
        [_("Responden"), total.figures.respondents],
        [_("Kunjungan selesai"), total.figures.finished],
        [_("Tingkat respons (%)"), total.rate_shown],
        ["IKM", total.ikm_shown],
        [_("Mutu pelayanan"), f"{total.grade.letter} ({total.grade.label})" if total.grade else "—"],
        [],
        ["No", _("Unsur"), _("Jumlah nilai"), "NRR", _("NRR tertimbang"), _("IKM unsur")],
    ]
    for row in rows[:-1]:
        append_row(sheet, row)
    sheet["A1"].font = BOLD
    append_row(sheet, rows[-1], bold=True)
    for row in report.unsur_rows:
        append_row(sheet, [row.unsur.number, row.unsur.name, row.total,
                           row.nrr_shown, row.weighted_shown, row.ikm_shown])
    sheet.column_dimensions["B"].width = 42


def _by_bidang(book, report: IkmReport) -> None:
    sheet = _sheet(book, _("IKM dan SOP"), [_("Bidang"), _("Responden"), _("Kunjungan selesai"),
                                            _("Tingkat respons (%)"), "IKM", _("Mutu"), _("Langkah SOP berstandar"),
                                            _("Sesuai standar"), _("Kepatuhan SOP (%)")])
    for row in report.table_rows:
        figures = row.figures
        append_row(sheet, [str(row.bidang) if row.bidang else _("Seluruh kantor"),
                           figures.respondents, figures.finished,
                           row.rate_shown, row.ikm_shown, row.grade.letter if row.grade else "",
                           figures.steps_with_standard, figures.steps_within, row.compliance_shown])
    sheet.column_dimensions["A"].width = 28


def _profile(book, profile: list[dict]) -> None:
    sheet = _sheet(book, _("Profil responden"), [_("Kelompok"), _("Jawaban"), _("Jumlah"), _("Persen (%)")])
    for section in profile:
        for label, count, percent in section["rows"]:
            append_row(sheet, [section["label"], label, count, percent])


def _suggestions(book, suggestions) -> None:
    sheet = _sheet(book, _("Saran dan pengaduan"), [_("Tanggal"), _("Bidang"), _("Topik"), _("Pengaduan"),
                                                    _("Ditindaklanjuti"), _("Isi")])
    for item in suggestions:
        yes = _("Ya")
        row = append_row(sheet, [item.day, str(item.bidang), str(item.topic or ""),
                                 yes if item.is_complaint else "", yes if item.handled else "", item.suggestion])
        sheet.cell(row, 1).number_format = "DD-MM-YYYY"
    sheet.column_dimensions["F"].width = 80


def _plans(book, title: str, plans) -> None:
    sheet = _sheet(book, title, [_("Periode"), _("Unsur"), _("Rencana tindak lanjut"), _("Waktu pelaksanaan"),
                                 _("Penanggung jawab"), _("Status"), _("Keterangan")])
    for plan in plans:
        row = append_row(sheet, [_("%(start)s s.d. %(end)s") % {
            "start": f"{plan.period_start:%d-%m-%Y}", "end": f"{plan.period_end:%d-%m-%Y}"}, str(plan.unsur),
                                 plan.action, plan.due, plan.responsible, plan.get_status_display(),
                                 plan.status_note])
        sheet.cell(row, 4).number_format = "DD-MM-YYYY"
    sheet.column_dimensions["C"].width = 60


def _by_channel(book, channels) -> None:
    sheet = _sheet(book, _("IKM per kanal"), [_("Kanal"), _("Responden"), "IKM", _("Mutu")])
    for row in channels:
        append_row(sheet, [row.label, row.respondents, row.ikm_shown, row.grade.letter if row.grade else ""])
    sheet.column_dimensions["A"].width = 24


def workbook(report: IkmReport, profile: list[dict], suggestions, plans=(), earlier_plans=(),
             channels=()) -> bytes:
    book = Workbook()
    _summary(book, report)
    _by_bidang(book, report)
    _by_channel(book, channels)
    _profile(book, profile)
    _suggestions(book, suggestions)
    _plans(book, _("Rencana tindak lanjut"), plans)
    _plans(book, _("Tindak lanjut sebelumnya"), earlier_plans)
    book.properties.creator = "Pojok Konsultasi BPKAD"
    book.properties.created = clock.now().replace(tzinfo=None)
    return xlsx_bytes(book)
