"""File last month's SOP pack (the 1st of each month, deploy/systemd/pojok-monthly-pack.timer):

    python manage.py file_monthly_pack [--month 2026-10] [--penandatangan ID] [--by "systemd pojok-monthly-pack"]

Running it again for the same month files a new version; the old ones stay as they were.
"""

from datetime import date

from django.core.management.base import CommandError

from offices.commands import OfficeCommand
from pojok import clock
from visits.models import Signer

from ...packs import file_sop_pack, last_month


def month_of(text: str) -> date:
    try:
        return date.fromisoformat(f"{text}-01")
    except ValueError:
        raise CommandError(f"bulan {text!r} tidak valid: tulis TTTT-BB") from None


class Command(OfficeCommand):
    help = "Membuat dan mengarsipkan laporan bulanan kepatuhan SOP (PDF) bulan lalu sebagai versi baru."

    def add_arguments(self, parser):
        parser.add_argument("--month", default="", help="bulan TTTT-BB (bawaan: bulan lalu)")
        parser.add_argument("--penandatangan", default="", help="id penandatangan (bawaan: yang ditandai bawaan)")
        parser.add_argument("--by", default="manage.py file_monthly_pack", help="siapa/apa yang membuatnya")

    def handle(self, *args, month="", penandatangan="", by="manage.py file_monthly_pack", **options):
        first = month_of(month) if month else last_month(clock.today())
        pack = file_sop_pack(first, made_how=by, signer=Signer.chosen(penandatangan))
        self.stdout.write(f"diarsipkan: {pack} · {pack.size} bita · SHA-256 {pack.sha256}")
