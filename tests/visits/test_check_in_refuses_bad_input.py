"""The check-in form keeps bad input out: a clear message next to the field, and nothing stored."""

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.factories import wib
from visits.forms.desk import CheckInForm
from visits.models import Visit

VALID = {"guest_name": "Siti Aminah", "origin": "Dinas Kesehatan", "phone": "", "party_size": "1",
         "keperluan": "Konsultasi SPJ", "arrival_time": ""}
PHONE_CHARS = "Nomor telepon hanya boleh berisi angka, spasi, tanda -, dan + di depan."
TOO_LONG = "Pastikan nilai ini mengandung paling banyak 120 karakter (sekarang 500 karakter)."
MARKUP = "Tidak boleh berisi tanda &lt; atau &gt; (kode HTML atau skrip)."


def error_next_to(html: str, field: str) -> str:
    """The text of the error block crispy renders under a field ('' when there is none)."""
    block = re.search(rf'<div id="id_{field}_error" class="invalid-feedback">(.*?)</div>', html, re.S)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", block.group(1))).strip() if block else ""


def post(client, **changes):
    return client.post(reverse("visits:check_in"), {**VALID, **changes})


@pytest.mark.parametrize(
    "field, value, message",
    [
        ("guest_name", "", "Wajib diisi."),
        ("guest_name", "   \t ", "Wajib diisi."),
        ("origin", "", "Wajib diisi."),
        ("origin", "   ", "Wajib diisi."),
        ("keperluan", "", "Wajib diisi."),
        ("keperluan", " \n\n ", "Wajib diisi."),
        ("party_size", "", "Wajib diisi."),
        ("guest_name", "S" * 500, TOO_LONG),
        ("phone", "0812-ABCD-7890", PHONE_CHARS),
        ("phone", "+1 202 555 0100", "Hanya nomor Indonesia (+62) yang dapat dicatat."),
        ("phone", "0812", "Nomor telepon tidak lengkap atau terlalu panjang."),
        ("party_size", "0", "Paling sedikit 1 orang."),
        ("party_size", "dua", "Isi dengan angka."),
        ("arrival_time", "jam sembilan", "Tulis jam seperti 09.15."),
        ("guest_name", "<script>alert(1)</script>", MARKUP),
        ("origin", "<b>Dinas</b>", MARKUP),
        ("keperluan", "SPJ <img src=x onerror=alert(1)>", MARKUP),
        ("phone", "<script>alert(1)</script>", PHONE_CHARS),
        ("party_size", "<b>1</b>", "Isi dengan angka."),
        ("arrival_time", "<script>", "Tulis jam seperti 09.15."),
    ],
)
def test_it_shows_the_message_next_to_the_field_and_stores_nothing(client_of, petugas, field, value, message):
    response = post(client_of(petugas), **{field: value})

    assert response.status_code == 200
    assert error_next_to(response.content.decode(), field) == message
    assert Visit.objects.count() == 0


def test_markup_typed_in_is_shown_back_escaped(client_of, petugas):
    response = post(client_of(petugas), guest_name="<script>alert(1)</script>")

    html = response.content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def local_hhmm(moment) -> str:
    return timezone.localtime(moment).strftime("%H:%M")


@pytest.mark.parametrize(
    "offset, message",
    [
        (timedelta(minutes=10), "Jam datang tidak boleh di masa depan."),
        (-timedelta(minutes=90), "Jam datang paling lama 60 menit sebelum sekarang."),
    ],
)
def test_the_page_refuses_an_arrival_time_out_of_range(client_of, petugas, clock, offset, message):
    clock.set(wib(hour=10))
    moment = clock.now() + offset

    response = post(client_of(petugas), arrival_time=local_hhmm(moment))

    assert error_next_to(response.content.decode(), "arrival_time") == message
    assert Visit.objects.count() == 0


@pytest.mark.parametrize(
    "typed, accepted",
    [
        ("10:00", True),
        ("09:00", True),   # exactly 60 minutes back
        ("08:59", False),  # 61 minutes back
        ("10:01", False),  # in the future
    ],
)
def test_the_arrival_time_may_be_set_back_at_most_an_hour(typed, accepted):
    form = CheckInForm({**VALID, "arrival_time": typed}, now=wib(hour=10))

    assert form.is_valid() is accepted
    if accepted:
        assert form.cleaned_data["arrival_time"] == wib(hour=int(typed[:2]), minute=int(typed[3:]))


def test_an_empty_arrival_time_means_now():
    form = CheckInForm(VALID, now=wib(hour=10, minute=7, second=13))

    assert form.is_valid()
    assert form.cleaned_data["arrival_time"] == wib(hour=10, minute=7, second=13)


@pytest.mark.parametrize(
    "typed", ["0812-3456-7890", "+62 812 3456 7890", "6281234567890", "(0812) 3456.7890"]
)
def test_it_writes_every_phone_number_in_one_form(typed):
    form = CheckInForm({**VALID, "phone": typed})

    assert form.is_valid(), form.errors
    assert form.cleaned_data["phone"] == "+6281234567890"


def test_the_page_stores_the_normalised_phone(client_of, petugas):
    post(client_of(petugas), phone="0812-3456-7890")

    assert Visit.objects.get().phone == "+6281234567890"
