"""The front desk's board: today's open visits, each with its step and the petugas's buttons."""

import re
from datetime import timedelta

from django.urls import reverse

from pojok import clock, roles
from tests.factories import bidang, make_user, make_visit


def row_of(html: str, visit) -> str:
    match = re.search(rf'<tr id="visit-{visit.pk}".*?</tr>', html, re.S)
    assert match, f"visit {visit.queue_number} is not on the board"
    return match.group(0)


def test_the_board_shows_todays_visits_with_their_step_and_buttons(client_of, petugas, visit_today):
    waiting = visit_today(guest_name="Siti Aminah")
    reported = visit_today(["greet", "report"], guest_name="Joko Widodo")

    html = client_of(petugas).get(reverse("visits:desk")).content.decode()

    first = row_of(html, waiting)
    assert waiting.queue_number in first and "Siti Aminah" in first
    assert "2. Menunggu disambut" in first
    assert 'data-move="greet"' in first
    assert "Batalkan…" in first
    second = row_of(html, reported)
    assert "4. Menunggu diarahkan ke Bidang" in second
    assert "data-move" not in second  # routing is the Kasubbag's, not the petugas's


def test_the_board_leaves_out_other_days_and_ended_visits(client_of, petugas, visit_today):
    yesterday = make_visit(petugas, at=clock.now() - timedelta(days=1), guest_name="Tamu Kemarin")
    walk = ["greet", "report", "route", "receive", "finish", "see_out"]
    done = visit_today(walk, guest_name="Tamu Selesai")

    html = client_of(petugas).get(reverse("visits:desk")).content.decode()

    assert f'id="visit-{yesterday.pk}"' not in html and "Tamu Kemarin" not in html
    assert f'id="visit-{done.pk}"' not in html
    assert "Belum ada tamu hari ini." in html


def test_the_partial_shows_a_move_made_by_someone_else(client_of, petugas, people, visit_today):
    visit = visit_today(["greet", "report"])
    client = client_of(petugas)
    before = row_of(client.get(reverse("visits:desk_rows")).content.decode(), visit)
    assert "4. Menunggu diarahkan ke Bidang" in before

    visit.advance("route", by=people["kasubbag"], bidang=bidang("anggaran"))

    row = row_of(client.get(reverse("visits:desk_rows")).content.decode(), visit)
    assert "5. Menunggu diterima Bidang" in row
    assert "Bidang Anggaran" in row


def test_the_partial_drops_a_greet_button_once_another_petugas_greeted(client_of, petugas, visit_today):
    visit = visit_today()
    client = client_of(petugas)
    assert 'data-move="greet"' in row_of(client.get(reverse("visits:desk_rows")).content.decode(), visit)

    visit.advance("greet", by=make_user("eko", roles.PETUGAS, full_name="Eko Saputra"))

    row = row_of(client.get(reverse("visits:desk_rows")).content.decode(), visit)
    assert 'data-move="greet"' not in row
    assert 'data-move="report"' in row


def test_only_the_front_desk_opens_the_board(kasubbag, staf, pimpinan, client):
    for user in (kasubbag, staf, pimpinan):
        client.force_login(user)
        assert client.get(reverse("visits:desk")).status_code == 403
        assert client.get(reverse("visits:desk_rows")).status_code == 403
    client.logout()
    assert client.get(reverse("visits:desk")).status_code == 302
