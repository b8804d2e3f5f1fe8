"""Benchmark of the SOP month report on PostgreSQL: 10,000 visits of history, then 1,000,000.

In one run it seeds with seed_demo, measures the month report page's server time and query count,
runs the report's own SQL directly for comparison, grows the history with older years, measures
again and prints the three figures of docs/reports.md. A command, not a test: it takes minutes.
"""

import io
import statistics
import time
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from offices.commands import OfficeCommand
from pojok import clock
from visits.forms.reports import ReportFilter
from visits.models import Visit
from visits.reports import build_report

VISIT_TABLES = ["visits_visit", "visits_visitstep", "visits_visitevent", "visits_consultation",
                "visits_routingdecision", "visits_queuecounter"]


def measure_page(client: Client, url: str, statements: list[str], repeat: int, *, before=None) -> dict:
    """Server time of the page and of its bare SQL, taken in turns so both see the same load.

    The figures use the fastest of the runs, the one least disturbed by other work on the
    machine (as Python's timeit advises); the medians are kept beside them. `before()`, if given,
    runs before each request, untimed (the writes a page finds made since it was last read).
    """
    page_times, sql_times, queries = [], [], 0
    for _ in range(repeat + 1):  # the first round warms the caches and is not counted
        if before:
            before()
        with CaptureQueriesContext(connection) as captured:
            started = time.perf_counter()
            response = client.get(url, HTTP_HOST="localhost")
            page_times.append(time.perf_counter() - started)
        assert response.status_code == 200, response.status_code
        queries = len(captured.captured_queries)
        sql_times.append(run_sql(statements))
    return {"page": min(page_times[1:]), "sql": min(sql_times[1:]),
            "page_median": statistics.median(page_times[1:]), "sql_median": statistics.median(sql_times[1:]),
            "queries": queries, "report_queries": len(statements)}


def captured_sql(call) -> list[str]:
    """The SQL `call()` runs, with its parameters filled in."""
    with CaptureQueriesContext(connection) as captured:
        call()
    # BEGIN and COMMIT are atomic()'s: run_sql opens its own transaction around the rest
    return [query["sql"] for query in captured.captured_queries if query["sql"] not in ("BEGIN", "COMMIT")]


def report_sql(month) -> list[str]:
    """The SQL the office's month report runs, captured from the report itself."""
    filterset = ReportFilter({"periode": "bulan", "bulan": f"{month:%Y-%m}"})
    assert filterset.is_valid(), filterset.errors
    return captured_sql(lambda: build_report(filterset.scope()))


def run_sql(statements: list[str]) -> float:
    """The statements in one transaction, as the report runs them (its SET LOCAL included)."""
    started = time.perf_counter()
    with transaction.atomic(), connection.cursor() as cursor:
        for sql in statements:
            cursor.execute(sql)
            if cursor.description:
                cursor.fetchall()
    return time.perf_counter() - started


class Command(OfficeCommand):
    help = "Mengukur laporan SOP bulanan dengan 10.000 lalu 1.000.000 kunjungan (PostgreSQL)."

    def add_arguments(self, parser):
        parser.add_argument("--small", type=int, default=10_000, help="kunjungan pada pengukuran pertama")
        parser.add_argument("--large", type=int, default=1_000_000, help="kunjungan pada pengukuran kedua")
        parser.add_argument("--recent-days", type=int, default=300, help="hari terakhir yang berisi --small kunjungan")
        parser.add_argument("--older-days", type=int, default=9_900, help="hari sebelum itu untuk sisa kunjungan")
        parser.add_argument("--repeat", type=int, default=15, help="pengulangan tiap pengukuran")
        parser.add_argument("--reset", action="store_true", help="hapus semua kunjungan dulu (basis data uji saja!)")

    def handle(self, *args, small, large, recent_days, older_days, repeat, reset, **options):
        if connection.vendor != "postgresql":
            raise CommandError("Benchmark ini untuk PostgreSQL: setel DATABASE_URL=postgres://...")
        if reset:
            with connection.cursor() as cursor:
                cursor.execute(f"TRUNCATE {', '.join(VISIT_TABLES)} CASCADE")
        if Visit.objects.count() > small:
            raise CommandError(f"Basis data sudah berisi lebih dari {small} kunjungan: jalankan dengan --reset.")
        today = clock.today()
        month = (today.replace(day=1) - timedelta(days=1)).replace(day=1)  # the last full month
        self._seed(small, recent_days, end=today)
        first = self._measure(month, repeat)
        seconds = self._seed(large - small, older_days, end=today - timedelta(days=recent_days))
        second = self._measure(month, repeat)
        self._print(month, first, second, large - small, seconds)

    def _seed(self, visits: int, days: int, *, end) -> float:
        started = time.perf_counter()
        call_command("seed_demo", visits=visits, days=days, end=end, password="bench-only", stdout=io.StringIO())
        elapsed = time.perf_counter() - started
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")  # what autovacuum does after a bulk load, done now
        self.stdout.write(f"Diisi {visits} kunjungan dalam {elapsed:.1f} s; total {Visit.objects.count()}.")
        return elapsed

    def _measure(self, month, repeat: int) -> dict:
        """Server time of the month report page and of its bare SQL (measure_page), with the visits."""
        client = Client()
        client.force_login(get_user_model().objects.get(username="pimpinan"))
        url = f"{reverse('visits:reports')}?periode=bulan&bulan={month:%Y-%m}"
        measured = measure_page(client, url, report_sql(month), repeat)
        return {**measured, "visits": Visit.objects.count(), "month_visits": Visit.objects.filter(
            day__year=month.year, day__month=month.month).count()}

    def _print(self, month, first: dict, second: dict, added: int, seed_seconds: float) -> None:
        out = self.stdout.write
        out(f"\nLaporan bulan {month:%Y-%m} (PostgreSQL); waktu tercepat (median) dari beberapa permintaan:")
        for label, m in (("kecil", first), ("besar", second)):
            out(f"  {label}: {m['visits']:>9} kunjungan ({m['month_visits']} pada bulan itu): halaman "
                f"{m['page'] * 1000:.1f} ms ({m['page_median'] * 1000:.1f}), SQL laporan langsung "
                f"{m['sql'] * 1000:.1f} ms ({m['sql_median'] * 1000:.1f}), "
                f"{m['queries']} query halaman ({m['report_queries']} pernyataan SQL laporan)")
        growth = second["page"] / first["page"]
        overhead = second["page"] / second["sql"]
        out(f"1. waktu {second['visits']} / {first['visits']} kunjungan: {growth:.2f} (target <= 1,5) "
            f"{'LULUS' if growth <= 1.5 else 'GAGAL'}")
        out(f"2. halaman / SQL langsung pada {second['visits']} kunjungan: {overhead:.2f} (target <= 2) "
            f"{'LULUS' if overhead <= 2 else 'GAGAL'}")
        same = first["queries"] == second["queries"]
        out(f"3. jumlah query: {first['queries']} dan {second['queries']} {'LULUS' if same else 'GAGAL'}")
        out(f"Mengisi {added} kunjungan lama: {seed_seconds:.0f} s ({added / seed_seconds:.0f} kunjungan/s).")
