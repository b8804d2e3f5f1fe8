"""Each role lands on its own dashboard, sees only its own areas, and cannot open another's pages."""

import pytest
from django.urls import reverse

from pojok import roles
from tests.factories import make_user

DASHBOARDS = {
    "petugas": "/meja-depan/",
    "kasubbag": "/triase/",
    "staf": "/bidang/",
    "pimpinan": "/laporan/",
}
ROLE_PAGES = set(DASHBOARDS.values())


def test_anonymous_sees_only_the_login_page(client, db):
    for path in ["/", *ROLE_PAGES, "/meja-depan/tamu-baru/", "/kunjungan/1/"]:
        response = client.get(path)
        assert response.status_code == 302, path
        assert response["Location"].startswith(reverse("login")), path
    login_page = client.get(reverse("login"))
    assert login_page.status_code == 200
    assert "Masuk ke Pojok Konsultasi" in login_page.content.decode()


def test_login_form_is_in_indonesian_and_rejects_a_wrong_password(client, petugas):
    response = client.post(reverse("login"), {"username": "budi", "password": "salah"})
    assert response.status_code == 200
    assert "Nama pengguna atau sandi salah." in response.content.decode()


@pytest.mark.parametrize("who", DASHBOARDS)
def test_each_role_lands_on_its_own_dashboard(who, request, client, db):
    user = request.getfixturevalue(who)
    response = client.post(reverse("login"), {"username": user.username, "password": "sandi-uji-123"}, follow=True)
    assert response.redirect_chain[-1][0] == DASHBOARDS[who]
    assert response.status_code == 200


@pytest.mark.parametrize("who", DASHBOARDS)
def test_each_role_cannot_open_another_roles_pages(who, request, client_of, db):
    client = client_of(request.getfixturevalue(who))
    for path in ROLE_PAGES - {DASHBOARDS[who]}:
        assert client.get(path).status_code == 403, path


@pytest.mark.parametrize("who", DASHBOARDS)
def test_navigation_shows_only_what_the_role_may_open(who, request, client_of, db):
    client = client_of(request.getfixturevalue(who))
    html = client.get(DASHBOARDS[who]).content.decode()
    for path in ROLE_PAGES:
        assert (f'href="{path}"' in html) == (path == DASHBOARDS[who]), path


def test_a_user_with_several_roles_sees_each_of_their_areas(client_of, db):
    both = make_user("yanti", roles.KASUBBAG, roles.PIMPINAN)
    client = client_of(both)
    html = client.get("/triase/").content.decode()
    assert 'href="/triase/"' in html and 'href="/laporan/"' in html
    assert client.get("/laporan/").status_code == 200


def test_admin_lands_on_the_admin_site_and_reads_reports(client, admin_user):
    client.post(reverse("login"), {"username": "rina", "password": "sandi-uji-123"})
    assert client.get("/").url == "/laporan/"
    assert client.get("/admin/").status_code == 200
    assert client.get("/admin/visits/sopstep/").status_code == 200
    assert client.get("/meja-depan/").status_code == 403


def test_a_user_without_a_role_is_told_to_ask_the_admin(client_of, db):
    html = client_of(make_user("tanpa")).get("/").content.decode()
    assert "belum diberi peran" in html


def test_logout_is_a_post_from_every_page(client_of, petugas):
    client = client_of(petugas)
    html = client.get("/meja-depan/").content.decode()
    assert 'action="/akun/keluar/" method="post"' in html
    client.post("/akun/keluar/")
    assert client.get("/meja-depan/").status_code == 302


def test_password_change_page_is_indonesian(client_of, petugas):
    html = client_of(petugas).get("/akun/sandi/").content.decode()
    assert "Ganti sandi" in html and "Sandi lama" in html


def test_language_switch_shows_english(client_of, petugas):
    client = client_of(petugas)
    client.post("/bahasa/", {"language": "en", "next": "/meja-depan/"})
    html = client.get("/meja-depan/").content.decode()
    assert "Log out" in html and "Front desk" in html
    assert '<html lang="en">' in html


def test_staff_user_needs_a_bidang_in_the_admin(client, admin_user):
    from django.contrib.auth.models import Group
    client.force_login(admin_user)
    staf_group = Group.objects.get(name=roles.STAF)
    response = client.post("/admin/pojok/user/add/", {
        "username": "baru", "password1": "Sangat-rahasia-77", "password2": "Sangat-rahasia-77",
        "usable_password": "true",
    })
    assert response.status_code == 302
    from django.contrib.auth import get_user_model
    user = get_user_model().objects.get(username="baru")
    response = client.post(f"/admin/pojok/user/{user.pk}/change/", {
        "username": "baru", "groups": [staf_group.pk], "is_active": "on",
        "date_joined_0": "2026-11-23", "date_joined_1": "08:00:00",
    })
    assert response.status_code == 200
    assert "Staf Bidang wajib memiliki tepat satu Bidang." in response.content.decode()
    assert not user.groups.exists()


def test_an_english_browser_still_gets_indonesian_until_english_is_chosen(client_of, petugas):
    client = client_of(petugas)
    html = client.get("/meja-depan/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9").content.decode()
    assert '<html lang="id">' in html and "Keluar" in html


def test_every_navigation_label_has_an_english_word(client_of, db):
    from django.utils import translation

    from pojok.navigation import AREAS
    with translation.override("en"):
        untranslated = [area.label for area in AREAS if translation.gettext(area.label) == area.label]
    assert untranslated == []
