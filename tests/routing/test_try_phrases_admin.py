"""The admin tries phrases against the current rules, and against proposed keywords before saving them."""

import pytest

from routing.models import Topic
from tests.factories import make_user

pytestmark = pytest.mark.django_db
URL = "/admin/routing/topic/coba/"


def test_the_admin_sees_what_each_phrase_would_get(client_of, admin_user):
    response = client_of(admin_user).post(URL, {"phrases": "Pengajuan SPP-UP\nlap keu semester 1\n\nketemu teman"})
    assert response.status_code == 200
    rows = response.context["rows"]
    assert [row["now"][0].bidang_code for row in rows] == ["perbendaharaan", "akuntansi", "sekretariat"]
    html = response.content.decode()
    assert "Bidang Perbendaharaan" in html and "tidak ada kata kunci yang cocok" in html


def test_proposed_keywords_are_compared_and_not_saved(client_of, admin_user):
    spj = Topic.objects.get(name="SPJ")
    before = spj.keywords
    response = client_of(admin_user).post(URL, {
        "phrases": "dana kapitasi JKN\nSPJ fungsional", "topic": spj.pk, "keywords": before + ", dana kapitasi",
    })
    first, second = response.context["rows"]
    assert (first["now"][0].bidang_code, first["then"][0].bidang_code, first["changed"]) == (
        "sekretariat", "perbendaharaan", True)
    assert second["changed"] is False
    assert "(berubah)" in response.content.decode()
    spj.refresh_from_db()
    assert spj.keywords == before


def test_the_topic_page_links_to_it(client_of, admin_user):
    spj = Topic.objects.get(name="SPJ")
    page = client_of(admin_user).get(f"/admin/routing/topic/{spj.pk}/change/")
    assert f"{URL}?topic={spj.pk}" in page.content.decode()
    assert URL in client_of(admin_user).get("/admin/routing/topic/").content.decode()


@pytest.mark.parametrize("data, message", [
    ({"phrases": "  \n "}, "Tulis paling sedikit satu frasa."),
    ({"phrases": "\n".join(["SPM"] * 51)}, "Paling banyak 50 frasa"),
    ({"phrases": "SPM", "keywords": "a, b"}, "Pilih topik yang kata kuncinya akan diubah."),
    ({"phrases": "SPM", "topic": "999999"}, "Masukkan pilihan yang valid"),
])
def test_bad_input_gets_a_message(client_of, admin_user, data, message):
    response = client_of(admin_user).post(URL, data)
    assert response.status_code == 200 and message in response.content.decode()
    assert response.context["rows"] == []


def test_people_without_the_topic_rights_are_refused(client_of, kasubbag, petugas):
    for user in (kasubbag, petugas, make_user("staf_admin", is_staff=True)):
        assert client_of(user).post(URL, {"phrases": "SPM"}).status_code in (302, 403)
    assert client_of(make_user("staf_admin2", is_staff=True)).get(URL).status_code == 403
