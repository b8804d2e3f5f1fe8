"""The IKM in PDF: its summary as a section of the monthly SOP pack (registered from apps.ready()), and
the IKM report on its own ("Unduh PDF" on the IKM page), both with the app's kop and signature block
(visits.reports.pdf). Every figure is the page's (survey.reports), rounded only by `ikm.shown()`.
"""

from datetime import datetime

from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from reportlab.platypus import Spacer

from visits.models import Letterhead, Signer
from visits.reports import Scope
from visits.reports.pdf import Kit, num, text

from .follow_up import carried_over, plans_of
from .reports import IkmReport, ikm_by_channel, ikm_report, respondent_profile, suggestions

SUGGESTION_LIMIT = 60
WEIGHTING = gettext_lazy(
    "Setiap unsur berbobot tepat 1/9: IKM = rata-rata NRR kesembilan unsur × 25, dihitung dengan "
    "pecahan eksak dan dibulatkan sekali (setengah ke atas, dua desimal) hanya saat ditampilkan.")


def _decimal(value) -> str:
    return "—" if value is None else str(value).replace(".", ",")


def summary(report: IkmReport, kit: Kit) -> list:
    total = report.total
    grade = f"{total.grade.letter} ({total.grade.label})" if total.grade else "—"
    rows = [[_("IKM (nilai interval konversi)"), _decimal(total.ikm_shown)], [_("Mutu pelayanan"), text(grade)],
            [_("Kinerja unit pelayanan"), text(total.grade.label if total.grade else "—")],
            [_("Responden"), num(total.figures.respondents)], [_("Kunjungan selesai"), num(total.figures.finished)],
            [_("Tingkat respons"), f"{_decimal(total.rate_shown)}%" if total.rate_shown is not None else "—"]]
    unsur = [[text(f"U{row.unsur.number}"), text(row.unsur.name) + (_(" <b>(terendah)</b>") if row.weakest else ""),
              num(row.total), _decimal(row.nrr_shown), _decimal(row.weighted_shown), _decimal(row.ikm_shown)]
             for row in report.unsur_rows]
    return [kit.table([_("Ukuran"), _("Nilai")], rows, [0.55, 0.45]), Spacer(1, 3),
            kit.table(["No", _("Unsur pelayanan"), _("Jumlah nilai"), "NRR", _("NRR tertimbang"), _("IKM unsur")],
                      unsur,
                      [0.07, 0.43, 0.12, 0.12, 0.13, 0.13], right=(2, 3, 4, 5)),
            kit.p(text(str(WEIGHTING)), "small")]


def ikm_section(report, kit: Kit) -> list:
    """The IKM summary of the SOP report's period and Bidang, as a section of the monthly pack."""
    return [kit.h2(_("Ringkasan Indeks Kepuasan Masyarakat (PermenPANRB 14/2017)")),
            *summary(ikm_report(report.scope), kit)]


def ikm_pdf(scope: Scope, *, signer: Signer | None, printed_at: datetime) -> bytes:
    """The IKM report on its own: kop, period, summary and NRR per unsur, per Bidang, the respondents'
    profile, the suggestions and complaints (the newest first), the signature block."""
    kit = Kit(Letterhead.current(), signer, printed_at)
    report = ikm_report(scope)
    story = [*kit.kop(), kit.p(_("LAPORAN HASIL SURVEI KEPUASAN MASYARAKAT"), "h1"),
             kit.p(_("<b>Periode:</b> %(period)s") % {"period": text(scope.period.label)}
                   + (_(" · <b>Bidang:</b> %(bidang)s") % {"bidang": text(scope.bidang)} if scope.bidang else "")),
             kit.h2(_("Indeks Kepuasan Masyarakat")), *summary(report, kit), *_per_bidang(report, kit),
             *_channels(scope, kit), *_profile(scope, kit), *_suggestions(scope, kit), *_plans(scope, kit),
             kit.signature()]
    period = scope.period.label
    return kit.build(story, title=_("Laporan SKM %(period)s") % {"period": period},
                     footer=_("Laporan SKM · %(period)s") % {"period": period})


def _per_bidang(report: IkmReport, kit: Kit) -> list:
    rows = [[text(row.bidang or _("Seluruh kantor")), num(row.figures.respondents), _decimal(row.ikm_shown),
             text(row.grade.letter if row.grade else "—"),
             f"{_decimal(row.compliance_shown)}%" if row.compliance_shown is not None else "—"]
            for row in report.table_rows]
    return [kit.h2(_("Per Bidang")), kit.table([_("Bidang"), _("Responden"), "IKM", _("Mutu"), _("Kepatuhan SOP")],
                                               rows,
                                            [0.42, 0.14, 0.14, 0.12, 0.18], right=(1, 2, 4))]


def _profile(scope: Scope, kit: Kit) -> list:
    story = [kit.h2(_("Profil responden"))]
    for section in respondent_profile(scope):
        rows = [[text(label), num(count), f"{_decimal(percent)}%" if percent is not None else "—"]
                for label, count, percent in section["rows"]]
        story += [kit.p(f"<b>{text(section['label'])}</b>", "small"),
                  kit.table([_("Jawaban"), _("Jumlah"), _("Persen")], rows, [0.5, 0.2, 0.3], right=(1, 2)), Spacer(1,
                                                                                                                   3)]
    return story


def _channels(scope: Scope, kit: Kit) -> list:
    rows = [[text(row.label), num(row.respondents), _decimal(row.ikm_shown),
             text(row.grade.letter if row.grade else "—")] for row in ikm_by_channel(scope)]
    if not rows:
        return []
    return [kit.h2(_("IKM per kanal")), kit.table([_("Kanal"), _("Responden"), "IKM", _("Mutu")], rows,
                                               [0.46, 0.18, 0.18, 0.18], right=(1, 2))]


def _plans(scope: Scope, kit: Kit) -> list:
    """The rencana tindak lanjut of the period, and what became of the earlier periods' open plans."""
    story = [kit.h2(_("Rencana tindak lanjut"))]
    parts = [(_("Periode ini"), plans_of(scope.period), _("Belum ada rencana tindak lanjut untuk periode ini.")),
             (_("Tindak lanjut periode sebelumnya"), carried_over(scope.period),
              _("Tidak ada rencana dari periode sebelumnya yang masih terbuka."))]
    for title, plans, empty in parts:
        rows = [[text(str(plan.unsur)), text(plan.action), text(date_format(plan.due, "j F Y")),
                 text(plan.responsible), text(_status(plan))] for plan in plans]
        story.append(kit.p(f"<b>{text(title)}</b>", "small"))
        story.append(kit.table([_("Unsur"), _("Rencana tindak lanjut"), _("Waktu"), _("Penanggung jawab"),
                                _("Status")], rows,
                               [0.2, 0.36, 0.14, 0.15, 0.15]) if rows else kit.p(text(empty), "small"))
    return story


def _status(plan) -> str:
    closed = f" ({plan.closed_on:%d/%m/%Y})" if plan.closed_on else ""
    note = f": {plan.status_note}" if plan.status_note else ""
    return f"{plan.get_status_display()}{closed}{note}"


def _suggestions(scope: Scope, kit: Kit) -> list:
    found = suggestions(scope)
    count = found.count()
    shown_rows = list(found[:SUGGESTION_LIMIT])
    if not shown_rows:
        return [kit.h2(_("Saran dan pengaduan")), kit.p(_("Tidak ada saran atau pengaduan pada periode ini."))]
    rows = [[text(r.day.strftime("%d/%m/%Y")), text(_("Pengaduan") if r.is_complaint else _("Saran")),
             text(r.bidang or "—"), text(r.suggestion)] for r in shown_rows]
    if count > len(shown_rows):
        note = _("%(count)s saran dan pengaduan; %(shown)s terbaru tercantum.") % {
            "count": num(count), "shown": num(len(shown_rows))}
    else:
        note = _("%(count)s saran dan pengaduan.") % {"count": num(count)}
    return [kit.h2(_("Saran dan pengaduan")), kit.p(text(note), "small"),
            kit.table([_("Tanggal"), _("Jenis"), _("Bidang"), _("Isi")], rows, [0.12, 0.12, 0.2, 0.56])]
