"""The small things people trip over at the desk and in the Bidang (issue 19 §3): the board's time
legend, the cancel reason with its own button and a limit said in words, the consultation's modes
and finishing words."""

import re

from django.urls import reverse

from visits.models import SopStep, State, Visit


def test_the_board_explains_its_times_and_colours_against_the_standards(client_of, petugas, visit_today):
    visit_today(guest_name="Siti Aminah")
    SopStep.objects.filter(number=2).update(standard_minutes=7)

    html = client_of(petugas).get(reverse("visits:desk")).content.decode()

    legend = html.split("data-timer-legend")[1].split("</div>")[0]
    assert "text-bg-success" in legend and "masih dalam standar" in legend
    assert "text-bg-warning" in legend and "text-bg-danger" in legend and "melewati standar" in legend
    greeting = SopStep.objects.get(number=2)
    assert f"2. {greeting.short_name} 7 menit" in legend


def test_the_cancel_reason_is_asked_inside_the_cancel_disclosure(client_of, petugas, visit_today):
    visit = visit_today(guest_name="Siti Aminah")

    html = client_of(petugas).get(reverse("visits:detail", args=[visit.pk])).content.decode()

    greet = html.index('data-move="greet"')
    disclosure = re.search(r'<details class="move-with-reason" id="cancel">(.*?)</details>', html, re.S)
    assert disclosure and disclosure.start() > greet  # the reason never stands between Sambut and Batalkan
    inside = disclosure.group(1)
    assert "Batalkan&hellip;</summary>" in inside
    assert ">Alasan pembatalan</label>" in inside and 'name="note"' in inside
    assert " maxlength=" not in inside  # a paste is never cut silently: the counter and the server say it
    assert 'data-required-message="Tuliskan alasannya dahulu."' in inside
    assert 'data-maxlength="500"' in inside and "data-char-count" in inside
    assert html.count('name="note"') == 1


def test_a_too_long_cancel_reason_is_refused_in_words_not_cut(client_of, petugas, visit_today, record_of):
    visit = visit_today(guest_name="Siti Aminah")
    before = record_of(visit)
    client = client_of(petugas)

    response = client.post(reverse("visits:move", args=[visit.pk, "cancel"]), {"note": "x" * 600}, follow=True)

    assert "Alasan terlalu panjang: 600 karakter, paling banyak 500." in response.content.decode()
    assert record_of(visit) == before

    client.post(reverse("visits:move", args=[visit.pk, "cancel"]), {"note": "y" * 500})
    assert Visit.objects.get(pk=visit.pk).state == State.CANCELLED
    assert visit.events.get(action="cancel").note == "y" * 500  # kept whole


def test_the_modes_show_only_their_indonesian_names(client_of, staf, visit_today):
    visit = visit_today(["greet", "report", "route", "receive"])

    html = client_of(staf).get(reverse("visits:consultation", args=[visit.pk])).content.decode()

    assert "Penyelesaian langsung" in html and "Saran dan arahan" in html
    for code in ["provision", "prescription", "mediation", "collaboration"]:
        assert f"({code})" not in html


def test_the_bidang_finishes_the_consultation_and_the_desk_sees_the_guest_out(client_of, staf, petugas,
                                                                               visit_today):
    consulting = visit_today(["greet", "report", "route", "receive"])
    html = client_of(staf).get(reverse("visits:consultation", args=[consulting.pk])).content.decode()
    finish = re.search(r"<button[^>]*data-finish>(.*?)</button>", html, re.S).group(1)
    assert "Selesaikan konsultasi" in finish
    assert "antar" not in finish.lower()  # "Antar keluar" is the desk's step, not the Bidang's

    leaving = visit_today(["greet", "report", "route", "receive", "finish"])
    board = client_of(petugas).get(reverse("visits:desk")).content.decode()
    assert 'data-move="see_out">Antar keluar</button>' in board.split(f'id="visit-{leaving.pk}"')[1]
