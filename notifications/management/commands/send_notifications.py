"""Send the outbox's waiting and failed emails (safe to run from cron every few minutes)."""


from notifications.models import MAX_ATTEMPTS
from notifications.outbox import send_pending
from offices.commands import OfficeCommand


class Command(OfficeCommand):
    help = f"Mengirim notifikasi email yang tertunda atau gagal (paling banyak {MAX_ATTEMPTS} percobaan)."

    def handle(self, *args, **options):
        counts = send_pending()
        self.stdout.write(f"Notifikasi terkirim: {counts['sent']}, gagal: {counts['failed']}.")
