"""The report as a PDF an inspector takes as it is: A4, the kop surat with the admin's logo, the
signature block of the chosen signer, "Halaman x dari y", charts that print in black and white.

Engine: ReportLab (pure Python, from PyPI like every other dependency), so `make run` and `make test`
still need nothing from Debian; WeasyPrint would reuse the print templates but needs Pango installed
on every machine. The pack is drawn from the same figures as the page (visits.reports), written in
the page's words (pojok.words: durations with units, shares with a decimal comma).

Other apps add their sections to the monthly pack (`register_section`, from their AppConfig.ready()):
survey adds the IKM summary, so visits never imports survey.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from io import BytesIO
from xml.sax.saxutils import escape

from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from reportlab.graphics.shapes import Drawing, Line, PolyLine, Rect, String
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen import canvas
from reportlab.platypus import Image, KeepTogether, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from pojok.words import date_text, duration_text, time_text

from ..consult import open_follow_ups
from ..models import Letterhead, Signer, signature_lines
from .figures import GOOD, NOT_GOOD, Report, percent_text

MARGIN = 16 * mm
WIDTH = A4[0] - 2 * MARGIN
GREY = colors.Color(0.85, 0.85, 0.85)
FOLLOW_UP_LIMIT = 30
CHECK = '<font name="ZapfDingbats">4</font>'  # a check mark ✔ in a font every PDF reader has


def text(value) -> str:
    """Any value as Paragraph markup: what a guest typed is escaped, never read as markup."""
    return escape("" if value is None else str(value))


@dataclass
class Kit:
    """The styles and the fixed parts every document of the app shares."""

    letterhead: Letterhead
    signer: Signer | None
    printed_at: datetime
    styles: dict = field(default_factory=dict)

    def __post_init__(self):
        base = getSampleStyleSheet()
        self.styles = {
            "body": ParagraphStyle("body", parent=base["BodyText"], fontName="Helvetica", fontSize=9, leading=11.5),
            "small": ParagraphStyle("small", parent=base["BodyText"], fontName="Helvetica", fontSize=8, leading=10),
            "cell": ParagraphStyle("cell", parent=base["BodyText"], fontName="Helvetica", fontSize=8, leading=9.6),
            "head": ParagraphStyle("head", parent=base["BodyText"], fontName="Helvetica-Bold", fontSize=8,
                                   leading=9.6),
            "h1": ParagraphStyle("h1", parent=base["Title"], fontName="Helvetica-Bold", fontSize=12.5, leading=15,
                                 spaceAfter=4),
            "h2": ParagraphStyle("h2", parent=base["Heading2"], fontName="Helvetica-Bold", fontSize=10.5,
                                 leading=13, spaceBefore=8, spaceAfter=4),
            "center": ParagraphStyle("center", parent=base["BodyText"], fontName="Helvetica", fontSize=9.5,
                                     leading=12, alignment=TA_CENTER),
        }

    def p(self, markup: str, style: str = "body") -> Paragraph:
        return Paragraph(markup, self.styles[style])

    def h2(self, title: str) -> Paragraph:
        return self.p(text(title), "h2")

    # --- the kop surat ---------------------------------------------------------------------------

    def kop(self) -> list:
        lh = self.letterhead
        lines = [self.p(f"<b>{text(lh.government)}</b>", "center"),
                 Paragraph(f"<b>{text(lh.office_name)}</b>", ParagraphStyle(
                     "office", parent=self.styles["center"], fontName="Helvetica-Bold", fontSize=13, leading=16))]
        if lh.address:
            lines.append(self.p(text(lh.address), "center"))
        logo = self._logo()
        inner = [[logo, lines, ""]] if logo else [["", lines, ""]]
        table = Table(inner, colWidths=[24 * mm, WIDTH - 48 * mm, 24 * mm])
        table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                                   ("LINEBELOW", (0, 0), (-1, 0), 2.2, colors.black),
                                   ("BOTTOMPADDING", (0, 0), (-1, 0), 6)]))
        return [table, Spacer(1, 5 * mm)]

    def _logo(self):
        if not self.letterhead.logo:
            return None
        reader = ImageReader(BytesIO(bytes(self.letterhead.logo)))
        width, height = reader.getSize()
        size = 20 * mm
        scale = size / max(width, height)
        return Image(BytesIO(bytes(self.letterhead.logo)), width=width * scale, height=height * scale)

    # --- tables ----------------------------------------------------------------------------------

    def table(self, header: list[str], rows: list[list], widths: list[float], *, right: tuple = ()) -> Table:
        """A ruled table with a repeated bold header; cells as Paragraphs so long text wraps."""
        body = [[self.p(text(h), "head") for h in header]]
        body += [[cell if not isinstance(cell, str) else self.p(cell, "cell") for cell in row] for row in rows]
        table = Table(body, colWidths=[WIDTH * w for w in widths], repeatRows=1)
        style = [("GRID", (0, 0), (-1, -1), 0.4, colors.black), ("BACKGROUND", (0, 0), (-1, 0), GREY),
                 ("VALIGN", (0, 0), (-1, -1), "TOP"), ("TOPPADDING", (0, 0), (-1, -1), 2),
                 ("BOTTOMPADDING", (0, 0), (-1, -1), 2)]
        style += [("ALIGN", (column, 1), (column, -1), "RIGHT") for column in right]
        table.setStyle(TableStyle(style))
        return table

    # --- the signature block ---------------------------------------------------------------------

    def signature(self) -> KeepTogether:
        lines = signature_lines(self.letterhead, self.signer, date_text(self.printed_at.date()))
        name_index = 6
        cells = []
        for index, line in enumerate(lines):
            markup = text(line)
            if index == name_index and self.signer is not None:
                markup = f"<b><u>{markup}</u></b>"
            cells.append(["", self.p(markup or "&nbsp;", "body")])
        table = Table(cells, colWidths=[WIDTH * 0.52, WIDTH * 0.48])
        table.setStyle(TableStyle([("TOPPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), 0)]))
        return KeepTogether([Spacer(1, 8 * mm), table])

    # --- the document ----------------------------------------------------------------------------

    def build(self, story: list, *, title: str, footer: str) -> bytes:
        buffer = BytesIO()
        document = SimpleDocTemplate(buffer, pagesize=A4, leftMargin=MARGIN, rightMargin=MARGIN, topMargin=MARGIN,
                                     bottomMargin=MARGIN + 4 * mm, title=title, author=self.letterhead.office_name,
                                     subject=footer, creator="Pojok Konsultasi")
        printed = _("Dicetak %(date)s pukul %(time)s") % {"date": date_text(self.printed_at.date()),
                                                       "time": time_text(self.printed_at)}
        document.build(story, canvasmaker=numbered_canvas(f"{footer} · {printed}"))
        return buffer.getvalue()


def numbered_canvas(footer: str):
    """A canvas that writes "Halaman x dari y" on every page once it knows how many there are."""

    class NumberedCanvas(canvas.Canvas):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self._pages = []

        def showPage(self):  # noqa: N802 (ReportLab's name)
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self):
            total = len(self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                self.setFont("Helvetica", 7.5)
                self.drawString(MARGIN, MARGIN - 2 * mm, footer[:150])
                self.drawRightString(A4[0] - MARGIN, MARGIN - 2 * mm, _("Halaman %(page)s dari %(total)s") % {
                    "page": self._pageNumber, "total": total})
                super().showPage()
            super().save()

    return NumberedCanvas


# --- charts, black on white ------------------------------------------------------------------------


def step_chart(rows: list[dict], threshold: int) -> Drawing:
    """One outlined bar per step (grey below the threshold), its share written at its end, the
    threshold dashed: readable from a monochrome printer."""
    label_width, row_height, bar_height = 62 * mm, 7 * mm, 4.2 * mm
    inner = WIDTH - label_width - 16 * mm
    height = row_height * len(rows) + 10 * mm
    drawing = Drawing(WIDTH, height)
    for index, row in enumerate(rows):
        y = height - (index + 1) * row_height
        drawing.add(String(0, y + 1.2 * mm, f"{row['number']}. {row['name']}"[:42], fontName="Helvetica",
                           fontSize=8.5))
        share = row["share"]
        if share is None:
            drawing.add(String(label_width, y + 1.2 * mm, _("tanpa penilaian"), fontName="Helvetica-Oblique",
                               fontSize=8))
            continue
        below = share < threshold
        drawing.add(Rect(label_width, y, inner * share / 100, bar_height, strokeColor=colors.black,
                         strokeWidth=0.6, fillColor=GREY if below else colors.white))
        drawing.add(String(label_width + inner * share / 100 + 1.5 * mm, y + 1.2 * mm, percent_text(share),
                           fontName="Helvetica-Bold" if below else "Helvetica", fontSize=8.5))
    x = label_width + inner * threshold / 100
    drawing.add(Line(x, 4 * mm, x, height, strokeDashArray=[3, 2], strokeWidth=0.8))
    drawing.add(String(x - 8 * mm, 0.5 * mm, _("ambang %(threshold)s%%") % {"threshold": threshold},
                       fontName="Helvetica", fontSize=8))
    return drawing


def trend_chart(by_day: list[dict], threshold: int) -> Drawing:
    """Compliance per day: a black line with square markers, a day without a verdict left out."""
    height, left, bottom = 48 * mm, 10 * mm, 8 * mm
    inner_w, inner_h = WIDTH - left - 4 * mm, height - bottom - 4 * mm
    drawing = Drawing(WIDTH, height)
    for share in (0, 50, 100):
        y = bottom + inner_h * share / 100
        drawing.add(Line(left, y, left + inner_w, y, strokeColor=GREY, strokeWidth=0.4))
        drawing.add(String(0, y - 1 * mm, f"{share}%", fontName="Helvetica", fontSize=7.5))
    y = bottom + inner_h * threshold / 100
    drawing.add(Line(left, y, left + inner_w, y, strokeDashArray=[3, 2], strokeWidth=0.8))
    step = inner_w / max(len(by_day) - 1, 1)
    every = max(1, -(-len(by_day) // 10))
    points = []
    for index, row in enumerate(by_day):
        x = left + step * index
        if index % every == 0:
            drawing.add(String(x - 3 * mm, 1 * mm, row["day"].strftime("%d/%m"), fontName="Helvetica", fontSize=7.5))
        if row["share"] is not None:
            y = bottom + inner_h * row["share"] / 100
            points += [x, y]
            drawing.add(Rect(x - 1.1, y - 1.1, 2.2, 2.2, fillColor=colors.black, strokeColor=colors.black))
    if len(points) >= 4:
        drawing.add(PolyLine(points, strokeColor=colors.black, strokeWidth=0.9))
    return drawing


# --- the SOP pack ----------------------------------------------------------------------------------

Section = Callable[[Report, Kit], list]
SECTIONS: list[Section] = []  # what other apps add to the pack, in the order they registered


def register_section(build: Section) -> None:
    if build not in SECTIONS:
        SECTIONS.append(build)


def sop_pack(report: Report, *, signer: Signer | None, printed_at: datetime) -> bytes:
    """The monthly pack: kop, period, summary, steps with charts, the monitoring sheet, per Bidang,
    worst cases, open follow-ups, the sections other apps add (the IKM), the signature block."""
    kit = Kit(Letterhead.current(), signer, printed_at)
    story = [*kit.kop(), kit.p(_("LAPORAN KEPATUHAN SOP KOORDINASI DAN KONSULTASI TAMU DINAS"), "h1"),
             *_scope(report, kit), *_summary(report, kit), *_steps(report, kit), *_monitoring(report, kit),
             *_bidang(report, kit), *_worst(report, kit), *_follow_ups(report, kit)]
    for build in SECTIONS:
        story += build(report, kit)
    story.append(kit.signature())
    period = report.scope.period.label
    return kit.build(story, title=_("Laporan kepatuhan SOP %(period)s") % {"period": period},
                     footer=_("Laporan kepatuhan SOP · %(period)s") % {"period": period})


def _scope(report: Report, kit: Kit) -> list:
    rows = [[kit.p(f"<b>{text(label)}</b>"), kit.p(text(value))] for label, value in report.scope.describe()]
    printed = _("%(date)s pukul %(time)s") % {"date": date_text(kit.printed_at.date()),
                                              "time": time_text(kit.printed_at)}
    rows.append([kit.p(_("<b>Dicetak</b>")), kit.p(printed)])
    table = Table(rows, colWidths=[WIDTH * 0.2, WIDTH * 0.8], hAlign="LEFT")
    table.setStyle(TableStyle([("TOPPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), 1)]))
    return [table]


def _summary(report: Report, kit: Kit) -> list:
    h = report.headline
    share = _("%(share)s (%(within)s dari %(with_standard)s langkah sesuai standar)") % {
        "share": percent_text(h["share"]), "within": num(h["within"]), "with_standard": num(h["with_standard"])}
    rows = [[_("Kunjungan"), num(h["visits"])], [_("Selesai"), num(h["finished"])], [_("Batal"), num(h["cancelled"])],
            [_("Kepatuhan SOP"), share],
            [_("Median waktu tunggu (diarahkan sampai diterima)"), duration_text(h["median_wait"])],
            [_("Tunggu Bidang sesuai standar"), _wait_share(h)],
            [_("Median waktu konsultasi (diterima sampai selesai)"), duration_text(h["median_consult"])],
            [_("Ambang “berjalan dengan baik”"), f"{report.threshold}%"]]
    return [kit.h2(_("Ringkasan")),
            kit.table([_("Ukuran"), _("Nilai")], [[text(a), text(b)] for a, b in rows], [0.55, 0.45])]


def _wait_share(h: dict) -> str:
    if not h["wait_with_standard"]:
        return _("tanpa penilaian")
    return _("%(share)s (%(within)s dari %(with_standard)s; standar %(minutes)s menit)") % {
        "share": percent_text(h["wait_share"]), "within": num(h["wait_within"]),
        "with_standard": num(h["wait_with_standard"]), "minutes": h["wait_standard"] or "—"}


def _steps(report: Report, kit: Kit) -> list:
    rows = [[text(f"{s['number']}. {s['name']}"),
             text(ngettext("%(minutes)s menit", "%(minutes)s menit", s["standard_minutes"])
                  % {"minutes": s["standard_minutes"]} if s["standard_minutes"] else
                  _("tanpa standar")), num(s["steps"]),
             text(_("%(within)s dari %(with_standard)s") % {"within": num(s["within"]),
                                                            "with_standard": num(s["with_standard"])}
                  if s["standard_minutes"] else "—"),
             text(percent_text(s["share"]) if s["standard_minutes"] else _("tanpa penilaian")),
             text(duration_text(s["median"])), text(duration_text(s["p90"])), text(duration_text(s["longest"]))]
            for s in report.step_rows]
    header = [_("Langkah SOP"), _("Standar"), _("Tercatat"), _("Sesuai standar"), _("Kepatuhan"), _("Median"),
              _("Persentil 90"), _("Terlama")]
    return [kit.h2(_("Per langkah SOP")),
            kit.table(header, rows, [0.22, 0.09, 0.09, 0.12, 0.11, 0.11, 0.13, 0.13], right=(2, 3, 4, 5, 6, 7)),
            Spacer(1, 3 * mm),
            KeepTogether([kit.p(_("<b>Bagian yang sesuai standar, per langkah</b> (abu-abu: di bawah ambang)"),
                                "small"), step_chart(report.step_rows, report.threshold)]),
            Spacer(1, 2 * mm),
            KeepTogether([kit.p(_("<b>Kepatuhan per hari</b> (garis putus-putus: ambang)"), "small"),
                          trend_chart(report.by_day, report.threshold)])]


def _monitoring(report: Report, kit: Kit) -> list:
    rows = []
    for m in report.monitoring:
        good, bad = (CHECK, "") if m["assessment"] == GOOD else ("", CHECK) if m["assessment"] == NOT_GOOD else (
            text(m["assessment"]), "")
        rows.append([text(m["number"]), text(m["name"]), good, bad, text(m["note"]), text(m["action"])])
    table = kit.table(["No", _("Prosedur"), str(GOOD), str(NOT_GOOD), _("Catatan / alasan"),
                       _("Tindakan yang harus diambil")], rows, [0.05, 0.17, 0.1, 0.1, 0.33, 0.25])
    return [kit.h2(_("Monitoring Pelaksanaan SOP AP (PermenPANRB 35/2012)")),
            kit.p(_("Nama SOP: Koordinasi dan Konsultasi Tamu Dinas · Periode: %(period)s")
                  % {"period": text(report.scope.period.label)}, "small"), table]


def _bidang(report: Report, kit: Kit) -> list:
    rows = [[text(r["label"]), num(r["visits"]), num(r["steps"]), text(percent_text(r["share"])),
             text(duration_text(r["median_wait"])), text(duration_text(r["median_consult"]))]
            for r in report.by_bidang]
    return [kit.h2(_("Per Bidang")), kit.table([_("Bidang"), _("Kunjungan"), _("Langkah"), _("Kepatuhan"),
                                                _("Median tunggu"), _("Median konsultasi")],
                                               rows, [0.3, 0.12, 0.1, 0.12, 0.18, 0.18],
                                            right=(1, 2, 3, 4, 5))]


def _worst(report: Report, kit: Kit) -> list:
    if not report.worst:
        return [kit.h2(_("Kasus lewat standar")), kit.p(_("Tidak ada langkah yang melewati standar."))]
    rows = [[text(date_text(s.visit.day)), text(s.visit.queue_number), text(s.visit.guest_name),
             text(str(s.visit.bidang or "—")), text(s.number), text(duration_text(s.duration_seconds)),
             text(f"+{duration_text(s.over_seconds)}")] for s in report.worst]
    return [kit.h2(_("Kasus lewat standar, terlama lebih dulu")),
            kit.table([_("Tanggal"), _("Antrean"), _("Tamu"), _("Bidang"), _("Langkah"), _("Durasi"), _("Lewat")], rows,
                      [0.17, 0.09, 0.22, 0.2, 0.09, 0.11, 0.12], right=(5, 6))]


def _follow_ups(report: Report, kit: Kit) -> list:
    bidang = report.scope.bidang
    follow_ups = list(open_follow_ups(bidang_id=bidang.pk if bidang else None)[:FOLLOW_UP_LIMIT])
    title = _("Tindak lanjut yang masih terbuka (per %(date)s)") % {"date": date_text(kit.printed_at.date())}
    if not follow_ups:
        return [kit.h2(title), kit.p(_("Tidak ada tindak lanjut yang terbuka."))]
    rows = [[text(date_text(c.visit.day)), text(c.visit.queue_number), text(c.visit.guest_name), text(c.bidang),
             text(date_text(c.follow_up_due) if c.follow_up_due else "—"),
             text(c.follow_up_by.display_name if c.follow_up_by else "—")] for c in follow_ups]
    return [kit.h2(title), kit.table([_("Kunjungan"), _("Antrean"), _("Tamu"), _("Bidang"), _("Tenggat"),
                                      _("Penanggung jawab")],
                                     rows, [0.15, 0.09, 0.24, 0.22, 0.14, 0.16])]


def num(value) -> str:
    return "—" if value is None else f"{value:,}".replace(",", ".")
