"""Only the administrator opens the page for one guest's data; everyone else is refused."""

import pytest
from django.urls import reverse

from tests.factories import make_user

pytestmark = pytest.mark.django_db

URL = reverse("privacy:guest_data")
SEARCH = {"name": "Siti Aminah", "aksi": "cari"}


def test_anonymous_is_sent_to_the_login_page(client):
    for response in (client.get(URL), client.post(URL, SEARCH)):
        assert response.status_code == 302 and response["Location"].startswith(reverse("login"))


@pytest.mark.parametrize("person", ["petugas", "kasubbag", "staf", "pimpinan"])
def test_other_roles_are_refused(request, client_of, person):
    client = client_of(request.getfixturevalue(person))
    assert client.get(URL).status_code == 403
    assert client.post(URL, SEARCH).status_code == 403


def test_a_staff_account_without_the_admin_role_is_refused(client_of, seeded):
    clerk = make_user("joni", is_staff=True)
    assert client_of(clerk).get(URL).status_code == 403


def test_the_admin_opens_it(client_of, admin_user):
    response = client_of(admin_user).get(URL)
    assert response.status_code == 200
    assert "Data pribadi satu tamu" in response.content.decode()


def test_the_admin_finds_it_from_the_log_in_the_admin_site(client_of, admin_user):
    text = client_of(admin_user).get("/admin/privacy/personaldatalog/").content.decode()
    assert f'href="{URL}"' in text
