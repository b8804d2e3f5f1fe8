"""Daily tidying that no person sees: ended sessions, old form keys, old throttle counters.

Sessions of visitors of the public pages (a /daftar/ form opened, never sent) pile up otherwise.
"""

from datetime import timedelta

from django.contrib.sessions.models import Session
from django.core.management.base import BaseCommand

from pojok import clock
from pojok.models import IdempotencyKey, ThrottleCount

KEYS_KEPT = timedelta(days=7)  # a retry comes within minutes; a week is plenty


class Command(BaseCommand):
    help = "Menghapus sesi yang sudah berakhir, kunci kirim-sekali lama, dan hitungan pembatas lama."

    def handle(self, *args, **options):
        now = clock.now()
        sessions, _ = Session.objects.filter(expire_date__lt=now).delete()
        keys, _ = IdempotencyKey.objects.filter(created_at__lt=now - KEYS_KEPT).delete()
        counts, _ = ThrottleCount.objects.filter(ends_at__lt=now).delete()
        self.stdout.write(f"Dihapus: {sessions} sesi berakhir, {keys} kunci kirim-sekali, "
                          f"{counts} hitungan pembatas.")
