"""With SENTRY_DSN set, an error reaches Sentry (or a self-hosted GlitchTip) with its request id, and
without the guest's data. A real sentry-sdk in a real app process sends to a small receiver here."""

import gzip
import json
import os
import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = """
import django, sentry_sdk
django.setup()
from django.test import Client, override_settings
with override_settings(ROOT_URLCONF="tests.pojok.broken_urls", ALLOWED_HOSTS=["testserver"]):
    answer = Client(raise_request_exception=False).post(
        "/rusak/?guest_name=Siti+Rahasia", {"guest_name": "Siti Rahasia", "phone": "081299998888"})
print(answer.status_code, answer["X-Request-ID"])
sentry_sdk.flush(10)
"""


class Receiver(BaseHTTPRequestHandler):
    received: list[bytes] = []

    def do_POST(self):
        body = self.rfile.read(int(self.headers["Content-Length"]))
        if self.headers.get("Content-Encoding") == "gzip":
            body = gzip.decompress(body)
        Receiver.received.append(body)
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass


def test_an_error_is_reported_with_its_request_id_and_no_guest_data():
    server = ThreadingHTTPServer(("127.0.0.1", 0), Receiver)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "tests.settings",
           "SENTRY_DSN": f"http://publickey@127.0.0.1:{server.server_port}/1"}
    try:
        result = subprocess.run([sys.executable, "-c", SCRIPT], cwd=ROOT, env=env, capture_output=True,
                                text=True, timeout=120)
    finally:
        server.shutdown()
    assert result.returncode == 0, result.stderr[-3000:]
    status, request_id = result.stdout.split()[-2:]
    assert status == "500"
    events = [json.loads(line) for body in Receiver.received for line in body.splitlines()[1:]
              if line.startswith(b"{") and b'"exception"' in line]
    assert events, "no error reached the receiver"
    event = events[0]
    assert event["exception"]["values"][-1]["type"] == "RuntimeError"
    assert event["tags"]["request_id"] == request_id
    sent = b"".join(Receiver.received)
    assert b"Siti" not in sent and b"081299998888" not in sent
