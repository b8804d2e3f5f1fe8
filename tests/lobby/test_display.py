"""The lobby display: queue numbers and where to go, never a guest's name or phone."""

from datetime import timedelta

import pytest
from django.urls import reverse

from lobby.display import latest_announcement, lobby_board
from lobby.models import Call
from lobby.speech import spell_number
from pojok import clock
from routing.models import Bidang
from tests.factories import advance_to, make_visit, wib

pytestmark = pytest.mark.django_db

WAITING_FOR_BIDANG = ["greet", "report", "route"]  # check_in already made "arrive"


def _guest(people, name, phone, *, at, moves=()):
    visit = make_visit(people["petugas"], at=at, guest_name=name, phone=phone, origin="Dinas Rahasia Origin")
    return advance_to(visit, list(moves), people, at=at)


@pytest.fixture
def today_queue(people):
    now = clock.now()
    at_front_desk = _guest(people, "Zubaidah Kurniawati", "081111111111", at=now)
    waiting = _guest(people, "Yohanes Siregar", "082222222222", at=now, moves=WAITING_FOR_BIDANG)
    served = _guest(people, "Xaverius Hutapea", "083333333333", at=now, moves=[
        *WAITING_FOR_BIDANG, "receive"])
    return at_front_desk, waiting, served


def test_it_shows_who_waits_and_who_is_served_with_where_to_go(display_device, today_queue):
    at_front_desk, waiting, served = today_queue
    _, tv = display_device
    html = tv.get(reverse("lobby:display_board")).content.decode()
    serving, waiting_list = html.split("data-serving")[1].split("data-waiting")
    assert f"{served.queue_number}</strong> → Bidang Anggaran</li>" in serving
    assert f"{waiting.queue_number}</strong>" in waiting_list and "→ Bidang Anggaran" in waiting_list
    assert f"{at_front_desk.queue_number}</strong>" in waiting_list
    assert waiting.queue_number not in serving


@pytest.mark.parametrize("url_name", ["lobby:display", "lobby:display_board"])
def test_the_display_never_shows_a_guests_name_phone_or_origin(display_device, today_queue, people, url_name):
    _, waiting, _ = today_queue
    Call.objects.create(visit=waiting, bidang=waiting.bidang, by=people["staf"])
    _, tv = display_device
    html = tv.get(reverse(url_name)).content.decode()
    assert waiting.queue_number in html
    for visit in today_queue:
        for secret in [*visit.guest_name.split(), visit.phone, visit.origin, visit.keperluan]:
            assert secret not in html


def test_the_page_polls_its_partial_every_three_seconds(display_device):
    _, tv = display_device
    html = tv.get(reverse("lobby:display")).content.decode()
    assert f'hx-get="{reverse("lobby:display_board")}" hx-trigger="every 3s"' in html
    assert "js/lobby.js" in html and "data-lobby-status" in html and "data-sound-toggle" in html
    assert "<script>" not in html


def test_the_latest_call_is_highlighted_with_its_spoken_sentence(display_device, today_queue, people):
    _, waiting, _ = today_queue
    later = clock.now() + timedelta(minutes=30)  # after the reception of the guest being served
    Call.objects.create(visit=waiting, bidang=waiting.bidang, by=people["staf"], at=later)
    _, tv = display_device
    html = tv.get(reverse("lobby:display_board")).content.decode()
    call = html.split('class="lobby-call"')[1].split("</section>")[0]
    assert waiting.queue_number in call and "Bidang Anggaran" in call
    words = f"Nomor antrian A {spell_number(waiting.queue_seq)}"
    assert f'data-call-sentence="{words}, silakan menuju Bidang Anggaran"' in call
    assert 'class="lobby-called"><strong>' + waiting.queue_number in html


def test_receiving_a_guest_is_announced_like_a_call(people):
    waiting = _guest(people, "Yohanes Siregar", "082222222222", at=wib(hour=9), moves=WAITING_FOR_BIDANG)
    Call.objects.create(visit=waiting, bidang=waiting.bidang, by=people["staf"], at=wib(hour=9, minute=10))
    assert latest_announcement(day=waiting.day).key.startswith("call-")
    waiting.advance("receive", by=people["staf"], at=wib(hour=9, minute=20))
    announcement = latest_announcement(day=waiting.day)
    assert announcement.key.startswith("receive-") and announcement.queue_seq == waiting.queue_seq
    assert announcement.bidang_name == "Bidang Anggaran" and announcement.room == "Ruang Bidang Anggaran"


def test_the_room_is_named_only_when_it_says_more_than_the_bidang(display_device, today_queue):
    _, waiting, served = today_queue
    _, tv = display_device
    html = tv.get(reverse("lobby:display_board")).content.decode()
    assert "Ruang Bidang Anggaran" not in html  # not "Bidang Anggaran, Ruang Bidang Anggaran"
    Bidang.objects.filter(pk=served.bidang_id).update(room="Lantai 2, ruang 204")
    html = tv.get(reverse("lobby:display_board")).content.decode()
    assert f"{served.queue_number}</strong> → Bidang Anggaran, Lantai 2, ruang 204</li>" in html


def test_yesterdays_calls_and_guests_are_not_shown(people):
    yesterday = _guest(people, "Yohanes Siregar", "082222222222", at=wib(day=22), moves=WAITING_FOR_BIDANG)
    Call.objects.create(visit=yesterday, bidang=yesterday.bidang, by=people["staf"], at=wib(day=22, hour=10))
    board = lobby_board(day=wib(day=23).date())
    assert board == {"waiting": [], "serving": [], "announcement": None}


def test_the_query_count_does_not_grow_with_the_queue(display_device, people, django_assert_max_num_queries):
    _, tv = display_device
    for index in range(6):
        _guest(people, f"Tamu {index}", "", at=clock.now(), moves=WAITING_FOR_BIDANG)
    with django_assert_max_num_queries(7):  # 6 and the poll's version (pojok/polls.py)
        assert tv.get(reverse("lobby:display_board")).status_code == 200
