"""Every logged-in page has the Keluar button: one click (a POST) ends the session."""

import pytest
from django.urls import reverse

from audit.models import LoginEvent
from pojok.navigation import areas_for
from tests.accounts.login import is_logged_in

pytestmark = pytest.mark.django_db
PEOPLE = ["petugas", "kasubbag", "staf", "pimpinan", "admin_user"]
LOGOUT_FORM = f'<form action="{reverse("logout")}" method="post"'


@pytest.mark.parametrize("person", PEOPLE)
def test_each_area_page_of_each_role_has_the_logout_button(request, client_of, person):
    user = request.getfixturevalue(person)
    client = client_of(user)
    pages = [reverse(area.url_name) for area in areas_for(user)] + [reverse("password_change")]
    assert len(pages) > 1
    for url in pages:
        html = client.get(url).content.decode()
        assert LOGOUT_FORM in html, url
        form = html[html.index(LOGOUT_FORM):]
        form = form[:form.index("</form>")]
        assert "csrfmiddlewaretoken" in form and "Keluar" in form


def test_the_admin_pages_have_their_own_logout_button(client_of, admin_user):
    html = client_of(admin_user).get(reverse("admin:index")).content.decode()
    assert f'action="{reverse("admin:logout")}"' in html


@pytest.mark.parametrize("person", PEOPLE)
def test_one_post_to_logout_ends_the_session_and_shows_the_login_page(request, client_of, person):
    user = request.getfixturevalue(person)
    client = client_of(user)
    response = client.post(reverse("logout"))
    assert response.status_code == 302 and response.url == reverse("login")
    assert not is_logged_in(client)
    assert LoginEvent.objects.filter(kind=LoginEvent.Kind.LOGOUT, user=user).exists()


def test_logout_by_get_is_refused(client_of, petugas):
    client = client_of(petugas)
    assert client.get(reverse("logout")).status_code == 405
    assert is_logged_in(client)
