"""The admin finds every visit of one guest and exports that guest's personal data as JSON."""

import json

import pytest
from django.urls import reverse

from privacy.models import Kind, PersonalDataLog

from .conftest import guest_visit

pytestmark = pytest.mark.django_db

URL = reverse("privacy:guest_data")


@pytest.fixture
def guests(staff_with_email):
    people = staff_with_email
    return {
        "siti_1": guest_visit(people, days=10, guest_name="Siti Aminah", phone="+6281234567890"),
        "siti_2": guest_visit(people, days=5, guest_name="siti  aminah", phone=""),
        "siti_3": guest_visit(people, days=3, guest_name="S. Aminah", phone="+6281234567890"),
        "namesake": guest_visit(people, days=4, guest_name="Siti Aminah", phone="+6285299998888",
                                origin="Kecamatan Natar"),
        "other": guest_visit(people, days=4, guest_name="Rudi Hartono", phone="+6281311112222"),
    }


def row(visit) -> str:
    return f"visits.visit:{visit.pk}"


def export(client, chosen, **criteria):
    response = client.post(URL, {**criteria, "aksi": "ekspor", "pilih": chosen})
    assert response.status_code == 200, response.content.decode()[:500]
    assert response["Content-Disposition"].startswith('attachment; filename="data-pribadi-tamu-')
    return json.loads(response.content)


def test_search_by_name_and_phone_lists_every_candidate(client_of, admin_user, guests):
    form = {"name": " SITI   Aminah ", "phone": "0812-3456-7890", "aksi": "cari"}
    response = client_of(admin_user).post(URL, form)
    text = response.content.decode()
    listed = {item["id"] for item in response.context["tables"][0]["rows"]}
    assert listed == {row(guests[key]) for key in ("siti_1", "siti_2", "siti_3", "namesake")}
    assert "Rudi Hartono" not in text
    assert "Kecamatan Natar" in text  # so the admin can tell the namesake apart and untick her


def test_search_by_phone_alone_normalises_it_like_the_desk(client_of, admin_user, guests):
    response = client_of(admin_user).post(URL, {"phone": "+62 812 3456 7890", "aksi": "cari"})
    listed = {item["id"] for item in response.context["tables"][0]["rows"]}
    assert listed == {row(guests["siti_1"]), row(guests["siti_3"])}


@pytest.mark.parametrize("form, message", [
    ({}, "Isi nama, nomor telepon, atau email tamu."),
    ({"phone": "12345"}, "Nomor telepon diawali 0 atau +62"),
    ({"name": "<script>"}, "Tidak boleh berisi tanda"),
    ({"email": "bukan-email"}, "Tulis alamat email yang benar."),
])
def test_bad_search_input_gets_a_clear_message(client_of, admin_user, guests, form, message):
    response = client_of(admin_user).post(URL, {**form, "aksi": "cari"})
    assert response.status_code == 400 and message in response.content.decode()


def test_the_export_holds_the_chosen_visits_and_everything_that_follows_them(client_of, admin_user, guests):
    chosen = [row(guests["siti_1"]), row(guests["siti_3"])]
    data = export(client_of(admin_user), chosen, name="Siti Aminah", phone="081234567890")

    visits = data["data"]["kunjungan"]
    assert {v["pk"] for v in visits} == {guests["siti_1"].pk, guests["siti_3"].pk}
    assert {v["phone"] for v in visits} == {"+6281234567890"}
    assert {v["origin"] for v in visits} == {"Dinas Kesehatan"}
    consultations = data["data"]["catatan konsultasi"]
    assert {c["visit_id"] for c in consultations} == {guests["siti_1"].pk, guests["siti_3"].pk}
    assert "Dijelaskan kepada Siti Aminah" in data["data"]["catatan konsultasi"][0]["outcome"]
    assert len(data["data"]["keputusan rute"]) == 2
    mails = data["data"]["notifikasi"]
    assert len(mails) == 2 and all("Aminah" in mail["body"] for mail in mails)
    assert data["dicari_dengan"] == {"name": "Siti Aminah", "phone": "+6281234567890"}
    assert "Rudi Hartono" not in json.dumps(data) and "Kecamatan Natar" not in json.dumps(data)


def test_a_forged_row_of_another_guest_is_not_exported(client_of, admin_user, guests):
    forged = [row(guests["other"]), "visits.visit:x", "visits.visit:99999999999999999999999", "visits.visit:"]
    data = export(client_of(admin_user), [row(guests["siti_1"]), *forged], name="Siti Aminah")
    assert [v["pk"] for v in data["data"]["kunjungan"]] == [guests["siti_1"].pk]


def test_the_export_is_logged_without_the_data(client_of, admin_user, guests):
    export(client_of(admin_user), [row(guests["siti_1"])], name="Siti Aminah")
    log = PersonalDataLog.objects.get()
    assert (log.kind, log.by, log.counts["kunjungan"], log.counts["catatan konsultasi"]) == \
        (Kind.EXPORT, admin_user, 1, 1)
    assert "Siti" not in json.dumps(log.counts) and "0812" not in str(vars(log))


def test_nothing_chosen_exports_nothing(client_of, admin_user, guests):
    response = client_of(admin_user).post(URL, {"name": "Siti Aminah", "aksi": "ekspor"})
    assert response.status_code == 400
    assert "Pilih sekurang-kurangnya satu baris" in response.content.decode()
    assert not PersonalDataLog.objects.exists()
