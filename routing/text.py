"""How the routing reads a text: words without case, accents or punctuation, office shorthand written out.

The keyword rules (routing/keywords.py) and the learned classifier (routing/learn.py) read a
keperluan the same way, so "SPP-UP", "spp up" and "Spp-Up." are the same words to both.
"""

import re
import unicodedata
from dataclasses import dataclass

MAX_TEXT = 1000  # characters read from the text; a keperluan is at most this long anyway

# Office shorthand written the same way whatever the topic; topic-specific synonyms ("LK",
# "ankas") are keywords the admin edits instead.
SHORTHAND = {
    "lap": "laporan", "lapor": "laporan", "lpr": "laporan", "keu": "keuangan", "keuang": "keuangan",
    "angg": "anggaran", "anggrn": "anggaran", "ang": "anggaran", "brg": "barang", "bend": "bendahara",
    "bendhr": "bendahara", "peg": "pegawai", "kepeg": "kepegawaian", "pengh": "penghapusan",
    "invent": "inventarisasi", "rek": "rekening", "rekon": "rekonsiliasi", "srt": "surat",
    "pemkab": "pemerintah kabupaten", "pertanggung": "pertanggungjawaban",
}

# Words that say nothing about where a need goes: never a learned clue, never a keyword proposal.
STOPWORDS = frozenset("""
    yang dan di ke dari untuk dengan atau ini itu ada tidak belum sudah masih mau akan bisa perlu
    bagaimana apa apakah tentang terkait mengenai soal atas pada dalam oleh juga serta agar supaya
    sebagai karena jadi lagi saja kami saya kita mereka pak bu bapak ibu mas mbak tolong mohon minta
    tanya menanyakan konsultasi konsul koordinasi berkoordinasi keperluan urusan hal masalah kendala
    bulan tahun hari minggu kemarin besok tanggal kantor opd skpd kabupaten pemerintah lampung
    selatan the of for and to
""".split())


@dataclass
class Token:
    norm: str
    original: str
    start: int  # where the word stands in the (accent-free) text, to quote the guest's own words
    end: int


def normalise(text: str) -> list[str]:
    """Lower-case words without accents or punctuation, shorthand written out."""
    return [part for token in tokens(text) for part in token.norm.split()]


def plain(text) -> str:
    text = unicodedata.normalize("NFKD", str(text or "")[:MAX_TEXT])
    return "".join(ch for ch in text if not unicodedata.combining(ch))


def tokens(text: str) -> list[Token]:
    text = plain(text)
    return [
        Token(SHORTHAND.get(found.group().lower(), found.group().lower()), found.group(), found.start(), found.end())
        for found in re.finditer(r"[A-Za-z0-9]+", text)
    ]

