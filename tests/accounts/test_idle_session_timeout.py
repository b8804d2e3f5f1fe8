"""A person's session ends after SESSION_IDLE_MINUTES without activity; timed refreshes are not activity."""

from pathlib import Path

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from audit.models import LoginEvent
from pojok import clock
from pojok.idle import LAST_ACTIVITY
from tests.accounts.login import is_logged_in
from tests.lobby.conftest import pair_device

pytestmark = pytest.mark.django_db
MINUTE = 60
POLL = {"HTTP_HX_REQUEST": "true", "HTTP_X_POJOK_POLL": "1",
        "HTTP_HX_CURRENT_URL": "http://testserver/meja-depan/"}


def _idle_for(client, seconds):
    """Pretend the person's last action was `seconds` ago."""
    session = client.session
    session[LAST_ACTIVITY] = clock.timestamp() - seconds
    session.save()


def _last_activity(client):
    return client.session.get(LAST_ACTIVITY)


@pytest.fixture
def desk(client_of, petugas):
    client = client_of(petugas)
    assert client.get(reverse("visits:desk")).status_code == 200  # starts the clock
    return client


def test_the_idle_time_defaults_to_thirty_minutes(settings):
    assert settings.SESSION_IDLE_SECONDS == 30 * MINUTE


def test_a_page_opened_within_the_idle_time_keeps_the_session(desk):
    _idle_for(desk, 29 * MINUTE)
    assert desk.get(reverse("visits:desk")).status_code == 200
    assert is_logged_in(desk)
    assert _last_activity(desk) >= clock.timestamp() - 1


def test_after_the_idle_time_the_next_page_goes_to_login_with_a_message(desk):
    _idle_for(desk, 31 * MINUTE)
    response = desk.get(reverse("visits:desk"))
    assert response.status_code == 302
    assert response.url == reverse("login") + "?next=%2Fmeja-depan%2F"
    assert not is_logged_in(desk)
    page = desk.get(response.url)
    assert "Sesi Anda berakhir karena tidak ada aktivitas selama 30 menit" in page.content.decode()


def test_the_idle_time_follows_the_setting(desk, settings):
    settings.SESSION_IDLE_SECONDS = 5 * MINUTE
    _idle_for(desk, 6 * MINUTE)
    response = desk.get(reverse("visits:desk"), follow=True)
    assert not is_logged_in(desk)
    assert "selama 5 menit" in response.content.decode()


POLLING_PAGES = [
    ("petugas", "visits:desk", "visits:desk_rows"),
    ("kasubbag", "visits:triage", "visits:triage_rows"),
    ("staf", "visits:inbox", "visits:inbox_rows"),
    ("staf", "visits:inbox", "visits:inbox_badge"),
]


@pytest.mark.parametrize("person, page, partial", POLLING_PAGES)
def test_a_timed_refresh_does_not_count_as_activity(request, client_of, person, page, partial):
    client = client_of(request.getfixturevalue(person))
    client.get(reverse(page))
    _idle_for(client, 20 * MINUTE)
    before = _last_activity(client)
    assert client.get(reverse(partial), **POLL).status_code == 200
    assert _last_activity(client) == before
    assert is_logged_in(client)


def test_a_forgotten_desk_pc_that_keeps_polling_is_logged_out(desk):
    _idle_for(desk, 20 * MINUTE)
    desk.get(reverse("visits:desk_rows"), **POLL)
    _idle_for(desk, 31 * MINUTE)  # ... and the board kept refreshing all that time
    response = desk.get(reverse("visits:desk_rows"), **POLL)
    assert not is_logged_in(desk)
    # htmx goes to the login page instead of swapping it into the board's table.
    assert response.status_code == 200
    assert response["HX-Redirect"] == reverse("login") + "?next=%2Fmeja-depan%2F"
    assert response.content == b""
    assert any("tidak ada aktivitas" in str(m) for m in get_messages(response.wsgi_request))


def test_the_idle_logout_is_kept_in_the_audit_log(desk, petugas):
    _idle_for(desk, 31 * MINUTE)
    desk.get(reverse("visits:desk"))
    event = LoginEvent.objects.get(kind=LoginEvent.Kind.IDLE_LOGOUT)
    assert event.user == petugas


def test_a_refresh_that_comes_from_a_click_counts_as_activity(desk):
    _idle_for(desk, 20 * MINUTE)
    desk.get(reverse("visits:desk_rows"), HTTP_HX_REQUEST="true")  # no poll marker: a person did it
    assert _last_activity(desk) >= clock.timestamp() - 1


@pytest.mark.parametrize("person, page, partial", POLLING_PAGES)
def test_each_polling_list_is_one_the_browser_marks_as_a_timer(request, client_of, person, page, partial):
    """static/js/pojok.js marks the requests of elements whose hx-trigger is `every ...`."""
    html = client_of(request.getfixturevalue(person)).get(reverse(page)).content.decode()
    assert f'hx-get="{reverse(partial)}" hx-trigger="every ' in html


def test_the_browser_script_marks_timed_refreshes():
    from django.contrib.staticfiles import finders

    script = Path(finders.find("js/pojok.js")).read_text(encoding="utf-8")
    assert 'headers["X-Pojok-Poll"] = "1"' in script


def test_a_paired_lobby_display_is_not_affected(admin_user):
    _, tv = pair_device(by=admin_user)
    for _ in range(2):
        assert tv.get(reverse("lobby:display_board"), **POLL).status_code == 200
    assert LAST_ACTIVITY not in tv.session



def test_the_clock_starts_at_login(client, petugas):
    from tests.accounts.login import post_login

    post_login(client, "budi")
    assert _last_activity(client) >= clock.timestamp() - 1


def test_a_garbled_page_address_in_an_expired_poll_still_goes_to_login(desk):
    _idle_for(desk, 31 * MINUTE)
    response = desk.get(reverse("visits:desk_rows"), **{**POLL, "HTTP_HX_CURRENT_URL": "http://[bukan/"})
    assert response["HX-Redirect"] == reverse("login")


def test_typing_a_long_note_keeps_the_session_so_the_note_is_not_lost(desk):
    _idle_for(desk, 29 * MINUTE)
    assert desk.get(reverse("still_here")).status_code == 204  # pojok.js, while the person types
    assert _last_activity(desk) >= clock.timestamp() - 1 and is_logged_in(desk)
    page = desk.get(reverse("visits:desk"))
    assert 'data-still-here="/akun/masih-di-sini/"' in page.content.decode()


def test_the_still_here_call_needs_a_login(client):
    response = client.get(reverse("still_here"))
    assert response.status_code == 302 and response.url.startswith(reverse("login"))
