"""Answer part of the finished demo visits, so the IKM report has figures (safe to repeat)."""

from django.core.management.base import CommandError

from offices.commands import OfficeCommand
from survey.demo import add_demo_responses


class Command(OfficeCommand):
    help = "Mengisi survei kepuasan untuk sebagian kunjungan demo yang selesai (aman dijalankan berulang)."
    default_offices = ["bpkad"]  # the demo of BPKAD's own catalog

    def add_arguments(self, parser):
        parser.add_argument("--share", type=float, default=0.6,
                            help="bagian kunjungan selesai yang mengisi (0–1)")

    def handle(self, *args, share: float, **options):
        if not 0 <= share <= 1:
            raise CommandError("--share harus antara 0 dan 1.")
        self.stdout.write(f"Jawaban survei demo ditambahkan: {add_demo_responses(share=share)}.")
