"""The admin's search box takes a few words; a pasted wall of text is cut, never a 500."""

import pytest
from django.urls import reverse

from tests.factories import make_visit

pytestmark = pytest.mark.django_db


def test_thousands_of_words_are_cut_to_a_search_the_database_can_run(client_of, admin_user, petugas):
    make_visit(petugas, guest_name="Siti Aminah")
    admin = client_of(admin_user)
    for url in [reverse("admin:visits_visit_changelist"), reverse("admin:pojok_user_changelist")]:
        response = admin.get(url, {"q": "' " * 10001})
        assert response.status_code == 200


def test_an_ordinary_search_still_finds_the_guest(client_of, admin_user, petugas):
    make_visit(petugas, guest_name="Siti Aminah")
    make_visit(petugas, guest_name="Rahmat Hidayat")
    html = client_of(admin_user).get(reverse("admin:visits_visit_changelist"), {"q": "siti aminah"}).content.decode()
    assert "Siti Aminah" in html and "Rahmat Hidayat" not in html
