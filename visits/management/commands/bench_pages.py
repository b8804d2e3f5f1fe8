"""Benchmark of issue 17's figures on PostgreSQL: the polls, the look-ups, the check-in, the sessions.

One run seeds (or reuses) a history of --visits visits with --today guests on today's board and prints
every figure of docs/performance.md as a ratio or a count, each with its method. Requests go through
Django's test client in this process (the whole middleware stack, no network), timed as the fastest of
--repeat runs (the run least disturbed by other work on a shared machine, as Python's timeit advises).
A command, not a test: at 1,000,000 visits the seeding alone takes minutes.
"""

import gzip
import io
import re
import statistics
import time
import uuid
from datetime import date, datetime, timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.staticfiles import finders
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from offices.commands import OfficeCommand
from pojok import clock
from visits import demo_calendar, search
from visits.models import Consultation, Visit

from .bench_reports import VISIT_TABLES
from .bench_reports import Command as ReportBench

DESKS, POLL_SECONDS, CORES = 50, 5, 2
STATIC_LINK = re.compile(r'(?:src|href)="(/static/[^"]+)"')


def fastest(call, repeat: int) -> tuple[float, float, object]:
    """(fastest, median) seconds of `repeat` calls after one warm-up call, and the last result."""
    result = call()
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        result = call()
        times.append(time.perf_counter() - started)
    return min(times), statistics.median(times), result


def busy_morning(day: date) -> datetime:
    """10.30 of the last working day up to `day`: the office open, guests at every step."""
    while not demo_calendar.is_working_day(day):
        day -= timedelta(days=1)
    return demo_calendar.opens(day) + timedelta(hours=2, minutes=30)


class Command(OfficeCommand):
    help = "Mengukur angka-angka isu 17 (papan, pencarian, check-in, sesi) pada PostgreSQL."

    def add_arguments(self, parser):
        parser.add_argument("--visits", type=int, default=10_000, help="kunjungan dalam riwayat")
        parser.add_argument("--days", type=int, default=300, help="hari riwayat untuk kunjungan itu")
        parser.add_argument("--today", type=int, default=35, help="tamu di papan hari ini")
        parser.add_argument("--repeat", type=int, default=20, help="pengulangan tiap pengukuran")
        parser.add_argument("--reset", action="store_true", help="hapus semua kunjungan dulu (basis data uji saja!)")
        parser.add_argument("--no-report", action="store_true", help="lewati laporan SOP (lama pada 1 juta)")

    def handle(self, *args, visits, days, today, repeat, reset, no_report, **options):
        if connection.vendor != "postgresql":
            raise CommandError("Benchmark ini untuk PostgreSQL: setel DATABASE_URL=postgres://...")
        if reset:
            with connection.cursor() as cursor:
                cursor.execute(f"TRUNCATE {', '.join(VISIT_TABLES)} CASCADE")
        self.repeat = repeat
        moment = busy_morning(clock.local_now().date())
        clock.use(lambda: moment)  # a board with guests on it, whenever the benchmark runs
        try:
            self._measure(visits, days, today, no_report)
        finally:
            clock.use(None)

    def _measure(self, visits, days, today, no_report):
        seeded = self._seed(visits, days, today)
        self.rows = []
        self._polls()
        self._lookups()
        self._check_in()
        self._bare_page()
        self._first_load()
        if not no_report:
            self._report()
        if seeded:
            made, seconds = seeded
            self._row("seeding (seed_demo with COPY + ANALYZE)", f"{seconds:.1f} s for {made} visits "
                      f"= {made / seconds:.0f} visits/s, so 1,000,000 in ~{1_000_000 * seconds / made:.0f} s",
                      "wall time of seed_demo --visits in this run")
        self._print(Visit.objects.count(), today)

    # --- the data -----------------------------------------------------------------------------------

    def _seed(self, visits: int, days: int, today: int):
        have = Visit.objects.exclude(day=clock.today()).count()
        made = None
        if have < visits:
            started = time.perf_counter()
            call_command("seed_demo", visits=visits, days=days, end=clock.today(), password="bench-only",
                         no_train=True, stdout=io.StringIO())
            made = (visits - have, time.perf_counter() - started)
        open_today = Visit.objects.of_day(clock.today()).count()
        if open_today < today:
            call_command("seed_demo", today=today - open_today, password="bench-only", no_train=True,
                         stdout=io.StringIO())
        return made

    def _client(self, username: str) -> Client:
        client = Client(HTTP_HOST="localhost", HTTP_ACCEPT_ENCODING="gzip, deflate, br")
        client.force_login(get_user_model().objects.get(username=username))
        return client

    def _row(self, figure: str, value: str, method: str) -> None:
        self.rows.append((figure, value, method))

    # --- the figures --------------------------------------------------------------------------------

    def _polls(self) -> None:
        desk = self._client("petugas")
        bare_url, poll_url = reverse("still_here"), reverse("visits:desk_rows")
        bare, _, _ = fastest(lambda: desk.get(bare_url), self.repeat)
        first = desk.get(poll_url, HTTP_X_POJOK_POLL="1")
        etag = first.headers.get("ETag", "")
        extra = {"HTTP_X_POJOK_POLL": "1", **({"HTTP_IF_NONE_MATCH": etag} if etag else {})}
        poll, poll_median, again = fastest(lambda: desk.get(poll_url, **extra), self.repeat)
        guests = Visit.objects.of_day(clock.today()).open().count()
        self._row("board poll, nothing changed: bare view time / poll time (≈ req/s ratio)",
                  f"{bare / poll:.2f} (status {again.status_code}; poll {poll * 1000:.1f} ms, "
                  f"median {poll_median * 1000:.1f}; bare {bare * 1000:.1f} ms) at {guests} open guests",
                  "fastest of --repeat GETs of /meja-depan/papan/ with the ETag of the previous answer, "
                  "against GET /akun/masih-di-sini/ (a logged-in view that returns 204)")
        body = len(again.content)
        headers = sum(len(k) + len(v) + 4 for k, v in again.headers.items())
        self._row("bytes per poll, nothing changed", f"{body + headers} B ({body} B body, "
                  f"{again.headers.get('Content-Encoding', 'no')} encoding, "
                  f"ETag {'yes' if etag else 'no'}); first poll {len(first.content)} B body",
                  "length of the answer's body and headers as the client test sees them")
        share = DESKS / POLL_SECONDS * poll / CORES * 100
        self._row(f"{DESKS} desks polling every {POLL_SECONDS} s, share of {CORES} cores", f"{share:.1f} %",
                  f"{DESKS}/{POLL_SECONDS} polls per second × the poll's fastest server time ÷ {CORES} cores")

    def _lookups(self) -> None:
        desk = self._client("petugas")
        past = Visit.objects.exclude(day=clock.today()).exclude(guest_name="")  # not the benchmark's own check-ins
        name = past.values_list("guest_name", flat=True).first() or "Budi"
        typed = name.split()[0][:4]
        url = reverse("visits:returning_guests")
        took, median, _ = fastest(lambda: desk.get(url, {"guest_name": typed}), self.repeat)
        self._row("returning-guest look-up (each keystroke)", f"{took * 1000:.1f} ms (median {median * 1000:.1f})",
                  f"GET {url}?guest_name={typed}")
        consultation = Consultation.objects.select_related("bidang").order_by("-pk").first()
        if consultation is None:
            return
        staff = get_user_model().objects.filter(bidang=consultation.bidang).first()
        word = max(re.findall(r"\w{5,}", consultation.problem) or ["pajak"], key=len)
        client = self._client(staff.username)
        url = reverse("visits:consultation_search")
        took, median, _ = fastest(lambda: client.get(url, {"q": word}), self.repeat)
        self._row("history search with a word", f"{took * 1000:.1f} ms (median {median * 1000:.1f})",
                  f"GET {url}?q={word} as staff of {consultation.bidang.code} "
                  f"({Consultation.objects.filter(bidang=consultation.bidang).count()} consultations)")
        scope = search.search_consultations(search.consultations_for(staff))
        took, median, counted = fastest(lambda: search.page_count(scope), self.repeat)
        self._row("history search page count (no words)", f"{took * 1000:.2f} ms (median {median * 1000:.2f}); "
                  f"counted {counted}", f"the count the results page runs for the Bidang's whole history (capped at "
                  f"{search.PAGE_COUNT_CAP} + 1 rows)")

    def _check_in(self) -> None:
        desk = self._client("petugas")
        url = reverse("visits:check_in")
        inside, total = [], []

        def watch(execute, sql, params, many, context):
            (inside if connection.in_atomic_block else total).append(sql)
            return execute(sql, params, many, context)

        def post():
            data = {"guest_name": "Tamu Ukur", "origin": "Dinas Ukur", "phone": "", "party_size": 1,
                    "keperluan": "Konsultasi SP2D", "arrival_time": "", "idempotency_key": str(uuid.uuid4())}
            response = desk.post(url, data)
            assert response.status_code == 302, response.status_code
            return response

        took, _, _ = fastest(post, self.repeat)
        inside.clear()
        total.clear()
        with connection.execute_wrapper(watch):
            post()
        with connection.cursor() as cursor:
            cursor.execute("CREATE TEMP TABLE IF NOT EXISTS bench_one (id serial primary key, note text)")

        def one_insert():
            with transaction.atomic(), connection.cursor() as cursor:
                cursor.execute("INSERT INTO bench_one (note) VALUES (%s)", ["x"])
        bare, _, _ = fastest(lambda: desk.get(reverse("still_here")), self.repeat)
        insert, _, _ = fastest(one_insert, self.repeat)
        self._row("check-in POST ÷ a POST doing one INSERT",
                  f"{took / (bare + insert):.1f}× ({len(inside) + len(total)} queries, {len(inside)} in "
                  f"transactions; {took * 1000:.1f} ms)",
                  "fastest check-in POST (a new key each time) ÷ (fastest logged-in bare request + one "
                  "INSERT in its own transaction); statements counted with connection.execute_wrapper")

    def _bare_page(self) -> None:
        desk = self._client("petugas")
        desk.get(reverse("still_here"))
        with CaptureQueriesContext(connection) as captured:
            desk.get(reverse("still_here"))
        self._row("a logged-in bare page", f"{len(captured)} query(ies)",
                  "queries of the second GET /akun/masih-di-sini/ of a session")

    def _first_load(self) -> None:
        desk = self._client("petugas")
        page = desk.get(reverse("visits:desk"))
        html = page.content
        sent = len(html)
        if page.headers.get("Content-Encoding") == "gzip":
            html = gzip.decompress(html)
        assets = 0
        for link in sorted(set(STATIC_LINK.findall(html.decode()))):
            path = finders.find(link.removeprefix(settings.STATIC_URL if settings.STATIC_URL.startswith("/")
                                                  else "/" + settings.STATIC_URL).split("?")[0])
            if path:
                with open(path, "rb") as file:
                    assets += len(gzip.compress(file.read()))
        self._row("front-desk first load, compressed", f"{(sent + assets) / 1024:.1f} KB (HTML {sent / 1024:.1f} KB "
                  f"sent, {page.headers.get('Content-Encoding', 'uncompressed')}; static {assets / 1024:.1f} KB gzip)",
                  "GET /meja-depan/ with Accept-Encoding: gzip as sent, plus every /static/ file it links "
                  "gzipped (as whitenoise serves them)")

    def _report(self) -> None:
        today = clock.today()
        month = (today.replace(day=1) - timedelta(days=1)).replace(day=1)
        bench = ReportBench(stdout=io.StringIO())
        measured = bench._measure(month, min(self.repeat, 10))
        self._row("SOP month report ÷ its bare SQL aggregates", f"{measured['page'] / measured['sql']:.2f} "
                  f"({measured['page'] * 1000:.1f} ms vs {measured['sql'] * 1000:.1f} ms; "
                  f"{measured['queries']} queries)", "bench_reports' method: fastest page vs its captured SQL")

    def _print(self, visits: int, today: int) -> None:
        self.stdout.write(f"\nIssue 17 figures, PostgreSQL, {visits} visits, {today} guests today:")
        for figure, value, method in self.rows:
            self.stdout.write(f"- {figure}: {value}\n    method: {method}")
