"""The Kasubbag's queue: visits waiting for step 4, the guest who came first at the top, each opening its page."""

from datetime import timedelta

import pytest

from pojok import clock
from tests.factories import bidang, wib
from visits.models import Piket, route_visit

pytestmark = pytest.mark.django_db
URL = "/triase/"


def test_the_queue_lists_waiting_guests_oldest_first_with_a_link_to_route_each(client_of, kasubbag, in_triage):
    later = in_triage("Revisi DPA", guest_name="Dewi Lestari", at=wib(hour=10))
    earlier = in_triage("SP2D belum cair", guest_name="Rahmat Hidayat", at=wib(hour=9))
    routed = in_triage("LKPD", guest_name="Yuni Susanti", at=wib(hour=8))
    route_visit(visit=routed, by=kasubbag, bidang=bidang("akuntansi"), at=wib(hour=8, minute=5))

    html = client_of(kasubbag).get(URL).content.decode()
    assert html.index("Rahmat Hidayat") < html.index("Dewi Lestari")
    assert "Yuni Susanti" not in html
    assert f'href="/triase/{earlier.pk}/"' in html and f'href="/triase/{later.pk}/"' in html
    assert f"/kunjungan/{earlier.pk}/#route" not in html


def test_each_row_has_a_timer_against_the_five_minute_standard(client_of, kasubbag, in_triage):
    visit = in_triage("Revisi DPA", at=clock.now() - timedelta(minutes=9))  # reported 7 minutes ago
    html = client_of(kasubbag).get("/triase/antrean/").content.decode()
    row = html[html.index(f'id="visit-{visit.pk}"'):]
    assert 'data-standard="300"' in row and "text-bg-danger" in row.split("</tr>")[0]


def test_the_page_refreshes_the_same_partial_by_itself(client_of, kasubbag, in_triage):
    in_triage("Revisi DPA", guest_name="Dewi Lestari")
    client = client_of(kasubbag)
    page = client.get(URL).content.decode()
    assert 'hx-get="/triase/antrean/"' in page and 'hx-trigger="every 5s"' in page
    partial = client.get("/triase/antrean/")
    assert partial.templates[0].name == "visits/triage/_queue_rows.html"
    assert "Dewi Lestari" in partial.content.decode()


def test_the_header_says_who_is_on_duty(client_of, kasubbag, petugas):
    html = client_of(kasubbag).get(URL).content.decode()
    assert "Sri Rahayu</strong> (Kasubbag Umum)" in html and "tidak ada petugas piket" in html
    Piket.objects.create(day=clock.today(), user=petugas, assigned_by=kasubbag)
    html = client_of(kasubbag).get(URL).content.decode()
    assert "petugas piket: <strong>Budi Santoso</strong>" in html


def test_the_query_count_does_not_grow_with_the_queue(client_of, kasubbag, in_triage, django_assert_max_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = client_of(kasubbag)
    client.get(URL)  # the permissions are read once, then kept (pojok/security.py)
    counts = []
    for index in range(2):
        for minute in range(3):
            in_triage("Revisi DPA", at=wib(hour=9 + index, minute=minute * 10))
        with CaptureQueriesContext(connection) as queries:
            assert client.get(URL).status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1]


@pytest.mark.parametrize("who", ["petugas", "staf", "pimpinan", "admin_user"])
def test_other_roles_cannot_open_it(request, client_of, who):
    client = client_of(request.getfixturevalue(who))
    assert client.get(URL).status_code == 403
    assert client.get("/triase/antrean/").status_code == 403


def test_it_needs_a_login(client):
    assert client.get(URL).status_code == 302
