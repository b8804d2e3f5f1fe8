"""The one door for moves: POST only, logged in, CSRF-checked, the right role, the right Bidang."""

import pytest
from django.test import Client
from django.urls import reverse

from tests.factories import bidang
from visits.models import State, Visit


def move_url(visit, name):
    return reverse("visits:move", args=[visit.pk, name])


def state_of(visit):
    return Visit.objects.get(pk=visit.pk).state


def test_it_makes_the_move_and_returns_to_the_page_it_came_from(client_of, petugas, visit_today):
    visit = visit_today()

    response = client_of(petugas).post(move_url(visit, "greet"), {"next": reverse("visits:desk")})

    assert response.status_code == 302
    assert response["Location"] == reverse("visits:desk")
    assert state_of(visit) == State.REPORTING


def test_it_does_not_follow_a_next_to_another_site(client_of, petugas, visit_today):
    visit = visit_today()

    response = client_of(petugas).post(move_url(visit, "greet"), {"next": "https://evil.example/"})

    assert response["Location"] == reverse("visits:detail", args=[visit.pk])


def test_it_refuses_get(client_of, petugas, visit_today):
    visit = visit_today()

    response = client_of(petugas).get(move_url(visit, "greet"))

    assert response.status_code == 405
    assert state_of(visit) == State.GREETING


def test_it_sends_an_anonymous_user_to_log_in(client, visit_today, record_of):
    visit = visit_today()
    before = record_of(visit)

    response = client.post(move_url(visit, "greet"))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login") + "?next=")
    assert record_of(visit) == before


def test_it_enforces_csrf(petugas, visit_today, record_of):
    visit = visit_today()
    before = record_of(visit)
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(petugas)

    response = browser.post(move_url(visit, "greet"))

    assert response.status_code == 403
    assert record_of(visit) == before

    browser.get(reverse("visits:detail", args=[visit.pk]))  # sets the CSRF cookie, as the page does
    token = browser.cookies["csrftoken"].value
    assert browser.post(move_url(visit, "greet"), {"csrfmiddlewaretoken": token}).status_code == 302
    assert state_of(visit) == State.REPORTING


def test_a_wrong_role_is_refused_and_nothing_changes(client_of, kasubbag, visit_today, record_of):
    visit = visit_today()
    before = record_of(visit)

    response = client_of(kasubbag).post(move_url(visit, "greet"))

    assert response.status_code == 403  # the wrong person: PermissionDenied, not a message
    assert record_of(visit) == before


@pytest.mark.parametrize("name", ["route", "transfer", "close_stale"])
def test_moves_with_their_own_form_cannot_be_made_through_the_one_click_door(
        name, client_of, kasubbag, staf, visit_today, record_of):
    """Routing must go through route_visit (decision row, email); transfer through its form."""
    visit = visit_today(["greet", "report"])
    before = record_of(visit)
    for user in (kasubbag, staf):
        response = client_of(user).post(move_url(visit, name), {"bidang": bidang("anggaran").pk, "note": "x"})
        assert response.status_code == 404
    assert record_of(visit) == before


def test_pimpinan_may_read_but_not_move(client_of, pimpinan, visit_today, record_of):
    visit = visit_today()
    before = record_of(visit)
    client = client_of(pimpinan)

    assert client.get(reverse("visits:detail", args=[visit.pk])).status_code == 200
    response = client.post(move_url(visit, "cancel"), {"note": "iseng"})

    assert response.status_code == 403
    assert record_of(visit) == before


def test_staff_of_another_bidang_get_404_for_the_visit_and_its_moves(
    client_of, staf_lain, visit_today, record_of
):
    visit = visit_today(["greet", "report", "route"])  # routed to Bidang Anggaran
    before = record_of(visit)
    client = client_of(staf_lain)

    assert client.get(reverse("visits:detail", args=[visit.pk])).status_code == 404
    assert client.post(move_url(visit, "receive")).status_code == 404
    assert record_of(visit) == before


def test_staff_of_the_bidang_receive_through_the_page(client_of, staf, visit_today):
    visit = visit_today(["greet", "report", "route"])

    client_of(staf).post(move_url(visit, "receive"))

    assert state_of(visit) == State.CONSULTING


def test_cancel_without_a_reason_is_refused_on_the_page(client_of, petugas, visit_today, record_of):
    visit = visit_today()
    before = record_of(visit)

    response = client_of(petugas).post(move_url(visit, "cancel"), {"note": "  "}, follow=True)

    assert "Alasan wajib diisi." in response.content.decode()
    assert record_of(visit) == before


def test_an_unknown_move_is_404(client_of, petugas, visit_today):
    visit = visit_today()

    assert client_of(petugas).post(move_url(visit, "teleport")).status_code == 404
