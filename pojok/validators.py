"""The checks every form shares: required-field wording, plain text, readable text, phone numbers.

Every value a guest can type is hostile until proven otherwise: names and needs are plain text (no
markup, no control characters); notes may hold any signs but no unreadable characters; phone
numbers are written in one form.
"""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

REQUIRED = {"required": gettext_lazy("Wajib diisi.")}

_MARKUP = re.compile(r"<\s*[a-zA-Z/!?]|[<>]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_PHONE_CHARS = re.compile(r"^\+?[0-9 ()\-.]+$")


def readable_text(value: str) -> str:
    """Notes may hold any words and signs (they are shown escaped), but not unreadable characters."""
    if _CONTROL.search(value):
        raise ValidationError(_("Berisi karakter yang tidak dapat dibaca."))
    return value


def plain_text(value: str) -> str:
    """Refuse markup and control characters: names and needs are plain text."""
    if _MARKUP.search(value):
        raise ValidationError(_("Tidak boleh berisi tanda < atau > (kode HTML atau skrip)."))
    return readable_text(value)


def normalize_phone(raw: str) -> str:
    """Indonesian numbers in one form: +62 followed by the number without its leading 0."""
    if not _PHONE_CHARS.match(raw):
        raise ValidationError(_("Nomor telepon hanya boleh berisi angka, spasi, tanda -, dan + di depan."))
    digits = re.sub(r"\D", "", raw)
    if raw.strip().startswith("+") and not digits.startswith("62"):
        raise ValidationError(_("Hanya nomor Indonesia (+62) yang dapat dicatat."))
    if digits.startswith("62"):
        national = digits[2:]
    elif digits.startswith("0"):
        national = digits[1:]
    else:
        raise ValidationError(_("Nomor telepon diawali 0 atau +62, misalnya 0812 3456 7890."))
    if not 8 <= len(national) <= 13 or national.startswith("0"):
        raise ValidationError(_("Nomor telepon tidak lengkap atau terlalu panjang."))
    return "+62" + national
