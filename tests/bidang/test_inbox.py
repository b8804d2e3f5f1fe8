"""The inbox: today's guests of the user's own Bidang in three sections, with timers, refreshing itself."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import bidang, make_visit, wib
from visits.models import State
from visits.views.inbox import inbox_sections

pytestmark = pytest.mark.django_db


def test_it_shows_waiting_consulting_and_finished_guests_of_the_bidang(
    client_of, staf, routed, consulting, finished
):
    waiting = routed(guest_name="Rina Waiting", origin="Kecamatan Natar", keperluan="Revisi DPA murni")
    with_official = consulting(guest_name="Joko Consulting")
    done = finished(guest_name="Tuti Finished")
    elsewhere = routed(guest_name="Orang Aset", bidang_code="aset")

    page = client_of(staf).get(reverse("visits:inbox"))

    html = page.content.decode()
    assert page.status_code == 200
    for visit in (waiting, with_official, done):
        assert visit.queue_number in html and visit.guest_name in html
    assert "Kecamatan Natar" in html and "Revisi DPA murni" in html and "Pergeseran anggaran (uji)" in html
    assert "Orang Aset" not in html and elsewhere.queue_number not in html
    waiting_table = html.split('id="inbox-waiting"')[1].split("</table>")[0]
    consulting_table = html.split('id="inbox-consulting"')[1].split("</table>")[0]
    finished_table = html.split('id="inbox-finished"')[1].split("</table>")[0]
    assert "Rina Waiting" in waiting_table and "Terima tamu" in waiting_table
    assert "Joko Consulting" in consulting_table and "Catat konsultasi" in consulting_table
    assert "Tuti Finished" in finished_table and "Lihat catatan" in finished_table


def test_the_timers_run_from_routing_and_from_receiving(people, staf, topic):
    arrived = wib(hour=9)
    waiting = make_visit(people["petugas"], at=arrived, guest_name="Menunggu")
    for minute, name in enumerate(["greet", "report", "route"], start=1):
        waiting.advance(
            name,
            by=people["kasubbag" if name == "route" else "petugas"],
            at=arrived + timedelta(minutes=minute),
            bidang=bidang("anggaran") if name == "route" else None,
        )
    talking = make_visit(people["petugas"], at=arrived, guest_name="Konsultasi")
    for minute, name in enumerate(["greet", "report", "route"], start=1):
        talking.advance(
            name,
            by=people["kasubbag" if name == "route" else "petugas"],
            at=arrived + timedelta(minutes=minute),
            bidang=bidang("anggaran") if name == "route" else None,
        )
    talking.advance("receive", by=staf, at=wib(hour=9, minute=10))

    sections = inbox_sections(staf, now=wib(hour=9, minute=20))

    assert sections["waiting"][0]["timer"].elapsed_seconds == 17 * 60  # routed at 09.03
    assert sections["consulting"][0]["timer"].elapsed_seconds == 10 * 60  # received at 09.10
    assert sections["consulting"][0]["timer"].elapsed_text == "10 mnt 0 dtk"


def test_finished_guests_show_waiting_and_consultation_time(finished, staf):
    visit = finished()
    row = inbox_sections(staf)["finished"][0]
    assert row["visit"] == visit
    assert row["waited"] == "30 dtk" and row["consulted"] == "1 mnt 30 dtk"


def test_the_partial_refreshes_the_same_rows_and_the_nav_badge(client_of, staf, routed):
    visit = routed()
    page = client_of(staf).get(reverse("visits:inbox"))
    assert (
        'hx-get="/bidang/antrean/"' in page.content.decode()
        and 'hx-trigger="every 5s"' in page.content.decode()
    )

    rows = client_of(staf).get(reverse("visits:inbox_rows"))

    html = rows.content.decode()
    assert f'data-waiting-id="{visit.pk}"' in html
    assert 'id="inbox-badge"' in html and 'hx-swap-oob="true"' in html
    assert "<html" not in html


def test_the_query_count_does_not_grow_with_the_guests(client_of, staf, routed, consulting, finished):
    client = client_of(staf)
    routed(), consulting(), finished()
    with CaptureQueriesContext(connection) as few:
        client.get(reverse("visits:inbox_rows"))
    for _ in range(3):
        routed(), consulting(), finished()
    with CaptureQueriesContext(connection) as many:
        client.get(reverse("visits:inbox_rows"))
    assert len(many) == len(few)


def test_only_staff_of_a_bidang_open_the_inbox(client_of, petugas, pimpinan):
    assert client_of(petugas).get(reverse("visits:inbox")).status_code == 403
    assert client_of(pimpinan).get(reverse("visits:inbox_rows")).status_code == 403


def test_the_list_of_who_may_receive_offers_only_officials_of_the_bidang(
    client_of, staf, kabid, staf_lain, routed
):
    routed()
    html = client_of(staf).get(reverse("visits:inbox")).content.decode()
    select = html.split('name="official"')[1].split("</select>")[0]
    assert "Wati Kusuma (Kepala Bidang)" in select and "Ani Lestari (Pelaksana)" in select
    assert "Dodi" not in select
    assert select.index("Wati Kusuma") < select.index("Ani Lestari")  # the Kabid before the Pelaksana
    assert f'value="{staf.pk}" selected' in select


def test_guests_of_earlier_days_are_not_in_todays_inbox(client_of, staf, routed):
    old = routed(at=wib(2026, 1, 5, 9))
    assert old.state == State.WAITING
    html = client_of(staf).get(reverse("visits:inbox")).content.decode()
    assert f'id="visit-{old.pk}"' not in html
