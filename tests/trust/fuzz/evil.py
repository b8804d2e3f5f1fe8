"""Hostile text for every field: any Unicode (no lone surrogates, which no browser can send), very
long strings, markup and script, SQL-looking text, control characters with NUL, RTL marks, emoji."""

from hypothesis import strategies as st

# Markup that must never reach a page unescaped; none of these occurs in the app's own HTML.
MARKERS = ("<script>alert(1)</script>", "<img src=x onerror=alert(1)>", '"><svg onload=alert(1)>')

NASTY = MARKERS + (
    "'; DROP TABLE visits_visit;--", "' OR '1'='1' --", "\x00", "a\x00b", "\x07\x08\x1b[2J", "\r\n", "\t",
    "\u202e\u202dtamu", "\u200f\u200e", "\ufeff", "😀👍🏽🇮🇩", "{{ request.user }}", "{% csrf_token %}",
    "%s %n %x", "../../etc/passwd", "NaN", "-1", "0", "9" * 40, "2026-02-30", "0000-00-00", "1e308",
    "İı ß ǅ Ⅻ", "null", "[]", "{}", " ", "", "/meja-depan/\r\nSet-Cookie: x=1", "//evil.example/", "/\x00",
)

any_text = st.text(st.characters(codec="utf-8"), max_size=200)


def _long(piece: str, length: int) -> str:
    return piece * (length // len(piece) + 1)


long_text = st.builds(_long, st.sampled_from(["a", "<b>", "😀", "x\x00", "' ", "\u202e"]),
                      st.integers(10_001, 12_000))

mixed = st.lists(st.one_of(st.sampled_from(NASTY), any_text), min_size=1, max_size=5).map("".join)

evil_text = st.one_of(st.sampled_from(NASTY), any_text, mixed, long_text)


def evil_values(fields: list[str]):
    """Some of the form's fields (at least one) set to hostile text."""
    return st.dictionaries(st.sampled_from(fields), evil_text, min_size=1, max_size=len(fields))
