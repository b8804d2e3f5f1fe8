"""Retention: replace guests' names, phones and free text older than the retention period by placeholders.

Safe from cron (e.g. `15 1 * * *`): batched updates, no row read into Python, and a second run
finds nothing left to change. Statistics (days, times, steps, Bidang, topic, origin) stay intact.
"""

from django.core.management.base import CommandError

from offices.commands import OfficeCommand
from privacy.models import MIN_RETENTION_DAYS
from privacy.retention import BATCH_SIZE, anonymize_expired, retention_cutoff


class Command(OfficeCommand):
    help = "Anonimkan data pribadi tamu yang lebih lama dari masa simpan (bawaan: pengaturan Admin)."

    def add_arguments(self, parser):
        parser.add_argument("--older-than", type=int, metavar="HARI",
                            help="masa simpan dalam hari; bawaan: pengaturan data pribadi di Admin")
        parser.add_argument("--batch-size", type=int, default=BATCH_SIZE, help="baris per UPDATE")

    def handle(self, *args, older_than=None, batch_size=BATCH_SIZE, **options):
        if older_than is not None and older_than < MIN_RETENTION_DAYS:
            raise CommandError(f"--older-than paling sedikit {MIN_RETENTION_DAYS} hari.")
        if batch_size < 1:
            raise CommandError("--batch-size paling sedikit 1.")
        cutoff = retention_cutoff(older_than)
        counts = anonymize_expired(cutoff=cutoff, batch_size=batch_size)
        self.stdout.write(f"Data sebelum {cutoff:%d-%m-%Y} dianonimkan:")
        for label, count in counts.items():
            self.stdout.write(f"  {label}: {count} baris diubah")
        self.stdout.write(self.style.SUCCESS(f"Jumlah: {sum(counts.values())} baris diubah."))
