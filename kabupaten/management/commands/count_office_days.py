"""Count again every office day noted as changed (kabupaten/tally.py).

The kabupaten's page does this on each read. Run each night as well (deploy/systemd, the README's cron
lines), after the stale visits are closed: the next morning's first read then has little to count, and
the notes do not pile up in the months nobody opens the page.
"""

from django.core.management.base import BaseCommand

from offices.current import no_office

from ...tally import refresh


class Command(BaseCommand):
    help = "Menghitung ulang angka per kantor dan hari yang berubah, untuk halaman kabupaten."

    def handle(self, *args, **options):
        with no_office():  # every office's days
            counted = refresh()
        self.stdout.write(f"{counted} hari kantor dihitung ulang.")
