"""A busy day at 100 times BPKAD's real peak, beside every other office at its own real peak, played by
browsers as the offices' people use them.

The real peak is 20 guests an hour; at BPKAD guests arrive at LOAD_ARRIVALS_PER_HOUR (2000 by default,
about 0.56 a second), spread over its simulated petugas. Each other office in accounts.json (offices
opd-01 .. opd-NN, loadtest/prepare.py with LOAD_OFFICES) is played by the Office* classes: the same
screens and the same mix, with that office's own people (one petugas, one Kasubbag, one staff member per
unit, one manager, one display) and its own catalog (GENERIC_NEEDS), guests arriving at
LOAD_OFFICE_ARRIVALS_PER_HOUR (20: its real peak). Every browser acts with its own account, so every
request is for that person's office; nothing here names another office's rows. Each simulated person keeps the screen of
their role open, and the screen refreshes as the templates tell htmx to (`hx-trigger="every ..."`):

  petugas     /meja-depan/papan/ every 5 s while the board is open; checks guests in with the full
              form (CSRF, the returning-guest lookup while typing, the slip), greets and reports their
              guests, sees them out (now and then with the survey screen)
  kasubbag    /triase/antrean/ every 5 s; routes the oldest guests with the route form, asking
              /routing/suggest/ as the keperluan is edited, naming a staff member most of the time
  staf Bidang /bidang/antrean/ every 5 s and /bidang/jumlah/ every 10 s; calls a guest on the lobby
              display now and then, receives, keeps a draft, finishes the consultation
  lobby TV    a paired display (one-time pairing code from prepare.py): /layar/antrean/ every 3 s
  pimpinan    opens the SOP report of this month (sometimes last month's) every minute or two

Polls run while the person thinks (see Browser.pause), and stop when they leave the page, as in a
browser. Time is compressed: a consultation takes LOAD_CONSULT_SECONDS instead of half an hour.
A move the app refuses because someone else made it first is not an error: it is counted apart
(`refused`) with the app's own message, which the summary prints.

Besides locust's CSV, the run leaves in LOAD_OUT what loadtest/cluster/check.py compares with the
database and with the moment an app server was killed: acknowledged.json (every check-in and move the
app said it made: the slip, or its success message) and requests.csv (every request: when it ended,
how long it took, its error if any).
"""

import csv
import html
import json
import os
import random
import re
import time
from collections import Counter
from datetime import date, timedelta
from pathlib import Path
from urllib.parse import quote, urlsplit

import gevent
from locust import HttpUser, constant, events, task

ACCOUNTS = json.loads(Path(os.environ["LOAD_ACCOUNTS"]).read_text())
ARRIVALS_PER_HOUR = float(os.environ.get("LOAD_ARRIVALS_PER_HOUR") or 2000)
CONSULT_SECONDS = tuple(float(s) for s in (os.environ.get("LOAD_CONSULT_SECONDS") or "15-35").split("-"))
OUT = Path(os.environ.get("LOAD_OUT") or ".")
OFFICES = ACCOUNTS.get("offices", [])  # the offices besides BPKAD, each with its own people
OFFICE_ARRIVALS_PER_HOUR = float(os.environ.get("LOAD_OFFICE_ARRIVALS_PER_HOUR") or 20)

# What guests come for, by the Bidang the routing rules should suggest (spread evenly over the five).
NEEDS = [
    "Konsultasi pergeseran anggaran DPA", "Penyusunan RKA tahun depan", "Revisi DPA sub kegiatan",
    "Pengajuan SPP-UP dan SPM", "SP2D belum terbit", "Konsultasi SPJ bendahara",
    "Rekonsiliasi laporan keuangan", "Penyusunan LKPD", "Jurnal koreksi neraca",
    "Inventarisasi BMD", "Penghapusan barang milik daerah", "Pemutakhiran KIB",
    "Mengantar surat undangan", "Koordinasi kepegawaian", "Permohonan data umum",
]
# The same for an office started from the generic template, by the unit its topics name.
GENERIC_NEEDS = [
    "Mengantar surat undangan rapat", "Permohonan izin penelitian mahasiswa", "Menanyakan kenaikan pangkat pegawai",
    "Tagihan pembayaran honor narasumber", "Konsultasi SPJ dan kuitansi kegiatan",
    "Permintaan data statistik untuk laporan", "Penyusunan renja dan laporan kinerja",
    "Audiensi dengan kepala dinas", "Koordinasi dengan sekretaris",
]
DETAILS = ["tahun anggaran 2026", "bulan ini", "untuk dinas kami", "yang dikembalikan kemarin",
           "mohon arahan"]
NAMES = ["Ahmad", "Siti", "Budi", "Dewi", "Rahmat", "Nur", "Agus", "Sri", "Hendra", "Yuni", "Rudi", "Wati"]
SURNAMES = ["Saputra", "Lestari", "Pratama", "Wulandari", "Hidayat", "Susanti", "Setiawan", "Rahayu"]
ORIGINS = ["Dinas Pendidikan dan Kebudayaan", "Dinas Kesehatan", "Kecamatan Kalianda", "Kecamatan Natar",
           "Dinas Pekerjaan Umum dan Penataan Ruang", "Dinas Sosial", "Kecamatan Jati Agung",
           "Dinas Pertanian"]
OUTCOMES = ["Dijelaskan langkah perbaikan dokumen; tamu akan melengkapi berkas.",
            "Dokumen diperiksa bersama dan sudah sesuai ketentuan.",
            "Diberikan contoh format dan dasar aturannya."]

CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
STATIC = re.compile(r'(?:href|src)="(/static/[^"]+)"')
MOVE_FORM = re.compile(r'action="/kunjungan/(\d+)/langkah/(\w+)/"')
SLIP = re.compile(r"/kunjungan/(\d+)/slip/$")
ROUTE_LINK = re.compile(r'href="/triase/(\d+)/" data-route-link')
WAITING_ROW = re.compile(r'<tr id="visit-(\d+)" data-state="menunggu" data-waiting-id="\d+">(.*?)</tr>', re.S)
ASSIGNED_TO = re.compile(r"Untuk: ([^<]+)</div>")
STAFF_SELECT = re.compile(r'<select name="assigned_to".*?</select>', re.S)
STAFF_OPTION = re.compile(r'<option value="(\d+)" data-bidang="(\d+)"')
DOCUMENT = re.compile(r'name="documents" value="(\d+)"')
KEPERLUAN = re.compile(r'<textarea name="keperluan"[^>]*>(.*?)</textarea>', re.S)
ALERT = re.compile(r'<div class="alert alert-(\w+) py-2" role="\w+">(.*?)</div>', re.S)
SLIP_NUMBER = re.compile(r'<div class="slip-number">([^<]+)</div>')

ROLES = ("petugas", "kasubbag", "staf", "pimpinan", "display_tokens")
# One account (or pairing code) per browser: BPKAD's, and the other offices' one office after another.
POOLS = {role: iter(ACCOUNTS[role]) for role in ROLES}
OFFICE_POOLS = {role: iter([a for office in OFFICES for a in office[role]]) for role in ROLES}
REFUSED: Counter = Counter()  # the app's own message for each move someone else made first
# The figures are reset once every browser has started (logged in, paired): the logins of the first
# seconds (password hashing is slow on purpose) would otherwise colour every figure. What happened
# before is kept apart: the logins' times, and any failure, which still fails the run.
STARTED: list = []
MEASURING_SINCE: list[float] = []
LOGINS: list[float] = []
RAMP_FAILURES: Counter = Counter()
ACKNOWLEDGED: list[dict] = []  # what the app said it did, for whom: each must be in the database
REQUESTS: list[tuple] = []  # (ended at, ms, method, name, error): errors are placed against a kill


def how_many(role: str, *, offices: bool = False) -> int:
    """Browsers of a role: one per account (pairing code) prepare.py made, BPKAD's or the other offices'."""
    return sum(len(office[role]) for office in OFFICES) if offices else len(ACCOUNTS[role])


class Browser(HttpUser):
    """One person's browser: pages, the htmx polls of the page on screen, and forms with CSRF."""

    abstract = True
    wait_time = constant(0)  # the person's own pace is in pause(); polls keep running meanwhile
    account: dict = {}

    def on_start(self):
        # One connection per request, as nginx (README's production set-up) talks to gunicorn: a kept-alive
        # connection that gunicorn closes after its 2 s keep-alive would otherwise race a POST sent just then.
        self.client.headers["Connection"] = "close"
        self.polls: list[list] = []
        self.cached_static: set[str] = set()
        self.page_url = "/"

    # --- requests, as a browser makes them -------------------------------------------------------

    def get(self, url: str, name: str, *, htmx_target: str = "", expect: str = "") -> "object":
        headers = {"HX-Request": "true", "HX-Target": htmx_target,
                   "HX-Current-URL": self.host + self.page_url} if htmx_target else {}
        return self._get(url, name, headers, expect)

    def poll(self, url: str, name: str, *, htmx_target: str) -> "object":
        """A timed htmx refresh: static/js/pojok.js marks it, so it never counts as the person's activity."""
        headers = {"HX-Request": "true", "HX-Target": htmx_target,
                   "HX-Current-URL": self.host + self.page_url, "X-Pojok-Poll": "1"}
        return self._get(url, name, headers, "")

    def _get(self, url: str, name: str, headers: dict, expect: str) -> "object":
        with self.client.get(url, name=name, headers=headers, catch_response=True) as response:
            self._check(response, expect)
        return response

    def post(self, url: str, data: dict, name: str, *, redirect: str = "/", why: str = "") -> "object":
        """A form POST that must redirect to a URL containing `redirect` (else it failed: `why`);
        the redirect is the browser's next GET, made by follow()."""
        data = {"csrfmiddlewaretoken": self.csrf, **data}
        headers = {"Referer": self.host + self.page_url}
        with self.client.post(url, data=data, name=name, headers=headers, allow_redirects=False,
                              catch_response=True) as response:
            location = response.headers.get("Location", "")
            if response.status_code not in (200, 302):
                response.failure(f"HTTP {response.status_code} {response.error or ''}")
            elif "/akun/masuk/" in location and not url.startswith("/akun/masuk/"):
                response.failure("sesi berakhir: dikirim ke halaman masuk")
            elif response.status_code != 302 or redirect not in location:
                response.failure(why or f"tidak diteruskan ke {redirect}")
        return response

    def follow(self, response, name: str, polls=()):
        """The page a POST redirected to; after a failed POST (no redirect), the page on screen again,
        as a person does who sees an error page and goes back."""
        if "Location" not in response.headers:
            return self.open(self.page_url, name, polls=polls)
        location = urlsplit(response.headers["Location"])
        path = location.path + (f"?{location.query}" if location.query else "")
        return self.open(path, name, polls=polls)

    def _check(self, response, expect: str) -> None:
        if response.status_code >= 400 or response.status_code == 0:
            response.failure(f"HTTP {response.status_code} {response.error or ''}")
        elif ("/akun/masuk/" in response.url + response.headers.get("HX-Redirect", "")
              and not response.request.path_url.startswith("/akun/masuk/")):
            response.failure("sesi berakhir: dikirim ke halaman masuk")
        elif expect and expect not in response.text:
            response.failure(f"halaman tanpa {expect!r}")

    def open(self, url: str, name: str, *, polls=(), expect: str = ""):
        """A full page: its static files the first time (then the browser's cache), and its polls."""
        response = self.get(url, name, expect=expect)
        self.page_url = urlsplit(response.url).path
        self.csrf = (CSRF.findall(response.text) or [getattr(self, "csrf", "")])[0]
        for path in set(STATIC.findall(response.text)) - self.cached_static:
            self.get(path, "static file (once per browser)")
            self.cached_static.add(path)
        now = time.monotonic()
        self.polls = [[interval, now + interval, poll] for interval, poll in polls]
        return response

    def pause(self, seconds: float) -> None:
        """The person reads or types; htmx keeps polling on its own schedule meanwhile."""
        end = time.monotonic() + seconds
        while (now := time.monotonic()) < end:
            for entry in self.polls:
                interval, due, poll = entry
                if due <= now:
                    entry[1] = due + interval if due + interval > now else now + interval
                    poll()
            next_due = min([entry[1] for entry in self.polls] + [end])
            gevent.sleep(max(0.0, next_due - time.monotonic()))

    def login(self) -> None:
        credentials = {"username": self.account["username"], "password": ACCOUNTS["password"]}
        for _ in range(3):  # an error page (a server dying under the login: make load-cluster): once more
            page = self.open("/akun/masuk/", "login page")
            self.csrf = CSRF.search(page.text).group(1)
            response = self.post("/akun/masuk/", credentials, "login (POST)", why="login ditolak")
            if response.status_code < 500:
                break
        if response.status_code != 302:
            raise RuntimeError(f"login {self.account['username']} ditolak")

    def started(self) -> None:
        STARTED.append(self)
        if len(STARTED) == self.environment.runner.target_user_count and not MEASURING_SINCE:
            self.environment.runner.stats.reset_all()
            MEASURING_SINCE.append(time.time())
            (OUT / "all_started").write_text(f"{MEASURING_SINCE[0]:.3f}\n")  # loadtest/cluster/run's cue

    def refused(self, response, label: str) -> bool:
        """True when the page after a move says the app refused it (someone else made it first)."""
        errors = [html.unescape(text) for kind, text in ALERT.findall(response.text) if kind == "danger"]
        for message in errors:
            REFUSED[f"{label}: {re.sub(r'^A-[0-9]+ [^:]+: ', '', message)[:90]}"] += 1
        return bool(errors)

    def made(self, response, move: str, pk: int) -> bool:
        """True when the page after a move says the app made it (its success message, no refusal);
        noted as acknowledged. A refusal is counted by refused()."""
        if self.refused(response, move):
            return False
        if not any(kind == "success" for kind, _ in ALERT.findall(response.text)):
            return False
        self.acknowledge(move, pk)
        return True

    def acknowledge(self, move: str, pk: int, **details) -> None:
        ACKNOWLEDGED.append({"move": move, "visit": pk, "by": self.account["username"],
                             "office": self.account["office"], "at": time.time(), **details})


class Petugas(Browser):
    """The front desk: the board, check-ins at the arrival rate, greet, report, see out."""

    fixed_count = how_many("petugas")
    pool = POOLS["petugas"]
    arrivals_per_hour = ARRIVALS_PER_HOUR  # the office's
    desks = fixed_count  # the petugas of one office, who share its arrivals
    needs = NEEDS

    def on_start(self):
        super().on_start()
        self.account = next(self.pool)
        self.mine: set[int] = set()  # guests this desk checked in: it greets, reports, sees them out
        self.buttons: set[tuple[int, str]] = set()
        self.login()
        # Each desk takes its share of the arrivals, at a steady pace from a random start.
        self.every = self.desks * 3600 / self.arrivals_per_hour
        self.next_check_in = time.monotonic() + random.uniform(0, self.every)
        self.board()
        self.started()

    def board(self, response=None, name="desk board (page)"):
        response = self.follow(response, name, polls=[(5, self.poll_board)]) if response is not None else \
            self.open("/meja-depan/", name, polls=[(5, self.poll_board)])
        self.buttons = {(int(pk), move) for pk, move in MOVE_FORM.findall(response.text)}
        return response

    def poll_board(self):
        response = self.poll("/meja-depan/papan/", "desk board rows (htmx every 5 s)", htmx_target="board")
        self.buttons = {(int(pk), move) for pk, move in MOVE_FORM.findall(response.text)}

    @task
    def work(self):
        if time.monotonic() >= self.next_check_in:
            self.next_check_in += self.every
            self.check_in()
            return
        ready = sorted((pk, move) for pk, move in self.buttons if pk in self.mine)
        if ready:
            self.pause(random.uniform(1, 3))
            self.move(*ready[0])
        else:
            self.pause(min(1.0, max(0.05, self.next_check_in - time.monotonic())))

    def check_in(self):
        self.open("/meja-depan/tamu-baru/", "check-in form (page)", expect="check-in-form")
        name = f"{random.choice(NAMES)} {random.choice(SURNAMES)}"
        self.pause(random.uniform(2, 4))  # typing the name: htmx asks for returning guests
        self.get(f"/meja-depan/tamu-lama/?guest_name={quote(name[:5])}", "returning guests (htmx, typing)",
                 htmx_target="returning-guests")
        self.pause(random.uniform(4, 8))
        response = self.post("/meja-depan/tamu-baru/", {
            "guest_name": name, "origin": random.choice(ORIGINS),
            "phone": f"0812 {random.randint(1000, 9999)} {random.randint(1000, 9999)}",
            "party_size": random.choice([1, 1, 1, 2, 3]),
            "keperluan": random.choice(self.needs), "arrival_time": "",
        }, "check-in (POST)", redirect="/slip/", why="check-in tidak menghasilkan slip")
        match = SLIP.search(response.headers.get("Location", ""))
        if not match:
            self.board()
            return
        pk = int(match.group(1))
        self.mine.add(pk)
        slip = self.follow(response, "visitor slip (page)", polls=())
        number = SLIP_NUMBER.search(slip.text)  # the redirect to the slip is the answer; its number too
        self.acknowledge("check_in", pk, guest_name=name, queue_number=number.group(1) if number else "")
        self.pause(random.uniform(1, 3))  # the slip is printed and handed over
        self.board()

    def move(self, pk: int, name: str):
        if name == "see_out" and random.random() < 0.3:  # "Antar keluar + survei": the survey screen
            response = self.post(f"/kunjungan/{pk}/langkah/see_out/", {"next": f"/survei/undangan/{pk}/"},
                                 "move see_out (POST)")
            self.mine.discard(pk)
            page = self.follow(response, "survey invitation after see-out (page)")
            if self.made(page, "see_out", pk):
                self.pause(random.uniform(3, 6))  # the guest scans the code
            self.board()
            return
        response = self.post(f"/kunjungan/{pk}/langkah/{name}/", {"next": "/meja-depan/"},
                             f"move {name} (POST)")
        if name == "see_out":
            self.mine.discard(pk)
        self.buttons.discard((pk, name))
        self.made(self.board(response, "desk board after a move (page)"), name, pk)


class Kasubbag(Browser):
    """The Kasubbag Umum: the triage queue, routing the guests who came first."""

    fixed_count = how_many("kasubbag")
    pool = POOLS["kasubbag"]

    def on_start(self):
        super().on_start()
        self.account = next(self.pool)
        self.waiting: list[int] = []
        self.login()
        self.queue()
        self.started()

    def queue(self, response=None):
        polls = [(5, self.poll_queue)]
        response = self.follow(response, "triage queue (page)", polls=polls) if response is not None else \
            self.open("/triase/", "triage queue (page)", polls=polls)
        self.waiting = [int(pk) for pk in ROUTE_LINK.findall(response.text)]
        return response

    def poll_queue(self):
        response = self.poll("/triase/antrean/", "triage queue rows (htmx every 5 s)", htmx_target="triage")
        self.waiting = [int(pk) for pk in ROUTE_LINK.findall(response.text)]

    @task
    def work(self):
        if not self.waiting:
            self.pause(1)
            return
        pk = random.choice(self.waiting[:3])  # one of those who came first
        self.waiting.remove(pk)
        self.pause(random.uniform(1, 3))
        self.route(pk)

    def route(self, pk: int):
        page = self.open(f"/triase/{pk}/", "route form (page)")
        if not KEPERLUAN.search(page.text):  # routed by a colleague meanwhile: the app sent us back
            REFUSED["route: tamu sudah diarahkan rekan (kembali ke antrean)"] += 1
            self.polls = [[5, time.monotonic() + 5, self.poll_queue]]
            self.waiting = [int(pk) for pk in ROUTE_LINK.findall(page.text)]
            return
        keperluan = html.unescape(KEPERLUAN.search(page.text).group(1)).strip()
        self.pause(random.uniform(2, 4))  # asks the guest, adds a word to the keperluan
        keperluan = f"{keperluan} {random.choice(DETAILS)}"
        answer = self.get(f"/routing/suggest/?q={quote(keperluan)}", "routing suggest (typing)").json()
        top = answer["suggestions"][0]
        options = STAFF_OPTION.findall((STAFF_SELECT.findall(page.text) or [""])[0])
        staff = [int(s) for s, b in options if int(b) == top["bidang_id"]]
        self.pause(random.uniform(1, 3))
        response = self.post(f"/triase/{pk}/", {
            "keperluan": keperluan, "bidang": top["bidang_id"] or "", "topic": top["topic_id"] or "",
            "assigned_to": random.choice(staff) if staff and random.random() < 0.8 else "",
            "override_reason": "" if top["bidang_id"] else "urusan umum",
        }, "route (POST)", redirect="/triase/", why="rute tidak tersimpan")
        if response.status_code != 302:
            self.queue()
            return
        self.made(self.queue(response), "route", pk)


class StafBidang(Browser):
    """Staff of one Bidang: the inbox, the lobby call, receiving, the consultation record."""

    fixed_count = how_many("staf")
    pool = POOLS["staf"]
    needs = NEEDS

    def on_start(self):
        super().on_start()
        self.account = next(self.pool)
        self.waiting: list[tuple[int, str]] = []
        self.login()
        self.inbox()
        self.started()

    def inbox(self, response=None):
        polls = [(5, self.poll_rows), (10, self.poll_badge)]
        response = self.follow(response, "bidang inbox (page)", polls=polls) if response is not None else \
            self.open("/bidang/", "bidang inbox (page)", polls=polls)
        self._read(response.text)
        return response

    def _read(self, text: str):
        self.waiting = [(int(pk), (ASSIGNED_TO.findall(row) or [""])[0])
                        for pk, row in WAITING_ROW.findall(text)]

    def poll_rows(self):
        rows = self.poll("/bidang/antrean/", "bidang inbox rows (htmx every 5 s)", htmx_target="inbox")
        self._read(rows.text)

    def poll_badge(self):
        self.poll("/bidang/jumlah/", "bidang badge (htmx every 10 s)", htmx_target="inbox-badge")

    @task
    def work(self):
        me = self.account["display_name"]
        mine = [pk for pk, to in self.waiting if to == me]
        anyone = [pk for pk, to in self.waiting if not to]
        if not mine and not anyone:
            self.pause(1)
            return
        pk = mine[0] if mine else random.choice(anyone)
        self.waiting = [(p, to) for p, to in self.waiting if p != pk]
        self.pause(random.uniform(2, 5))
        if random.random() < 0.3:  # "Panggil": the number shows on the lobby display
            self.inbox(self.post(f"/bidang/kunjungan/{pk}/panggil/", {}, "lobby call (POST)"))
            self.pause(random.uniform(2, 4))
        self.consult(pk)

    def consult(self, pk: int):
        response = self.post(f"/bidang/kunjungan/{pk}/terima/", {"official": self.account["pk"]},
                             "receive (POST)")
        if response.status_code != 302 or "/bidang/kunjungan/" not in response.headers.get("Location", ""):
            self.refused(self.inbox(response), "receive")
            return
        badge = [(10, self.poll_badge)]  # the consultation page: only the navigation's badge polls
        page = self.follow(response, "consultation page", polls=badge)
        self.made(page, "receive", pk)
        documents = DOCUMENT.findall(page.text)
        record = {"mode": random.choice(["provision", "prescription", "mediation", "collaboration"]),
                  "problem": f"Tamu menanyakan {random.choice(self.needs).lower()}.",
                  "outcome": random.choice(OUTCOMES), "other_documents": "",
                  "documents": random.sample(documents, k=min(len(documents), random.randint(0, 2)))}
        low, high = CONSULT_SECONDS
        if random.random() < 0.4:  # a draft saved half-way
            self.pause(random.uniform(low, high) / 2)
            self.follow(self.post(f"/bidang/kunjungan/{pk}/", {**record, "action": "draft"},
                                  "consultation draft (POST)", redirect=f"/bidang/kunjungan/{pk}/",
                                  why="draf tidak tersimpan"), "consultation page", polls=badge)
            self.pause(random.uniform(low, high) / 2)
        else:
            self.pause(random.uniform(low, high))
        response = self.post(f"/bidang/kunjungan/{pk}/", {**record, "action": "finish"},
                             "consultation finish (POST)", redirect="/bidang/",
                             why="konsultasi tidak dapat ditutup")
        if response.status_code != 302:
            self.inbox()
            return
        self.made(self.inbox(response), "finish", pk)


class LobbyDisplay(Browser):
    """The TV in the waiting room: paired once with the admin's code, then the queue every 3 s."""

    fixed_count = how_many("display_tokens")
    pool = POOLS["display_tokens"]

    def on_start(self):
        super().on_start()
        token = next(self.pool)
        page = self.open(f"/perangkat/pasang/{token}/", "device pairing (page)")
        self.csrf = CSRF.search(page.text).group(1)
        response = self.post(f"/perangkat/pasang/{token}/", {}, "device pairing (POST)")
        self.follow(response, "lobby display (page)",
                    polls=[(3, lambda: self.poll("/layar/antrean/", "lobby display board (htmx every 3 s)",
                                                htmx_target="lobby-board"))])
        self.started()

    @task
    def watch(self):
        self.pause(5)


class Pimpinan(Browser):
    """A manager opening the SOP report of this month now and then (last month's sometimes)."""

    fixed_count = how_many("pimpinan")
    pool = POOLS["pimpinan"]

    def on_start(self):
        super().on_start()
        self.account = next(self.pool)
        self.login()
        self.started()
        self.first = True

    @task
    def read_report(self):
        if self.first:  # the managers come in at different moments
            self.first = False
            self.pause(random.uniform(0, 60))
        if random.random() < 0.7:
            self.open("/laporan/", "SOP report, this month (page)", expect='id="report"')
        else:
            last_month = (date.today().replace(day=1) - timedelta(days=1)).strftime("%Y-%m")
            self.open(f"/laporan/?periode=bulan&bulan={last_month}", "SOP report, last month (page)",
                      expect='id="report"')
        self.pause(random.uniform(60, 120))


# --- the other offices, each at its real peak: the same screens, their own people and catalog -----------

class OfficePetugas(Petugas):
    abstract = not OFFICES
    fixed_count = how_many("petugas", offices=True)
    pool = OFFICE_POOLS["petugas"]
    arrivals_per_hour = OFFICE_ARRIVALS_PER_HOUR
    desks = len(OFFICES[0]["petugas"]) if OFFICES else 1
    needs = GENERIC_NEEDS


class OfficeKasubbag(Kasubbag):
    abstract = not OFFICES
    fixed_count = how_many("kasubbag", offices=True)
    pool = OFFICE_POOLS["kasubbag"]


class OfficeStafBidang(StafBidang):
    abstract = not OFFICES
    fixed_count = how_many("staf", offices=True)
    pool = OFFICE_POOLS["staf"]
    needs = GENERIC_NEEDS


class OfficeLobbyDisplay(LobbyDisplay):
    abstract = not OFFICES
    fixed_count = how_many("display_tokens", offices=True)
    pool = OFFICE_POOLS["display_tokens"]


class OfficePimpinan(Pimpinan):
    abstract = not OFFICES
    fixed_count = how_many("pimpinan", offices=True)
    pool = OFFICE_POOLS["pimpinan"]


@events.request.add_listener
def _keep_the_ramp_up(request_type, name, response_time, exception, **kwargs):
    if MEASURING_SINCE:
        return
    if exception is not None:
        RAMP_FAILURES[f"{request_type} {name}: {exception}"] += 1
    elif name == "login (POST)":
        LOGINS.append(response_time)


@events.request.add_listener
def _note_every_request(request_type, name, response_time, exception, **kwargs):
    REQUESTS.append((round(time.time(), 3), round(response_time or 0), request_type, name,
                     "" if exception is None else str(exception)[:200]))


@events.quitting.add_listener
def _save_what_the_csv_does_not_hold(environment, **kwargs):
    (OUT / "acknowledged.json").write_text(json.dumps(ACKNOWLEDGED, indent=0, ensure_ascii=False))
    with open(OUT / "requests.csv", "w", newline="") as f:
        csv.writer(f).writerows([("ended_at", "ms", "method", "name", "error"), *REQUESTS])
    (OUT / "refused.json").write_text(json.dumps(dict(REFUSED.most_common()), indent=1, ensure_ascii=False))
    (OUT / "ramp_up.json").write_text(json.dumps({
        "logins_ms": LOGINS, "failures": dict(RAMP_FAILURES), "started": len(STARTED),
        "measured_seconds": time.time() - MEASURING_SINCE[0] if MEASURING_SINCE else 0,
        "measuring_since": MEASURING_SINCE[0] if MEASURING_SINCE else None,
    }, indent=1))
