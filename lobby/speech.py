"""What the lobby display says aloud, in Indonesian words (the browser reads it with speechSynthesis).

Numbers are spelled out here rather than left to the voice: a voice reads "A-007" as letters and
zeros, and not every browser has an Indonesian voice that knows the numbers.
"""

ONES = ["nol", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan",
        "sepuluh", "sebelas"]


def spell_number(number: int) -> str:
    """Indonesian words for a whole number from 0 to 999 999: 7 "tujuh", 112 "seratus dua belas"."""
    if number < 0 or number >= 1_000_000:
        raise ValueError(number)
    if number < 12:
        return ONES[number]
    if number < 20:
        return f"{ONES[number - 10]} belas"
    if number < 100:
        return _join(f"{ONES[number // 10]} puluh", number % 10)
    if number < 1000:
        hundreds = "seratus" if number < 200 else f"{ONES[number // 100]} ratus"
        return _join(hundreds, number % 100)
    thousands = "seribu" if number < 2000 else f"{spell_number(number // 1000)} ribu"
    return _join(thousands, number % 1000)


def _join(head: str, rest: int) -> str:
    return f"{head} {spell_number(rest)}" if rest else head


def call_sentence(*, prefix: str, seq: int, bidang_name: str) -> str:
    """ "Nomor antrian A tujuh, silakan menuju Bidang Perbendaharaan"."""
    return f"Nomor antrian {prefix} {spell_number(seq)}, silakan menuju {bidang_name}"
