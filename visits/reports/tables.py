"""The report as plain tables: what the CSV and XLSX exports and the sop_report command write.

Every table holds the same numbers the page shows (durations in whole seconds, shares in percent
with one decimal, days as dates), so an export can be checked against the page; each file writes them
in its own way (pojok.exports: the CSV dialect, typed XLSX cells).
"""

from dataclasses import dataclass

from django.urls import reverse
from django.utils import timezone

from ..models.lifecycle import QUEUE_PREFIX, Channel
from .figures import Report

SUMMARY = "Ringkasan"
DIMENSION_HEADER = ["Nama", "Kunjungan", "Langkah tercatat", "Dengan standar", "Sesuai standar", "Lewat standar",
                    "Kepatuhan (%)", "Median tunggu (detik)", "Median konsultasi (detik)"]


@dataclass
class Table:
    title: str
    header: list[str]
    rows: list[list]

    def as_dicts(self) -> list[dict]:
        return [dict(zip(self.header, row, strict=True)) for row in self.rows]


def tables(report: Report) -> list[Table]:
    return [summary(report), per_step(report), dimension("Per Bidang", report.by_bidang),
            dimension("Per topik", report.by_topic), dimension("Per petugas", report.by_officer),
            dimension("Per kanal", report.by_channel), place(report),
            per_day(report), worst(report), monitoring(report)]


def summary(report: Report) -> Table:
    h = report.headline
    rows = [["Kunjungan", h["visits"]], ["Jarak jauh", h["remote"]], ["Selesai", h["finished"]],
            ["Batal", h["cancelled"]],
            ["Kedatangan dengan daftar periksa", h["arrivals"]],
            ["Kedatangan dengan protokol lengkap", h["arrivals_complete"]],
            ["Langkah tercatat", h["steps"]], ["Langkah dengan standar", h["with_standard"]],
            ["Sesuai standar", h["within"]], ["Kepatuhan SOP (%)", h["share"]],
            ["Median waktu tunggu (detik)", h["median_wait"]],
            ["Median waktu konsultasi (detik)", h["median_consult"]],
            ["Standar tunggu Bidang (menit)", h["wait_standard"]],
            ["Tunggu dengan standar", h["wait_with_standard"]], ["Tunggu sesuai standar", h["wait_within"]],
            ["Tunggu sesuai standar (%)", h["wait_share"]],
            ["Ambang kepatuhan (%)", report.threshold]]
    return Table(SUMMARY, ["Ukuran", "Nilai"], [*([label, value] for label, value in report.scope.describe()),
                                                   *rows])


def per_step(report: Report) -> Table:
    header = ["No", "Langkah SOP", "Standar (menit)", "Tercatat", "Dengan standar", "Sesuai standar",
              "Lewat standar", "Kepatuhan (%)", "Median (detik)", "Persentil 90 (detik)", "Terlama (detik)"]
    rows = [[s["number"], s["name"], s["standard_minutes"], s["steps"], s["with_standard"], s["within"], s["over"],
             s["share"], s["median"], s["p90"], s["longest"]] for s in report.step_rows]
    return Table("Per langkah SOP", header, rows)


def dimension(title: str, rows: list[dict]) -> Table:
    return Table(title, DIMENSION_HEADER, [
        [r["label"], r["visits"], r["steps"], r["with_standard"], r["within"], r["over"], r["share"],
         r["median_wait"], r["median_consult"]] for r in rows])


def place(report: Report) -> Table:
    return Table("Di kantor vs jarak jauh", ["Bidang", "Di kantor", "Jarak jauh", "Jumlah"], [
        [r["label"], r["in_office"], r["remote"], r["total"]] for r in report.by_bidang_place])


def per_day(report: Report) -> Table:
    header = ["Tanggal", "Kunjungan", "Langkah tercatat", "Dengan standar", "Sesuai standar", "Lewat standar",
              "Kepatuhan (%)"]
    return Table("Per hari", header, [
        [r["day"], r["visits"], r["steps"], r["with_standard"], r["within"], r["over"], r["share"]]
        for r in report.by_day])


def worst(report: Report) -> Table:
    header = ["Tanggal", "No. antrean", "Tamu", "Asal instansi", "Bidang", "Kanal", "Langkah", "Standar (menit)",
              "Durasi (detik)", "Lewat (detik)", "Dicatat oleh", "Riwayat"]
    return Table("Kasus lewat standar (terlama)", header, [
        [s.visit.day, s.visit.queue_number, s.visit.guest_name, s.visit.origin,
         str(s.visit.bidang or ""), s.visit.get_channel_display(), s.number, s.standard_minutes, s.duration_seconds,
         s.over_seconds,
         s.ended_by.display_name if s.ended_by else "", reverse("visits:detail", args=[s.visit_id])]
        for s in report.worst])


def monitoring(report: Report) -> Table:
    header = ["No", "Prosedur", "Kelengkapan", "Penilaian", "Catatan", "Tindakan"]
    return Table("Monitoring Pelaksanaan SOP AP", header, [
        [m["number"], m["name"], m["kelengkapan"], m["assessment"], m["note"], m["action"]]
        for m in report.monitoring])


DETAIL_HEADER = ["Tanggal", "No. antrean", "Tamu", "Asal instansi", "Bidang", "Topik", "Langkah", "Mulai",
                 "Selesai", "Durasi (detik)", "Standar (menit)", "Sesuai standar", "Dicatat oleh", "Kanal"]


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
        verdict = "" if standard is None else ("ya" if seconds <= standard * 60 else "tidak")
        yield [day, f"{QUEUE_PREFIX}-{seq:03d}", guest, origin, bidang or "", topic or "", number,
               timezone.localtime(started), timezone.localtime(ended), seconds, standard, verdict, by or "",
               channels.get(channel, channel)]


