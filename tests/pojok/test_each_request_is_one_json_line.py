"""One JSON line per request (its id, the user, path, status, duration) and per job run; never a guest's
name, phone or typed text."""

import io
import json
import logging
import re

import pytest
from django.conf import settings
from django.core.management import call_command
from django.urls import reverse

from pojok.logs import JsonFormatter

pytestmark = pytest.mark.django_db


@pytest.fixture
def log_lines():
    """What the settings' JSON handler writes, caught for the test."""
    stream = io.StringIO()
    options = {k: v for k, v in settings.LOGGING["formatters"]["json"].items() if k != "()"}
    handler = logging.StreamHandler(stream)
    handler.setFormatter(JsonFormatter(**options))
    loggers = [logging.getLogger(name) for name in ("pojok.request", "pojok.job", "django.request")]
    for logger in loggers:
        logger.addHandler(handler)
    yield lambda: [json.loads(line) for line in stream.getvalue().splitlines()]
    for logger in loggers:
        logger.removeHandler(handler)


def test_a_check_in_is_one_line_with_its_id_and_no_guest_data(client_of, petugas, log_lines):
    response = client_of(petugas).post(reverse("visits:check_in"), {
        "guest_name": "Siti Aminah", "origin": "Dinas Kesehatan", "phone": "0812 3456 7890",
        "keperluan": "Konsultasi SPJ", "party_size": 1})
    lines = log_lines()
    assert len(lines) == 1
    line = lines[0]
    assert line["request_id"] == response["X-Request-ID"]
    assert re.fullmatch(r"[0-9a-f]{32}", line["request_id"])
    assert (line["user_id"], line["method"], line["path"], line["status"]) == (
        petugas.pk, "POST", "/meja-depan/tamu-baru/", 302)
    assert line["view"] == "visits:check_in" and line["duration_ms"] >= 0 and line["level"] == "INFO"
    text = json.dumps(line)
    assert "Siti" not in text and "3456" not in text and "SPJ" not in text


def test_a_typed_name_in_the_query_string_never_reaches_the_log(client_of, petugas, log_lines):
    client_of(petugas).get(reverse("visits:returning_guests"), {"guest_name": "Siti Aminah"})
    line = log_lines()[0]
    assert line["path"] == "/meja-depan/tamu-lama/" and "Siti" not in json.dumps(line)


def test_a_code_in_the_path_is_logged_by_its_name(client, log_lines):
    client.get(reverse("survey:answer", args=["koderahasia12"]))
    line = log_lines()[0]
    assert line["path"] == "/s/<token>" and line["status"] == 404 and line["user_id"] is None


def test_djangos_request_object_is_never_written(log_lines, rf):
    request = rf.get("/meja-depan/tamu-lama/?guest_name=Siti")
    logging.getLogger("django.request").error("Internal Server Error: %s", request.path,
                                              extra={"request": request})
    assert "Siti" not in json.dumps(log_lines())


def test_a_job_run_is_one_line(log_lines):
    out = io.StringIO()
    call_command("run_job", "housekeeping", stdout=out)
    lines = [line for line in log_lines() if line.get("event") == "job"]
    assert len(lines) == 1
    assert (lines[0]["job"], lines[0]["status"]) == ("housekeeping", "ok")
    assert re.fullmatch(r"[0-9a-f]{32}", lines[0]["run_id"]) and lines[0]["duration_ms"] >= 0
    assert "Dihapus:" in out.getvalue()


def test_a_failing_job_is_one_error_line_and_still_fails(log_lines):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError):
        call_command("run_job", "sop_report", "--from", "2026-13-01", "--to", "2026-10-31")
    line = [line for line in log_lines() if line.get("event") == "job"][0]
    assert (line["job"], line["status"], line["level"]) == ("sop_report", "error", "ERROR")
