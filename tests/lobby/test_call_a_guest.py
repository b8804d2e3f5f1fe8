"""Bidang staff press "panggil" on a waiting guest's row: the display calls the number."""

import pytest
from django.urls import reverse

from lobby.models import Call
from tests.factories import advance_to, make_visit

pytestmark = pytest.mark.django_db


@pytest.fixture
def waiting(people):
    return advance_to(make_visit(people["petugas"]), ["greet", "report", "route"], people)


def test_staff_call_a_guest_waiting_for_their_bidang(client, staf, waiting):
    client.force_login(staf)
    response = client.post(reverse("lobby:call", args=[waiting.pk]), follow=True)
    call = Call.objects.get()
    assert (call.visit, call.bidang, call.by) == (waiting, waiting.bidang, staf)
    assert response.redirect_chain[-1][0] == reverse("visits:inbox")
    assert f"Nomor {waiting.queue_number} dipanggil di layar antrean." in response.content.decode()


def test_the_inbox_row_of_a_waiting_guest_has_the_panggil_button(client, staf, waiting):
    client.force_login(staf)
    html = client.get(reverse("visits:inbox")).content.decode()
    assert f'action="{reverse("lobby:call", args=[waiting.pk])}"' in html and ">Panggil</button>" in html


def test_staff_of_another_bidang_get_404_and_call_nothing(client, staf_lain, waiting):
    client.force_login(staf_lain)
    assert client.post(reverse("lobby:call", args=[waiting.pk])).status_code == 404
    assert not Call.objects.exists()


@pytest.mark.parametrize("who", ["petugas", "kasubbag", "pimpinan"])
def test_other_roles_cannot_call(client, waiting, who, request):
    client.force_login(request.getfixturevalue(who))
    assert client.post(reverse("lobby:call", args=[waiting.pk])).status_code == 403  # no Bidang staff
    assert not Call.objects.exists()


def test_it_needs_login_and_post(client, staf, waiting):
    response = client.post(reverse("lobby:call", args=[waiting.pk]))
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))
    client.force_login(staf)
    assert client.get(reverse("lobby:call", args=[waiting.pk])).status_code == 405
    assert not Call.objects.exists()


def test_a_guest_already_received_is_not_called(client, staf, waiting, people):
    waiting.advance("receive", by=staf)
    client.force_login(staf)
    response = client.post(reverse("lobby:call", args=[waiting.pk]), follow=True)
    assert "tidak sedang menunggu diterima" in response.content.decode()
    assert not Call.objects.exists()


def test_an_unknown_visit_is_404(client, staf):
    client.force_login(staf)
    assert client.post(reverse("lobby:call", args=[999999])).status_code == 404
