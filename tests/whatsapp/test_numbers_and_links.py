"""Indonesian mobile numbers in every way people write them, and the click-to-chat links made of them."""

from urllib.parse import parse_qs, urlsplit

import pytest
from django.core.exceptions import ValidationError

from pojok.whatsapp import mobile_number, wa_link


@pytest.mark.parametrize("written", [
    "0812-3456-7890", "+62 812 3456 7890", "6281234567890", "+62-812-3456-7890", "(0812) 3456.7890",
    " 081234567890 ", "+6281234567890",
])
def test_every_way_of_writing_a_mobile_number_gives_62(written):
    assert mobile_number(written) == "6281234567890"


@pytest.mark.parametrize("written, why", [
    ("", "belum dicatat"),
    ("021-555-1234", "Bukan nomor ponsel Indonesia"),  # a Jakarta landline
    ("0721 123456", "Bukan nomor ponsel Indonesia"),  # a Bandar Lampung landline
    ("+1 415 555 0100", "diawali 08 atau +62 8"),
    ("0812-34", "Bukan nomor ponsel Indonesia"),  # too short
    ("0812 3456 7890 1234", "Bukan nomor ponsel Indonesia"),  # too long
    ("0812abc", "hanya boleh berisi angka"),
    ("0800 1234 5678", "Bukan nomor ponsel Indonesia"),  # 080x is not a mobile prefix
])
def test_a_number_that_is_not_a_mobile_one_says_why(written, why):
    with pytest.raises(ValidationError) as error:
        mobile_number(written)
    assert why in error.value.messages[0]
    link = wa_link(written, "Halo")
    assert not link and link.url == "" and why in link.reason


def test_the_link_carries_the_number_and_the_exact_text():
    text = "Yth. Bapak/Ibu Siti, nomor antrean Anda A-001 & silakan menunggu? Ya #1"
    link = wa_link("+62 812-3456-7890", text)
    parts = urlsplit(link.url)
    assert (parts.scheme, parts.netloc, parts.path) == ("https", "wa.me", "/6281234567890")
    assert parse_qs(parts.query)["text"] == [text]
