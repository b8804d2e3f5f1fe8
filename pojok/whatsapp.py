"""WhatsApp without a paid service: click-to-chat links (https://wa.me/62…?text=…) that a person opens
and sends themselves, and the one rule for what counts as an Indonesian mobile number.

`0812-3456-7890`, `+62 812 3456 7890`, `62812…` and `(0812) 3456.7890` are the same number, written
`6281234567890` for WhatsApp. Anything else gets no link, and the reason in words.
"""

import re
from dataclasses import dataclass
from urllib.parse import quote

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

_SEPARATORS = re.compile(r"[\s\-().]")
# Indonesian mobile numbers: 08xx… nationally, 9 to 12 digits after the 0 (Telkomsel, Indosat, XL, ...).
_MOBILE = re.compile(r"^8[1-9][0-9]{7,10}$")


def mobile_number(raw: str) -> str:
    """The number as WhatsApp wants it (62…), or ValidationError saying why it is not a mobile number."""
    text = _SEPARATORS.sub("", raw or "")
    if not text:
        raise ValidationError(_("Nomor WhatsApp belum dicatat."))
    if not re.fullmatch(r"\+?[0-9]+", text):
        raise ValidationError(_("Nomor WhatsApp hanya boleh berisi angka, spasi, tanda -, dan + di depan."))
    digits = text.lstrip("+")
    if digits.startswith("62"):
        national = digits[2:]
    elif digits.startswith("0"):
        national = digits[1:]
    else:
        raise ValidationError(_("Nomor WhatsApp diawali 08 atau +62 8, misalnya 0812-3456-7890."))
    if not _MOBILE.match(national):
        raise ValidationError(_("Bukan nomor ponsel Indonesia (08…, 10–13 angka): tautan WhatsApp tidak dibuat."))
    return "62" + national


def validate_mobile(raw: str) -> None:
    """A model/form validator: an empty value is allowed (the field is optional), a wrong one is not."""
    if raw:
        mobile_number(raw)


@dataclass(frozen=True)
class WaLink:
    """A click-to-chat link, or (url "") the reason there is none."""

    number: str
    text: str
    url: str
    reason: str = ""

    def __bool__(self) -> bool:
        return bool(self.url)


def wa_link(raw_number: str, text: str) -> WaLink:
    try:
        number = mobile_number(raw_number)
    except ValidationError as error:
        return WaLink(number="", text=text, url="", reason=error.messages[0])
    return WaLink(number=number, text=text, url=f"https://wa.me/{number}?text={quote(text, safe='')}")
