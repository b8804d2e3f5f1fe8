"""The report as plain tables: what the CSV and XLSX exports and the sop_report command write.

Every table holds the same numbers the page shows (durations in whole seconds, shares in percent
with one decimal, days as dates), so an export can be checked against the page; each file writes them
in its own way (pojok.exports: the CSV dialect, typed XLSX cells).
"""

from dataclasses import dataclass

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from ..models.lifecycle import QUEUE_PREFIX, Channel
from .figures import Report

SUMMARY = "summary"  # the key of the summary table (its title is translated)


def dimension_header() -> list[str]:
    return [_("Nama"), _("Kunjungan"), _("Langkah tercatat"), _("Dengan standar"), _("Sesuai standar"),
            _("Lewat standar"), _("Kepatuhan (%)"), _("Median tunggu (detik)"), _("Median konsultasi (detik)")]


@dataclass
class Table:
    title: str
    header: list[str]
    rows: list[list]
    key: str = ""

    def as_dicts(self) -> list[dict]:
        return [dict(zip(self.header, row, strict=True)) for row in self.rows]


def tables(report: Report) -> list[Table]:
    return [summary(report), per_step(report), dimension(_("Per Bidang"), report.by_bidang),
            dimension(_("Per topik"), report.by_topic), dimension(_("Per petugas"), report.by_officer),
            dimension(_("Per kanal"), report.by_channel), place(report),
            per_day(report), worst(report), monitoring(report)]


def summary(report: Report) -> Table:
    h = report.headline
    rows = [[_("Kunjungan"), h["visits"]], [_("Jarak jauh"), h["remote"]], [_("Selesai"), h["finished"]],
            [_("Batal"), h["cancelled"]],
            [_("Kedatangan dengan daftar periksa"), h["arrivals"]],
            [_("Kedatangan dengan protokol lengkap"), h["arrivals_complete"]],
            [_("Langkah tercatat"), h["steps"]], [_("Langkah dengan standar"), h["with_standard"]],
            [_("Sesuai standar"), h["within"]], [_("Kepatuhan SOP (%)"), h["share"]],
            [_("Median waktu tunggu (detik)"), h["median_wait"]],
            [_("Median waktu konsultasi (detik)"), h["median_consult"]],
            [_("Standar tunggu Bidang (menit)"), h["wait_standard"]],
            [_("Tunggu dengan standar"), h["wait_with_standard"]], [_("Tunggu sesuai standar"), h["wait_within"]],
            [_("Tunggu sesuai standar (%)"), h["wait_share"]],
            [_("Ambang kepatuhan (%)"), report.threshold]]
    return Table(_("Ringkasan"), [_("Ukuran"), _("Nilai")],
                 [*([label, value] for label, value in report.scope.describe()), *rows], key=SUMMARY)


def per_step(report: Report) -> Table:
    header = ["No", _("Langkah SOP"), _("Standar (menit)"), _("Tercatat"), _("Dengan standar"),
              _("Sesuai standar"), _("Lewat standar"), _("Kepatuhan (%)"), _("Median (detik)"),
              _("Persentil 90 (detik)"), _("Terlama (detik)")]
    rows = [[s["number"], s["name"], s["standard_minutes"], s["steps"], s["with_standard"], s["within"], s["over"],
             s["share"], s["median"], s["p90"], s["longest"]] for s in report.step_rows]
    return Table(_("Per langkah SOP"), header, rows)


def dimension(title: str, rows: list[dict]) -> Table:
    return Table(title, dimension_header(), [
        [r["label"], r["visits"], r["steps"], r["with_standard"], r["within"], r["over"], r["share"],
         r["median_wait"], r["median_consult"]] for r in rows])


def place(report: Report) -> Table:
    return Table(_("Di kantor vs jarak jauh"), [_("Bidang"), _("Di kantor"), _("Jarak jauh"), _("Jumlah")], [
        [r["label"], r["in_office"], r["remote"], r["total"]] for r in report.by_bidang_place])


def per_day(report: Report) -> Table:
    header = [_("Tanggal"), _("Kunjungan"), _("Langkah tercatat"), _("Dengan standar"), _("Sesuai standar"),
              _("Lewat standar"), _("Kepatuhan (%)")]
    return Table(_("Per hari"), header, [
        [r["day"], r["visits"], r["steps"], r["with_standard"], r["within"], r["over"], r["share"]]
        for r in report.by_day])


def worst(report: Report) -> Table:
    header = [_("Tanggal"), _("No. antrean"), _("Tamu"), _("Asal instansi"), _("Bidang"), _("Kanal"), _("Langkah"),
              _("Standar (menit)"),
              _("Durasi (detik)"), _("Lewat (detik)"), _("Dicatat oleh"), _("Riwayat")]
    return Table(_("Kasus lewat standar (terlama)"), header, [
        [s.visit.day, s.visit.queue_number, s.visit.guest_name, s.visit.origin,
         str(s.visit.bidang or ""), s.visit.get_channel_display(), s.number, s.standard_minutes, s.duration_seconds,
         s.over_seconds,
         s.ended_by.display_name if s.ended_by else "", reverse("visits:detail", args=[s.visit_id])]
        for s in report.worst])


def monitoring(report: Report) -> Table:
    header = ["No", _("Prosedur"), _("Kelengkapan"), _("Penilaian"), _("Catatan"), _("Tindakan")]
    return Table(_("Monitoring Pelaksanaan SOP AP"), header, [
        [m["number"], m["name"], m["kelengkapan"], m["assessment"], m["note"], m["action"]]
        for m in report.monitoring])


def detail_header() -> list[str]:
    return [_("Tanggal"), _("No. antrean"), _("Tamu"), _("Asal instansi"), _("Bidang"), _("Topik"), _("Langkah"),
            _("Mulai"), _("Selesai"), _("Durasi (detik)"), _("Standar (menit)"), _("Sesuai standar"),
            _("Dicatat oleh"), _("Kanal")]


def detail_rows(report: Report, *, chunk_size: int = 2000):
    """Every step the figures count, one row each, read from the database in chunks (a year fits)."""
    rows = (report.scope.done_steps()
            .order_by("visit__day", "visit__queue_seq", "number")
            .values_list("visit__day", "visit__queue_seq", "visit__guest_name", "visit__origin",
                         "visit__bidang__name", "visit__topic__name", "visit__channel", "number", "started_at",
                         "ended_at", "duration_seconds", "standard_minutes", "ended_by__username"))
    channels = dict(Channel.choices)
    for day, seq, guest, origin, bidang, topic, channel, number, started, ended, seconds, standard, by in (
            rows.iterator(chunk_size=chunk_size)):
        verdict = "" if standard is None else (_("ya") if seconds <= standard * 60 else _("tidak"))
        yield [day, f"{QUEUE_PREFIX}-{seq:03d}", guest, origin, bidang or "", topic or "", number,
               timezone.localtime(started), timezone.localtime(ended), seconds, standard, verdict, by or "",
               channels.get(channel, channel)]


