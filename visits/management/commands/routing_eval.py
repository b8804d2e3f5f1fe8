"""manage.py routing_eval: replay the decision history in time order and print how good the suggestion was."""

from django.core.management.base import CommandError

from offices.commands import OfficeCommand
from routing.evaluate import replay
from routing.models import Bidang, Topic
from routing.report import replay_lines
from visits.routing_history import decision_history


class Command(OfficeCommand):
    help = ("Putar ulang riwayat keputusan rute menurut waktu (belajar hanya dari keputusan sebelumnya) dan "
            "cetak ketepatan top-1 dan top-2: kata kunci saja dan gabungan, per Bidang dan per bulan.")

    def add_arguments(self, parser):
        parser.add_argument("--last", type=int, default=0, help="hanya N keputusan terakhir (bawaan: semua)")

    def handle(self, *args, last=0, **options):
        if last < 0:
            raise CommandError("--last tidak boleh negatif.")
        decisions = decision_history()[-last:] if last else decision_history()
        if not decisions:
            self.stdout.write("Belum ada keputusan rute untuk diuji.")
            return
        topics = list(Topic.objects.filter(active=True, bidang__active=True).select_related("bidang"))
        names = dict(Bidang.objects.values_list("code", "name"))
        for line in replay_lines(replay(decisions, topics), names):
            self.stdout.write(line)
