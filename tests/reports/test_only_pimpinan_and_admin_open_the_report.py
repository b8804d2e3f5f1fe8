"""The report, its exports and its print view open for Pimpinan and Admin only."""

import pytest
from django.urls import reverse

from .conftest import OCTOBER

PAGES = ["visits:reports", "visits:report_print", "visits:report_csv", "visits:report_xlsx"]


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("who", ["pimpinan", "admin_user"])
def test_managers_open_it(page, who, request, client_of):
    response = client_of(request.getfixturevalue(who)).get(reverse(page), OCTOBER)
    assert response.status_code == 200


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("who", ["petugas", "kasubbag", "staf"])
def test_other_roles_are_refused(page, who, request, client_of):
    response = client_of(request.getfixturevalue(who)).get(reverse(page), OCTOBER)
    assert response.status_code == 403


@pytest.mark.parametrize("page", PAGES)
def test_anonymous_users_are_sent_to_login(page, client, db):
    response = client.get(reverse(page), OCTOBER)
    assert response.status_code == 302 and reverse("login") in response["Location"]


def test_the_report_is_read_only(client_of, pimpinan):
    assert client_of(pimpinan).post(reverse("visits:reports"), OCTOBER).status_code == 405


def test_the_kasubbag_has_no_report_link_and_the_pimpinan_has(client_of, kasubbag, pimpinan, django_user_model):
    home = reverse("visits:reports")
    assert f'href="{home}"' not in client_of(kasubbag).get(reverse("visits:triage")).content.decode()
    assert f'href="{home}"' in client_of(pimpinan).get(home, OCTOBER).content.decode()
