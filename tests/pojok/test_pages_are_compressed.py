"""HTML goes out gzip-compressed to a browser that accepts it (GZipMiddleware), with the security
headers intact, and the streamed exports still download whole."""

import csv
import gzip
import io

import pytest
from django.urls import reverse

from pojok import clock
from tests.factories import advance_to, make_visit

pytestmark = pytest.mark.django_db
GZIP = {"HTTP_ACCEPT_ENCODING": "gzip, deflate, br"}


def test_a_page_is_compressed_and_keeps_its_content_security_policy(client_of, petugas):
    make_visit(petugas, at=clock.now(), guest_name="Tamu Terkompresi")
    client = client_of(petugas)
    plain = client.get(reverse("visits:desk"))
    packed = client.get(reverse("visits:desk"), **GZIP)

    assert "Content-Encoding" not in plain and packed["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in packed["Vary"]
    assert packed["Content-Security-Policy"] == plain["Content-Security-Policy"]
    html = gzip.decompress(packed.content).decode()
    assert "Tamu Terkompresi" in html and html.rstrip().endswith("</html>")
    assert len(packed.content) < len(plain.content) / 2


def test_a_compressed_poll_still_answers_304_to_its_weak_etag(client_of, petugas):
    make_visit(petugas, at=clock.now())
    client = client_of(petugas)
    first = client.get(reverse("visits:desk_rows"), **GZIP)
    assert first["Content-Encoding"] == "gzip" and first["ETag"].startswith("W/")
    assert client.get(reverse("visits:desk_rows"), HTTP_IF_NONE_MATCH=first["ETag"], **GZIP).status_code == 304


def test_the_csv_export_streams_whole_through_gzip(client_of, people):
    for name in ("Rahmat Hidayat", "Siti Aminah"):
        advance_to(make_visit(people["petugas"], at=clock.now(), guest_name=name),
                   ["greet", "report", "route", "receive", "finish"], people)
    client = client_of(people["staf"])
    plain = client.get(reverse("visits:consultation_export"))
    packed = client.get(reverse("visits:consultation_export"), **GZIP)

    assert packed.streaming and packed["Content-Encoding"] == "gzip"
    assert packed["Content-Disposition"] == plain["Content-Disposition"]
    body = gzip.decompress(b"".join(packed.streaming_content))
    assert body == b"".join(plain.streaming_content)
    rows = list(csv.reader(io.StringIO(body.decode("utf-8-sig")), delimiter=";"))
    assert len(rows) == 3 and {rows[1][3], rows[2][3]} == {"Rahmat Hidayat", "Siti Aminah"}
