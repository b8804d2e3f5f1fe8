"""The SOP compliance report from the command line, for cron jobs and checks.

    python manage.py sop_report --from 2026-10-01 --to 2026-10-31 [--bidang anggaran] [--format table|csv|json]
    python manage.py sop_report --from ... --to ... --format pdf --out laporan.pdf [--penandatangan ID]

It prints the same tables as the page and its exports (visits.reports.tables), or writes the PDF pack.
"""

import argparse
import json
from datetime import date
from pathlib import Path

from django.core.management.base import CommandError

from offices.commands import OfficeCommand
from pojok import clock
from pojok.exports import write_csv
from pojok.periods import RANGE
from visits.forms.reports import ReportFilter
from visits.models import Signer
from visits.reports import build_report
from visits.reports.pdf import sop_pack
from visits.reports.tables import tables


class Command(OfficeCommand):
    help = "Mencetak laporan kepatuhan SOP untuk rentang tanggal (tabel, CSV, atau JSON)."

    def add_arguments(self, parser):
        parser.add_argument("--from", dest="start", type=iso_date, required=True, help="tanggal awal TTTT-BB-HH")
        parser.add_argument("--to", dest="end", type=iso_date, required=True, help="tanggal akhir TTTT-BB-HH")
        parser.add_argument("--bidang", default="", help="kode Bidang, misalnya anggaran")
        parser.add_argument("--format", choices=["table", "csv", "json", "pdf"], default="table")
        parser.add_argument("--out", default="", help="berkas tujuan (wajib untuk --format pdf)")
        parser.add_argument("--penandatangan", default="", help="id penandatangan (bawaan: yang ditandai bawaan)")

    def handle(self, *args, start, end, bidang, format, out="", penandatangan="", **options):
        if format == "pdf" and not out:
            raise CommandError("--format pdf memerlukan --out BERKAS.pdf")
        filterset = ReportFilter({"periode": RANGE, "dari": start.isoformat(), "sampai": end.isoformat(),
                                  "bidang": bidang})
        if not filterset.is_valid():
            problems = "; ".join(f"{name}: {' '.join(errors)}" for name, errors in filterset.errors.items())
            raise CommandError(problems.replace("dari:", "--from:").replace("sampai:", "--to:")
                               .replace("bidang:", "--bidang:"))
        report = build_report(filterset.scope())
        if format == "pdf":
            content = sop_pack(report, signer=Signer.chosen(penandatangan), printed_at=clock.local_now())
            Path(out).write_bytes(content)
            self.stdout.write(f"{out}: {len(content):,} bita".replace(",", "."))
            return
        report_tables = tables(report)
        {"table": self._table, "csv": self._csv, "json": self._json}[format](report_tables)

    def _json(self, report_tables) -> None:
        self.stdout.write(json.dumps({t.title: t.as_dicts() for t in report_tables}, ensure_ascii=False, indent=2,
                                     default=str))

    def _csv(self, report_tables) -> None:
        for table in report_tables:
            write_csv(self.stdout, [[table.title], table.header, *table.rows, []])

    def _table(self, report_tables) -> None:
        for table in report_tables:
            cells = [[_text(value) for value in row] for row in [table.header, *table.rows]]
            widths = [min(max(len(row[i]) for row in cells), 60) for i in range(len(table.header))]
            self.stdout.write(self.style.MIGRATE_HEADING(table.title))
            for row in cells:
                line = "  ".join(value[:60].ljust(width) for value, width in zip(row, widths, strict=True))
                self.stdout.write(line.rstrip())
            self.stdout.write("")


def iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"tanggal {text!r} tidak valid: tulis TTTT-BB-HH") from None


def _text(value) -> str:
    return "—" if value is None else str(value)
