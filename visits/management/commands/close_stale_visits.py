"""Day's end: visits still open after office hours are closed as "tidak selesai", keeping their record.

Safe to run from cron as often as wanted (e.g. `30 16 * * 1-5` and again at night): a visit closed
once is no longer open, so a second run finds nothing to do.
"""

from datetime import datetime

from django.core.management.base import CommandError
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from offices.commands import OfficeCommand
from pojok import clock
from visits.models import State, close_stale_visits, stale_visits


class Command(OfficeCommand):
    help = "Tutup kunjungan yang masih terbuka setelah jam kantor sebagai tidak selesai."

    def add_arguments(self, parser):
        parser.add_argument("--at", help="waktu acuan (YYYY-MM-DDTHH:MM, WIB); bawaan: sekarang")
        parser.add_argument("--dry-run", action="store_true", help="hanya tampilkan, tidak mengubah apa pun")

    def handle(self, *args, at=None, dry_run=False, **options):
        moment = self._moment(at)
        if dry_run:
            for visit in stale_visits(at=moment):
                self.stdout.write(f"akan ditutup: {self._name(visit)} ({visit.get_state_display()})")
            return
        closed = close_stale_visits(at=moment)
        for item in closed:
            stage = State(item.from_state).label
            name = self._name(item.visit)
            self.stdout.write(f"ditutup: {name} dari tahap \u201c{stage}\u201d. {item.note}")
        if closed:
            self.stdout.write(self.style.SUCCESS(f"{len(closed)} kunjungan ditutup sebagai tidak selesai."))
        else:
            self.stdout.write("Tidak ada kunjungan terbuka yang perlu ditutup.")

    @staticmethod
    def _name(visit) -> str:
        return f"{visit.day:%d-%m-%Y} {visit.queue_number} {visit.guest_name}"

    @staticmethod
    def _moment(text: str | None) -> datetime:
        if not text:
            return clock.now()
        moment = parse_datetime(text)
        if moment is None:
            raise CommandError("Tulis --at seperti 2026-11-23T16:30.")
        return timezone.make_aware(moment) if timezone.is_naive(moment) else moment
