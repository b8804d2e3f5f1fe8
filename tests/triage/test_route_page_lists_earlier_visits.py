"""/triase/<pk>/ of a returning guest: their earlier visits (date, Bidang, topic, outcome), in a bounded
list read in a fixed number of queries."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import advance_to, make_visit, wib
from tests.triage.conftest import topic
from visits.models import Visit

pytestmark = pytest.mark.django_db


def _earlier(people, *, day, keperluan="Revisi DPA belanja hibah", phone="+6281234565678", moves=None, **fields):
    visit = make_visit(people["petugas"], at=wib(day=day), guest_name="Yuni Rahayu", origin="Dinas Sosial",
                       phone=phone, keperluan=keperluan, **fields)
    return advance_to(visit, moves or ["greet", "report", "route", "receive", "finish", "see_out"], people)


def _page(client_of, kasubbag, visit):
    return client_of(kasubbag).get(f"/triase/{visit.pk}/").content.decode()


def test_a_returning_guest_shows_their_earlier_visits(client_of, kasubbag, people, in_triage):
    done = _earlier(people, day=9)
    Visit.objects.filter(pk=done.pk).update(topic=topic("Pergeseran anggaran"))
    cancelled = _earlier(people, day=16, keperluan="Tanya SPJ", moves=["greet"])
    cancelled.advance("cancel", by=people["petugas"], note="tamu pulang", at=wib(day=16, hour=10))
    _earlier(people, day=12, phone="+6289999999999")  # another guest of the same name: not theirs
    visit = in_triage("Konsultasi lanjutan", guest_name="Yuni Rahayu", origin="Dinas Sosial",
                      phone="+6281234565678")

    html = _page(client_of, kasubbag, visit)

    listed = html.split("data-earlier-visits")[1].split("</ul>")[0]
    assert listed.count("data-earlier-visit>") == 2
    assert listed.index("16 November 2026") < listed.index("9 November 2026")  # newest first
    assert "Bidang Anggaran · Pergeseran anggaran" in listed and "Revisi DPA belanja hibah" in listed
    assert 'data-earlier-outcome>Selesai<' in listed and 'data-earlier-outcome>Batal<' in listed
    assert "12 November 2026" not in listed
    assert "Dijelaskan tata cara" not in html  # the Kasubbag never reads the Bidang's notes


def test_without_a_phone_the_same_name_from_the_same_opd_is_the_same_guest(client_of, kasubbag, people,
                                                                            in_triage):
    _earlier(people, day=9, phone="")
    make_visit(people["petugas"], at=wib(day=11), guest_name="Yuni Rahayu", origin="Inspektorat")
    visit = in_triage("Konsultasi", guest_name="yuni rahayu", origin="Dinas Sosial")

    html = _page(client_of, kasubbag, visit)

    assert "9 November 2026" in html and "11 November 2026" not in html


def test_a_first_visit_says_so(client_of, kasubbag, in_triage):
    visit = in_triage("Konsultasi", guest_name="Tamu Baru", phone="+6281111111111")
    assert "data-first-visit" in _page(client_of, kasubbag, visit)


def test_the_list_is_bounded_and_its_queries_do_not_grow(client_of, kasubbag, people, in_triage):
    def count_queries(visit):
        client = client_of(kasubbag)
        with CaptureQueriesContext(connection) as queries:
            html = client.get(f"/triase/{visit.pk}/").content.decode()
        return len(queries), html

    _earlier(people, day=2, moves=["greet", "report", "route", "receive", "finish"])
    visit = in_triage("Konsultasi", guest_name="Yuni Rahayu", origin="Dinas Sosial", phone="+6281234565678",
                      at=wib(day=23) + timedelta(hours=1))
    few, _ = count_queries(visit)
    for day in range(3, 11):
        _earlier(people, day=day)
    many, html = count_queries(visit)

    assert many == few
    assert html.count("data-earlier-visit>") == 5
    assert "10 November 2026" in html and "5 November 2026" not in html.split("data-earlier-visits")[1]
