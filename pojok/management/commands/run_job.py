"""Run one scheduled job and log one JSON line for the run (deploy/ timers and cron call this).

    python manage.py run_job send_notifications
    python manage.py run_job sop_report --from 2026-10-01 --to 2026-10-31 --format csv

The job's own output goes to stdout as before (a report to a file); the line (job, run id, ok or
error, duration) goes to the log on stderr. A failing job still fails the run (exit status 1).
"""

import argparse

from django.core.management import call_command
from django.core.management.base import BaseCommand

from pojok.logs import job_run


class Command(BaseCommand):
    help = "Menjalankan satu tugas terjadwal dan mencatat satu baris log JSON untuk setiap kali jalan."

    def add_arguments(self, parser):
        parser.add_argument("job", help="nama perintah, misalnya send_notifications")
        parser.add_argument("job_args", nargs=argparse.REMAINDER, help="argumen perintah itu")

    def handle(self, *args, job, job_args, **options):
        with job_run(job):
            call_command(job, *job_args, stdout=self.stdout, stderr=self.stderr)
