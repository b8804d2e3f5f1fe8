"""PostgreSQL goes away for five seconds under gunicorn while the desk keeps checking guests in.

The app runs as in production (gunicorn, two workers, DEBUG off, persistent connections) against the
test database through a TCP proxy that the test cuts and restores, so the shared PostgreSQL server is
never touched. Six desk PCs check guests in without pause. What must hold: every check-in a desk saw
acknowledged is stored, none twice; every refused one answered the Indonesian 503 page with what was
typed and a form that, sent again, stores it once; the outage is logged once, with its length.
"""

import json
import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time
from html import unescape
from http.client import HTTPConnection
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode

import pytest
from django.conf import settings
from django.db import connection

from pojok import roles
from tests.factories import PASSWORD, make_user
from visits.models import Visit

from .proxy import CuttableProxy

pytestmark = [
    pytest.mark.skipif(connection.vendor != "postgresql", reason="a PostgreSQL server behind a proxy"),
    pytest.mark.django_db(transaction=True),
]

ROOT = Path(__file__).resolve().parents[2]
DESKS, GUESTS_EACH, OUTAGE_SECONDS = 6, 12, 5


class Desk:
    """One desk PC's browser: cookies, the check-in form, "Kirim lagi" on the 503 page."""

    def __init__(self, port: int, name: str):
        self.port, self.name, self.cookies = port, name, {}
        self.refused, self.typing_kept, self.acknowledged = 0, 0, []

    def send(self, method: str, path: str, form: dict | list | None = None) -> tuple[int, str, str]:
        body = urlencode(form, doseq=True) if form is not None else None
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items()), "Host": "127.0.0.1"}
        if body is not None:
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        conn = HTTPConnection("127.0.0.1", self.port, timeout=30)
        try:
            conn.request(method, path, body=body, headers=headers)
            answer = conn.getresponse()
            for value in answer.headers.get_all("Set-Cookie") or []:
                for key, morsel in SimpleCookie(value).items():
                    self.cookies[key] = morsel.value
            return answer.status, answer.headers.get("Location", ""), answer.read().decode()
        finally:
            conn.close()

    def until_answered(self, method, path, form=None):
        """A page that fails to open is opened again, as a person would (a 503 for a GET too)."""
        for _ in range(200):
            try:
                status, location, html = self.send(method, path, form)
            except OSError:
                time.sleep(0.2)
                continue
            if status != 503:
                return status, location, html
            time.sleep(0.3)
        raise AssertionError(f"{path} never answered")

    def log_in(self, username: str) -> None:
        _, _, html = self.until_answered("GET", "/akun/masuk/")
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
        status, _, _ = self.until_answered("POST", "/akun/masuk/", {
            "csrfmiddlewaretoken": token, "username": username, "password": PASSWORD})
        assert status == 302

    def check_in(self, guest: str) -> None:
        self.submit(guest, self.open_form(guest))

    def open_form(self, guest: str) -> list:
        """The check-in form opened and typed in, not sent yet."""
        _, _, html = self.until_answered("GET", "/meja-depan/tamu-baru/")
        form = {name: unescape(value) for name, value in
                re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)">', html)}
        form.update({"guest_name": guest, "origin": "Dinas Kesehatan", "keperluan": f"Konsultasi SPJ {guest}",
                     "party_size": "1", "phone": "", "arrival_time": ""})
        return list(form.items())

    def submit(self, guest: str, data: list) -> None:
        action = "/meja-depan/tamu-baru/"
        for _ in range(200):
            try:
                status, location, html = self.send("POST", action, data)
            except OSError:  # the connection itself broke: the browser sends the same form again
                time.sleep(0.2)
                continue
            if status == 302:
                self.acknowledged.append(guest)
                return
            assert status == 503, f"{status}: {html[:500]}"
            self.refused += 1
            assert "Data belum tersimpan, silakan coba lagi" in html
            if f"<dd class=\"text-break\" data-typed>{guest}</dd>" in html:
                self.typing_kept += 1
            action, data = _resend_form(html)
            time.sleep(0.3)  # the person reads the page, then clicks "Kirim lagi"
        raise AssertionError(f"{guest} was never saved")


def _resend_form(html: str):
    form = re.search(r'<form method="post" action="([^"]+)"[^>]*data-resend>(.*?)</form>', html, re.S)
    fields = re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)">', form.group(2))
    return unescape(form.group(1)), [(name, unescape(value)) for name, value in fields]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def app(tmp_path):
    database = settings.DATABASES["default"]
    proxy = CuttableProxy((database["HOST"] or "127.0.0.1", int(database["PORT"] or 5432))).start()
    port = _free_port()
    user = f"{database['USER']}:{database['PASSWORD']}@" if database["PASSWORD"] else f"{database['USER']}@"
    # tests.settings: the production settings, less collectstatic (plain static files) and slow hashing
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "tests.settings", "DEBUG": "0", "HTTPS": "0",
           "SECRET_KEY": "outage-test-key-" + "k9Qv2pL7xR4mZ8wT1yB6nC3hJ5dF0gS" * 2,
           "ALLOWED_HOSTS": "127.0.0.1", "DATABASE_URL": f"postgres://{user}127.0.0.1:{proxy.port}/{database['NAME']}",
           "CONN_MAX_AGE": "60", "LOG_FORMAT": "json", "OUTAGE_STATE_FILE": str(tmp_path / "outage"),
           "GUNICORN_BIND": f"127.0.0.1:{port}", "GUNICORN_WORKERS": "2", "GUNICORN_THREADS": "4",
           "SENTRY_DSN": ""}
    log = open(tmp_path / "gunicorn.log", "w+")
    server = subprocess.Popen([sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py",
                               "tests.pojok.clocked_wsgi:application"], cwd=ROOT, env=env, stdout=log,
                              stderr=subprocess.STDOUT)
    try:
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                time.sleep(0.2)
        yield {"port": port, "proxy": proxy, "log": tmp_path / "gunicorn.log"}
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=40)
        log.close()
        proxy.cut()


def test_an_outage_of_five_seconds_loses_nothing_and_no_typing(app, seeded):
    desks = []
    for n in range(DESKS):
        make_user(f"meja{n}", roles.PETUGAS)
        desk = Desk(app["port"], f"meja{n}")
        desk.log_in(f"meja{n}")
        desks.append(desk)

    def work(desk):
        for g in range(GUESTS_EACH):
            desk.check_in(f"Tamu {desk.name}-{g:02d}")
            time.sleep(0.15)

    # One more desk has its form typed when the database goes away and sends it during the outage, so
    # the refusal is met whatever the timing of the others (under load they may all be opening a form).
    make_user("meja_akhir", roles.PETUGAS)
    late = Desk(app["port"], "meja_akhir")
    late.log_in("meja_akhir")
    typed = late.open_form("Tamu meja_akhir-00")
    desks.append(late)
    threads = [threading.Thread(target=work, args=(desk,)) for desk in desks[:-1]]
    for thread in threads:
        thread.start()
    time.sleep(1.5)
    app["proxy"].cut()
    threads.append(threading.Thread(target=late.submit, args=("Tamu meja_akhir-00", typed)))
    threads[-1].start()
    time.sleep(OUTAGE_SECONDS)
    restored = time.monotonic()
    app["proxy"].restore()
    first_after = {}
    while any(thread.is_alive() for thread in threads) and not first_after:
        counts = sum(len(desk.acknowledged) for desk in desks)
        time.sleep(0.05)
        if sum(len(desk.acknowledged) for desk in desks) > counts:
            first_after["at"] = time.monotonic()
    for thread in threads:
        thread.join(timeout=300)

    acknowledged = [guest for desk in desks for guest in desk.acknowledged]
    stored = list(Visit.objects.values_list("guest_name", flat=True))
    refused = sum(desk.refused for desk in desks)
    kept = sum(desk.typing_kept for desk in desks)
    lines = [json.loads(line) for line in app["log"].read_text().splitlines() if line.startswith("{")]
    outage = [line for line in lines if line.get("logger") == "pojok.outage"]
    recovery = first_after.get("at", time.monotonic()) - restored
    print(f"\noutage test: {len(acknowledged)} check-ins acknowledged, {len(stored)} stored, "
          f"{refused} answered 503 with the typing kept in {kept}, sent again and stored once; "
          f"first check-in {recovery:.1f} s after PostgreSQL came back; outage log: {outage}")

    assert len(acknowledged) == DESKS * GUESTS_EACH + 1
    assert late.refused > 0 and late.typing_kept == late.refused
    assert sorted(stored) == sorted(acknowledged)  # nothing lost, nothing twice
    assert refused > 0 and kept == refused  # the outage was met, and every refusal kept the typing
    assert [line["message"] for line in outage] == ["database unreachable", "database reachable again"]
    assert OUTAGE_SECONDS - 1 <= outage[1]["duration_seconds"] <= OUTAGE_SECONDS + 10
    assert not [line for line in lines if line.get("logger") == "django.request"]  # not once per request
    assert recovery < 10
