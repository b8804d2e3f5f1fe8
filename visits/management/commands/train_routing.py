"""manage.py train_routing: a new version of the learned routing from the office's decisions (cron, nightly)."""


from offices.commands import OfficeCommand
from pojok import clock
from routing.training import train_routing
from visits.routing_history import decision_history


class Command(OfficeCommand):
    help = "Latih ulang saran rute dari keputusan rute kantor ini (jalankan tiap malam dari cron)."

    def add_arguments(self, parser):
        parser.add_argument("--force", action="store_true", help="latih juga bila tidak ada keputusan baru")

    def handle(self, *args, force=False, **options):
        decisions = decision_history()
        model = train_routing(decisions, at=clock.now(), force=force)
        if model is None:
            self.stdout.write(f"Tidak ada keputusan baru sejak pelatihan terakhir ({len(decisions)} keputusan).")
            return
        overall = model.evaluation["overall"]
        figures = ""
        if overall["n"]:
            figures = (f" Uji ulang: kata kunci {overall['keywords_top1'] / overall['n']:.1%}, "
                       f"gabungan {overall['combined_top1'] / overall['n']:.1%} (top-1).")
        self.stdout.write(self.style.SUCCESS(
            f"Model rute versi {model.version} dilatih dari {model.decisions} keputusan.{figures}"))
