"""GET /routing/suggest/?q= answers ranked suggestions as JSON to the desk, triage and admin only."""

import pytest

from tests.factories import make_user

pytestmark = pytest.mark.django_db
URL = "/routing/suggest/"


def test_it_ranks_bidang_for_the_text(client_of, kasubbag):
    answer = client_of(kasubbag).get(URL, {"q": "revisi DPA dan SP2D belum cair"}).json()
    assert answer["query"] == "revisi DPA dan SP2D belum cair"
    first, second = answer["suggestions"][:2]
    assert (first["bidang"], first["topic"]) == ("anggaran", "Pergeseran anggaran")
    assert first["matched"] == ["revisi DPA"]
    assert second["bidang"] == "perbendaharaan" and "SP2D" in second["matched"]
    assert first["score"] >= second["score"] > 0
    assert isinstance(first["bidang_id"], int) and isinstance(first["topic_id"], int)


def test_text_that_matches_nothing_suggests_the_sekretariat(client_of, petugas):
    answer = client_of(petugas).get(URL, {"q": "bertemu kawan lama"}).json()
    assert answer["suggestions"] == [{
        "bidang": "sekretariat", "bidang_name": "Sekretariat", "bidang_id": answer["suggestions"][0]["bidang_id"],
        "topic": "", "topic_id": None, "score": 0.0, "matched": [], "reason": "tidak ada kata kunci yang cocok",
    }]


@pytest.mark.parametrize("params", [{}, {"q": ""}, {"q": "x" * 50000}, {"q": "\x00\u202e\ufeff"}, {"q": "%%%"},
                                    {"q": ["a", "b"]}, {"q": "SPP-UP" * 400}])
def test_bad_input_never_fails(client_of, kasubbag, params):
    response = client_of(kasubbag).get(URL, params)
    assert response.status_code == 200
    assert response.json()["suggestions"]


def test_the_petugas_kasubbag_and_admin_may_ask(client_of, petugas, kasubbag, admin_user):
    for user in (petugas, kasubbag, admin_user):
        assert client_of(user).get(URL, {"q": "SPM"}).status_code == 200


def test_other_roles_are_refused(client_of, staf, pimpinan):
    for user in (staf, pimpinan, make_user("tanpa_peran")):
        assert client_of(user).get(URL, {"q": "SPM"}).status_code == 403


def test_it_needs_a_login(client):
    response = client.get(URL, {"q": "SPM"})
    assert response.status_code == 302 and "/akun/masuk/" in response["Location"]


def test_it_answers_get_only(client_of, kasubbag):
    assert client_of(kasubbag).post(URL, {"q": "SPM"}).status_code == 405


def test_bytes_that_are_not_utf8_never_fail(client_of, kasubbag):
    response = client_of(kasubbag).get(URL + "?q=%ED%A0%80%FF%00SPM")
    assert response.status_code == 200 and response.json()["suggestions"]


def test_its_query_count_does_not_grow_with_the_text(client_of, kasubbag):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = client_of(kasubbag)
    client.get(URL, {"q": "SPM"})  # the permissions are read once, then kept (pojok/security.py)
    counts = []
    for text in ["SPM", "SPM SP2D SPJ LKPD KIB BMD surat revisi DPA " * 20]:
        with CaptureQueriesContext(connection) as queries:
            client.get(URL, {"q": text})
        counts.append(len(queries))
    assert counts[0] == counts[1] <= 5  # session, user, topics, the latest model
