"""The lobby display's poll answers 304 while the queue and the calls are unchanged (pojok/polls.py)."""

import pytest
from django.urls import reverse

from lobby.calls import call_guest
from pojok import clock
from tests.factories import advance_to, make_visit

pytestmark = pytest.mark.django_db


def test_the_display_is_a_304_until_a_guest_is_called(display_device, people):
    _, tv = display_device
    visit = advance_to(make_visit(people["petugas"], at=clock.now()), ["greet", "report", "route"], people)
    url = reverse("lobby:display_board")
    first = tv.get(url)
    assert first.status_code == 200 and visit.queue_number in first.content.decode()
    assert tv.get(url, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304

    call_guest(visit=visit, by=people["staf"])

    called = tv.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert called.status_code == 200 and "lobby-called" in called.content.decode()
    assert tv.get(url, HTTP_IF_NONE_MATCH=called["ETag"]).status_code == 304
