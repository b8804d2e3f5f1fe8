"""Typing a name (or phone) at check-in offers guests who came before, once each, newest first."""

from django.urls import reverse

from tests.factories import make_visit, wib


def lookup(client, **params) -> str:
    return client.get(reverse("visits:returning_guests"), params).content.decode()


def test_it_offers_an_earlier_guest_to_fill_in(client_of, petugas):
    make_visit(petugas, at=wib(day=20), guest_name="Siti Aminah", origin="Dinas Kesehatan",
               phone="+6281234567890")

    html = lookup(client_of(petugas), guest_name="siti")

    assert 'data-fill-guest_name="Siti Aminah"' in html
    assert 'data-fill-origin="Dinas Kesehatan"' in html
    assert 'data-fill-phone="+6281234567890"' in html


def test_a_guest_who_came_twice_is_offered_once(client_of, petugas):
    make_visit(petugas, at=wib(day=19), guest_name="Siti Aminah", origin="Dinas Kesehatan")
    make_visit(petugas, at=wib(day=20), guest_name="Siti Aminah", origin="Dinas Kesehatan")

    assert lookup(client_of(petugas), guest_name="Siti").count('data-fill-guest_name="Siti Aminah"') == 1


def test_it_finds_a_guest_by_phone_typed_the_local_way(client_of, petugas):
    make_visit(petugas, at=wib(day=20), guest_name="Siti Aminah", phone="+6281234567890")

    assert "Siti Aminah" in lookup(client_of(petugas), phone="0812-3456")


def test_newest_guest_comes_first(client_of, petugas):
    make_visit(petugas, at=wib(day=19), guest_name="Budi Darma")
    make_visit(petugas, at=wib(day=20), guest_name="Budiman")

    html = lookup(client_of(petugas), guest_name="budi")

    assert html.index("Budiman") < html.index("Budi Darma")


def test_it_offers_nothing_for_a_single_letter_or_a_stranger(client_of, petugas):
    make_visit(petugas, at=wib(day=20), guest_name="Siti Aminah")
    client = client_of(petugas)

    assert "Siti" not in lookup(client, guest_name="s")
    assert lookup(client, guest_name="Wayan").strip() == ""


def test_only_the_front_desk_may_look_up_guests(client_of, staf, petugas):
    make_visit(petugas, at=wib(day=20), guest_name="Siti Aminah")

    assert client_of(staf).get(reverse("visits:returning_guests"), {"guest_name": "Siti"}).status_code == 403


def test_anonymized_guests_are_not_offered(client_of, petugas):
    make_visit(petugas, at=wib(day=20), guest_name="Tamu (dianonimkan)", origin="Dinas Kesehatan")
    make_visit(petugas, at=wib(day=21), guest_name="Tamu Baru", origin="Dinas Sosial")

    html = lookup(client_of(petugas), guest_name="tamu")
    assert "Tamu Baru" in html and "dianonimkan" not in html


def test_guests_of_one_name_are_told_apart_by_their_last_visit_and_a_masked_phone(client_of, petugas):
    opds = ["Dinas Kesehatan", "Dinas Sosial", "Dinas Pendidikan", "Kecamatan Natar", "Inspektorat"]
    for index, opd in enumerate(opds):
        make_visit(petugas, at=wib(day=10 + index), guest_name="Yuni Rahayu", origin=opd,
                   phone=f"+62812345{index}5678")

    html = lookup(client_of(petugas), guest_name="Yuni")

    assert html.count("data-returning-guest ") == 5
    for index, opd in enumerate(opds):
        assert f"Terakhir datang {10 + index} November 2026 · 0812••••5678" in html
        assert f'data-fill-origin="{opd}"' in html
        # the full number only fills the form's field: the screen never spells it out
        assert html.count(f"+62812345{index}5678") == 1
        assert f'data-fill-phone="+62812345{index}5678"' in html


def test_a_guest_without_a_phone_shows_the_last_visit_only(client_of, petugas):
    make_visit(petugas, at=wib(day=20, hour=23, minute=30), guest_name="Siti Aminah")

    html = lookup(client_of(petugas), guest_name="Siti")

    assert "Terakhir datang 20 November 2026</span>" in html  # the day in WIB, not in UTC
