"""The optional WhatsApp Business Cloud API: off unless configured; when configured, the routing's notice
to the Bidang's staff and a guest's booking code go as approved template messages through the outbox,
after the commit, retried like an e-mail, and never blocking a move. The API is a local HTTP server of
the test's own that checks the request's shape; no test reaches the internet."""

import json
import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.core.management import call_command

from booking.bookings import register
from booking.models import PartOfDay
from notifications.models import Channel, Notification, Status
from tests.booking.conftest import next_office_day
from tests.factories import bidang
from visits.models import route_visit

pytestmark = pytest.mark.django_db
TOKEN, PHONE_ID = "uji-token-rahasia", "109876543210"


class FakeCloudApi(BaseHTTPRequestHandler):
    """Answers like graph.facebook.com's /<phone id>/messages, after checking what the app sent."""

    received: list = []
    fail_with: int | None = None

    def do_POST(self):  # noqa: N802 - http.server's name
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        self.received.append({"path": self.path, "auth": self.headers["Authorization"],
                              "type": self.headers["Content-Type"], "body": body})
        if self.fail_with:
            self._answer(self.fail_with, {"error": {"message": "Template name does not exist", "code": 132001}})
        else:
            self._answer(200, {"messaging_product": "whatsapp", "messages": [{"id": "wamid.UJI"}]})

    def _answer(self, status, payload):
        data = json.dumps(payload).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args):
        pass


@pytest.fixture
def cloud_api(settings):
    FakeCloudApi.received, FakeCloudApi.fail_with = [], None
    server = ThreadingHTTPServer(("127.0.0.1", 0), FakeCloudApi)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    settings.WHATSAPP_CLOUD_TOKEN, settings.WHATSAPP_CLOUD_PHONE_ID = TOKEN, PHONE_ID
    settings.WHATSAPP_CLOUD_URL = f"http://127.0.0.1:{server.server_port}/v21.0"
    yield FakeCloudApi
    server.shutdown()
    server.server_close()


@pytest.fixture
def staff_numbers(staf, staf_lain):
    staf.whatsapp, staf_lain.whatsapp = "6281234567890", "6281298765432"
    staf.save(update_fields=["whatsapp"])
    staf_lain.save(update_fields=["whatsapp"])


def _route(in_triage, kasubbag, capture):
    visit = in_triage("Revisi DPA", guest_name="Rahmat Hidayat", origin="Kecamatan Natar")
    with capture(execute=True):
        route_visit(visit=visit, by=kasubbag, bidang=bidang("anggaran"))
    return visit


def test_it_is_off_unless_configured(in_triage, kasubbag, staff_numbers, django_capture_on_commit_callbacks):
    _route(in_triage, kasubbag, django_capture_on_commit_callbacks)
    assert not Notification.objects.filter(channel=Channel.WHATSAPP).exists()


def test_the_routing_sends_the_bidangs_staff_a_template_message(in_triage, kasubbag, staf, staff_numbers,
                                                                cloud_api, django_capture_on_commit_callbacks):
    visit = _route(in_triage, kasubbag, django_capture_on_commit_callbacks)
    [row] = Notification.objects.filter(channel=Channel.WHATSAPP)  # only Bidang Anggaran's: not Aset's
    assert (row.recipient, row.to_phone, row.status, row.attempts) == (staf, "6281234567890", Status.SENT, 1)
    [request] = cloud_api.received
    assert request["path"] == f"/v21.0/{PHONE_ID}/messages"
    assert request["auth"] == f"Bearer {TOKEN}" and request["type"] == "application/json"
    assert request["body"] == {
        "messaging_product": "whatsapp", "to": "6281234567890", "type": "template",
        "template": {"name": "pojok_tamu_diarahkan", "language": {"code": "id"}, "components": [
            {"type": "body", "parameters": [{"type": "text", "text": visit.queue_number},
                                            {"type": "text", "text": "Rahmat Hidayat"},
                                            {"type": "text", "text": "Kecamatan Natar"},
                                            {"type": "text", "text": "Bidang Anggaran"}]}]},
    }


def test_a_refusal_is_kept_on_the_row_and_sent_again_later(in_triage, kasubbag, staff_numbers, cloud_api,
                                                          django_capture_on_commit_callbacks):
    cloud_api.fail_with = 400
    visit = _route(in_triage, kasubbag, django_capture_on_commit_callbacks)
    row = Notification.objects.get(channel=Channel.WHATSAPP)
    assert row.status == Status.FAILED and "400: Template name does not exist" in row.last_error
    assert visit.routings.count() == 1  # the routing stands
    cloud_api.fail_with = None
    call_command("send_notifications")
    row.refresh_from_db()
    assert (row.status, row.attempts, row.last_error) == (Status.SENT, 2, "")
    assert len(cloud_api.received) == 2


def test_an_api_that_cannot_be_reached_blocks_no_move(settings, in_triage, kasubbag, staff_numbers,
                                                      django_capture_on_commit_callbacks):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    settings.WHATSAPP_CLOUD_TOKEN, settings.WHATSAPP_CLOUD_PHONE_ID = TOKEN, PHONE_ID
    settings.WHATSAPP_CLOUD_URL, settings.WHATSAPP_CLOUD_TIMEOUT = f"http://127.0.0.1:{port}", 2
    visit = _route(in_triage, kasubbag, django_capture_on_commit_callbacks)
    visit.refresh_from_db()
    assert visit.bidang == bidang("anggaran")
    row = Notification.objects.get(channel=Channel.WHATSAPP)
    assert row.status == Status.FAILED and "tidak dapat dihubungi" in row.last_error


def test_a_booking_code_goes_to_the_guests_mobile_number(cloud_api, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        booking = register(guest_name="Rudi Hartono", origin="Dinas Pendidikan", phone="0812 3456 7890",
                           email="", keperluan="Konsultasi DPA", planned_date=next_office_day(),
                           part_of_day=PartOfDay.MORNING)
    row = Notification.objects.get(channel=Channel.WHATSAPP)
    assert (row.to_phone, row.bidang, row.status) == ("6281234567890", None, Status.SENT)
    [request] = cloud_api.received
    texts = [p["text"] for p in request["body"]["template"]["components"][0]["parameters"]]
    assert request["body"]["template"]["name"] == "pojok_kode_pendaftaran" and texts[0] == booking.display_code


def test_a_number_that_is_not_a_mobile_gets_no_message(cloud_api, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        register(guest_name="Rudi Hartono", origin="Dinas Pendidikan", phone="0721 123456", email="",
                 keperluan="Konsultasi DPA", planned_date=next_office_day(), part_of_day=PartOfDay.MORNING)
    assert not Notification.objects.filter(channel=Channel.WHATSAPP).exists() and cloud_api.received == []
