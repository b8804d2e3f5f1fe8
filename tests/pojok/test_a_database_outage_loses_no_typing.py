"""With the database unreachable, a form that matters answers the 503 page with what was typed, ready to
send again safely; the outage is logged once, with its length.

The database is made unreachable where Django talks to it (an execute wrapper raising the error
psycopg raises when the server is gone); everything above it is the real app. The same is done to a
real PostgreSQL server behind gunicorn in test_an_outage_under_gunicorn_postgres.py.
"""

import logging
import re
from contextlib import contextmanager
from html import unescape

import pytest
from django.db import OperationalError, connection
from django.test import Client
from django.urls import reverse

from pojok.idempotency import FIELD
from visits.models import Visit

pytestmark = pytest.mark.django_db

TYPED = {"guest_name": "Siti Aminah", "origin": "Dinas Kesehatan", "party_size": "2",
         "keperluan": "Konsultasi SPJ belanja modal\nbeserta lampiran kontrak", "phone": "0812 3456 7890"}


def _unreachable(execute, sql, params, many, context):
    raise OperationalError("connection to server at \"127.0.0.1\", port 5432 failed: Connection refused")


@contextmanager
def database_down():
    with connection.execute_wrapper(_unreachable):
        yield


@pytest.fixture(autouse=True)
def outage_file(settings, tmp_path):
    settings.OUTAGE_STATE_FILE = str(tmp_path / "outage")
    return tmp_path / "outage"


@pytest.fixture
def desk(petugas):
    client = Client(raise_request_exception=False)
    client.force_login(petugas)
    return client


def _resend_form(html: str) -> tuple[str, list[tuple[str, str]]]:
    form = re.search(r'<form method="post" action="([^"]+)"[^>]*data-resend>(.*?)</form>', html, re.S)
    assert form, "no form to send again"
    fields = re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)">', form.group(2))
    return unescape(form.group(1)), [(name, unescape(value)) for name, value in fields]


def _check_in_page(desk) -> dict:
    html = desk.get(reverse("visits:check_in")).content.decode()
    key = re.search(rf'name="{FIELD}" value="([^"]+)"', html).group(1)
    return {**TYPED, FIELD: key}


def test_a_check_in_during_the_outage_answers_503_with_the_typing_kept(desk):
    form = _check_in_page(desk)
    with database_down():
        response = desk.post(reverse("visits:check_in"), form)
    html = response.content.decode()
    assert response.status_code == 503 and response["Retry-After"] == "10"
    assert "Data belum tersimpan, silakan coba lagi" in html
    assert "Pojok Konsultasi" in html and 'href="/"' in html  # the app's layout and the way back
    for label, value in [("Nama tamu", "Siti Aminah"), ("Asal instansi/OPD", "Dinas Kesehatan"),
                         ("Keperluan", "Konsultasi SPJ belanja modal<br>beserta lampiran kontrak")]:
        assert re.search(rf"<dt>{re.escape(label)}</dt><dd[^>]*>{re.escape(value)}</dd>", html), label
    action, fields = _resend_form(html)
    assert action == reverse("visits:check_in")
    assert dict(fields)[FIELD] == form[FIELD] and "csrfmiddlewaretoken" not in dict(fields)  # the test client
    assert Visit.objects.count() == 0


def test_sending_it_again_after_the_outage_saves_it_once(desk):
    form = _check_in_page(desk)
    with database_down():
        html = desk.post(reverse("visits:check_in"), form).content.decode()
    action, fields = _resend_form(html)
    data = {}
    for name, value in fields:
        data.setdefault(name, []).append(value)
    first = desk.post(action, data)
    again = desk.post(action, data)  # the person clicked "Kirim lagi" twice
    visit = Visit.objects.get()
    assert first.status_code == again.status_code == 302 and again["Location"] == first["Location"]
    assert (visit.guest_name, visit.party_size, visit.phone) == ("Siti Aminah", 2, "+6281234567890")
    assert visit.keperluan == TYPED["keperluan"]


def test_a_page_opened_during_the_outage_says_so_and_offers_to_try_again(desk):
    with database_down():
        response = desk.get(reverse("visits:desk"))
    html = response.content.decode()
    assert response.status_code == 503
    assert "Halaman belum dapat dibuka, silakan coba lagi" in html
    assert f'href="{reverse("visits:desk")}"' in html


def test_the_503_page_shows_the_request_id_of_the_log(desk):
    with database_down():
        response = desk.get(reverse("visits:desk"))
    assert re.fullmatch(r"[0-9a-f]{32}", response["X-Request-ID"])
    assert f"<code>{response['X-Request-ID']}</code>" in response.content.decode()


def test_a_login_during_the_outage_never_shows_the_password_again(staf):
    client = Client(raise_request_exception=False)
    with database_down():
        response = client.post(reverse("login"), {"username": "ani", "password": "rahasia-sekali-123"})
    assert response.status_code == 503
    assert "rahasia-sekali-123" not in response.content.decode()
    assert "data-resend" not in response.content.decode()


def test_the_outage_is_logged_once_with_its_length(desk, clock, caplog):
    caplog.set_level(logging.INFO)
    with database_down():
        for _ in range(5):
            desk.post(reverse("visits:check_in"), TYPED)
            clock.advance(seconds=1)
    assert desk.get(reverse("visits:desk")).status_code == 200  # the first answer after it
    desk.get(reverse("visits:desk"))
    outage = [r for r in caplog.records if r.name == "pojok.outage"]
    assert [r.getMessage() for r in outage] == ["database unreachable", "database reachable again"]
    assert (outage[1].duration_seconds, outage[1].failed_requests) == (5.0, 5)
    assert [r for r in caplog.records if r.name == "django.request"] == []  # not once per request


def test_healthz_starts_and_ends_an_outage_too(client, clock, caplog):
    caplog.set_level(logging.INFO)
    with database_down():
        assert client.get(reverse("healthz")).status_code == 503
    clock.advance(seconds=3)
    assert client.get(reverse("healthz")).status_code == 200
    ended = [r for r in caplog.records if r.name == "pojok.outage" and r.levelno == logging.WARNING]
    assert len(ended) == 1 and ended[0].duration_seconds == 3.0


def _send_again(client, html: str):
    action, fields = _resend_form(html)
    data = {}
    for name, value in fields:
        data.setdefault(name, []).append(value)
    return client.post(action, data)


def test_a_long_consultation_note_survives_the_outage(people, staf):
    from tests.factories import advance_to, make_visit
    from visits.models import Consultation

    visit = advance_to(make_visit(people["petugas"]), ["greet", "report", "route", "receive"], people)
    staff = Client(raise_request_exception=False)
    staff.force_login(staf)
    page = staff.get(reverse("visits:consultation", args=[visit.pk])).content.decode()
    key = re.search(rf'name="{FIELD}" value="([^"]+)"', page).group(1)
    note = "Dijelaskan tata cara penyusunan SPJ belanja modal, lampiran kontrak dan BAST. " * 40
    form = {"action": "finish", "mode": "provision", "problem": "SPJ belum lengkap", "outcome": note,
            "other_documents": "", FIELD: key}
    with database_down():
        refused = staff.post(reverse("visits:consultation", args=[visit.pk]), form)
    html = refused.content.decode()
    assert refused.status_code == 503 and note.strip() in unescape(html)
    assert "<dt>Jawaban atau hasil</dt>" in html  # shown under the form's own label
    assert _send_again(staff, html).status_code == 302
    assert _send_again(staff, html).status_code == 302  # twice: still one record
    assert Consultation.objects.get(visit=visit).outcome == note.strip()


def test_a_routing_survives_the_outage(people, kasubbag, topics):
    from tests.factories import bidang, make_visit
    from visits.models import RoutingDecision

    visit = make_visit(people["petugas"])
    for name in ["greet", "report"]:
        visit.advance(name, by=people["petugas"])
    triage = Client(raise_request_exception=False)
    triage.force_login(kasubbag)
    page = triage.get(reverse("visits:triage_route", args=[visit.pk])).content.decode()
    key = re.search(rf'name="{FIELD}" value="([^"]+)"', page).group(1)
    form = {"keperluan": "Konsultasi SPJ belanja modal", "bidang": bidang("perbendaharaan").pk, "topic": "",
            "assigned_to": "", "override_reason": "Tamu minta ke Perbendaharaan", FIELD: key}
    with database_down():
        html = triage.post(reverse("visits:triage_route", args=[visit.pk]), form).content.decode()
    assert "Tamu minta ke Perbendaharaan" in html and "Konsultasi SPJ belanja modal" in html
    assert _send_again(triage, html).status_code == 302
    assert _send_again(triage, html).status_code == 302
    assert RoutingDecision.objects.get(visit=visit).bidang == bidang("perbendaharaan")
