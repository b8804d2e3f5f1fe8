"""Which Bidang a guest's need (keperluan) goes to: a ranking of topics by the words that matched.

A pure function over the topics: it knows nothing of visits, reads the database only when no
topics are given, and copes with how people really write at the front desk: any case,
punctuation and hyphens ("SPP-UP", "sp2d", "SP 2D"), office shorthand ("lap keu", "angg"),
small typos in longer words, and several needs in one sentence (each topic is ranked).
"""

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

from rapidfuzz.distance import OSA

FALLBACK_CODE = "sekretariat"
NO_MATCH_REASON = "tidak ada kata kunci yang cocok"
MAX_TEXT = 1000  # characters read from the text; a keperluan is at most this long anyway
TYPO_MIN_LETTERS = 5  # words of five letters or more match with one small typo
FUZZY_QUALITY = 0.8  # a typo'd match counts a little less than an exact one
# The Sekretariat takes "everything else": its words (surat, data, umum) are weak evidence, so a
# more specific Bidang's word in the same sentence outweighs them.
FALLBACK_WEIGHT = 0.5

# Office shorthand written the same way whatever the topic; topic-specific synonyms ("LK",
# "ankas") are keywords the admin edits instead.
SHORTHAND = {
    "lap": "laporan", "lapor": "laporan", "lpr": "laporan", "keu": "keuangan", "keuang": "keuangan",
    "angg": "anggaran", "anggrn": "anggaran", "ang": "anggaran", "brg": "barang", "bend": "bendahara",
    "bendhr": "bendahara", "peg": "pegawai", "kepeg": "kepegawaian", "pengh": "penghapusan",
    "invent": "inventarisasi", "rek": "rekening", "rekon": "rekonsiliasi", "srt": "surat",
    "pemkab": "pemerintah kabupaten", "pertanggung": "pertanggungjawaban",
}


@dataclass(frozen=True)
class Suggestion:
    """One ranked answer: the Bidang (and topic) the text points to, and the words that said so."""

    bidang_code: str
    bidang_name: str
    bidang_id: int | None
    topic_id: int | None
    topic_name: str
    score: float
    matched: tuple[str, ...] = ()

    @property
    def reason(self) -> str:
        if not self.matched:
            return NO_MATCH_REASON
        return "kata yang cocok: " + ", ".join(f"\u201c{word}\u201d" for word in self.matched)

    def as_dict(self) -> dict:
        return {
            "bidang": self.bidang_code, "bidang_name": self.bidang_name, "bidang_id": self.bidang_id,
            "topic": self.topic_name, "topic_id": self.topic_id, "score": self.score,
            "matched": list(self.matched), "reason": self.reason,
        }


@dataclass
class _Token:
    norm: str
    original: str
    start: int  # where the word stands in the (accent-free) text, to quote the guest's own words
    end: int


@dataclass
class _Match:
    topic: object
    start: int
    end: int  # exclusive
    quality: float
    weight: int = field(init=False)

    def __post_init__(self):
        self.weight = self.end - self.start


def normalise(text: str) -> list[str]:
    """Lower-case words without accents or punctuation, shorthand written out."""
    return [part for token in _tokens(text) for part in token.norm.split()]


def _plain(text) -> str:
    text = unicodedata.normalize("NFKD", str(text or "")[:MAX_TEXT])
    return "".join(ch for ch in text if not unicodedata.combining(ch))


def _tokens(text: str) -> list[_Token]:
    text = _plain(text)
    return [
        _Token(SHORTHAND.get(found.group().lower(), found.group().lower()), found.group(), found.start(), found.end())
        for found in re.finditer(r"[A-Za-z0-9]+", text)
    ]


@lru_cache(maxsize=4096)
def _keyword_tokens(keyword: str) -> tuple[str, ...]:
    return tuple(normalise(keyword))


@lru_cache(maxsize=4096)
def _codes(keyword: str) -> frozenset[str]:
    """The keyword's words written in capitals (SIPD, KIB, TAPD, SP2D): codes, which never match a typo."""
    return frozenset(token.norm for token in _tokens(keyword) if token.original.isupper())


@lru_cache(maxsize=65536)
def _close(word: str, keyword: str) -> bool:
    """A small typo: one edit in a word of 5+ letters, two in 9+. Short codes (SPM, SPD, SPP, BUD) must be exact.

    An edit is a letter added, dropped, changed or two neighbours swapped (optimal string alignment,
    from RapidFuzz); the first letter must be right, as people rarely get it wrong. A five-letter
    word may have a letter wrong or two swapped, but not one missing or extra: "teman" is a word of
    its own, not "temuan" mistyped.
    """
    shorter = min(len(word), len(keyword))
    if shorter < TYPO_MIN_LETTERS or word[0] != keyword[0]:
        return False
    allowed = 2 if len(keyword) >= 9 else 1
    if abs(len(word) - len(keyword)) > (allowed if shorter > TYPO_MIN_LETTERS else 0):
        return False
    return OSA.distance(word, keyword, score_cutoff=allowed) <= allowed


def _find(words: list[str], keyword: tuple[str, ...], codes=frozenset()) -> list[tuple[int, int, float]]:
    """Where a keyword occurs in the words: (start, end, quality), exact, typo'd, or written joined/apart."""
    found, size, joined = [], len(keyword), "".join(keyword)
    for start in range(len(words)):
        window = words[start:start + size]
        if len(window) == size:
            if window == list(keyword):
                found.append((start, start + size, 1.0))
                continue
            if all(w == k or (k not in codes and _close(w, k)) for w, k in zip(window, keyword)):
                found.append((start, start + size, FUZZY_QUALITY))
                continue
        # "sp 2d" for "sp2d", "sppup" for "spp up": the same letters split differently.
        for width in range(1, size + 2):
            if width != size and "".join(words[start:start + width]) == joined and start + width <= len(words):
                found.append((start, start + width, 1.0))
                break
    return found


def _matches(words: list[str], topics) -> list[_Match]:
    matches = []
    for topic in topics:
        for keyword in topic.keyword_list():
            tokens = _keyword_tokens(keyword)
            if tokens:
                matches += [_Match(topic, s, e, q) for s, e, q in _find(words, tokens, _codes(keyword))]
    return matches


def _claim(matches: list[_Match]) -> list[_Match]:
    """Longer phrases win their words: "surat perintah membayar" is SPM, not a letter for Sekretariat."""
    claimed: dict[int, int] = {}
    kept = []
    for match in sorted(matches, key=lambda m: (-m.weight, -m.quality)):
        span = range(match.start, match.end)
        if any(claimed.get(pos, 0) > match.weight for pos in span):
            continue
        for pos in span:
            claimed[pos] = max(claimed.get(pos, 0), match.weight)
        kept.append(match)
    return kept


def suggest(text: str, topics=None, *, fallback=None, limit: int = 5) -> list[Suggestion]:
    """Topics ranked for the text, best first; nothing matched gives the Sekretariat, with that reason.

    `topics` are objects with `name`, `keyword_list()` and `bidang` (code, name, order); by default
    the active topics in the database. `fallback` is the Bidang for text that matches nothing.
    """
    if topics is None:
        topics = _active_topics()
    tokens = _tokens(text)
    words, owners = [], []
    for index, token in enumerate(tokens):
        for part in token.norm.split():
            words.append(part)
            owners.append(index)
    ranked = _rank(_claim(_matches(words, topics)), tokens, owners, _plain(text))
    return ranked[:limit] if ranked else [_fallback(fallback)]


def _rank(matches: list[_Match], tokens: list[_Token], owners: list[int], text: str) -> list[Suggestion]:
    by_topic: dict[object, dict] = {}
    for match in sorted(matches, key=lambda m: m.start):
        entry = by_topic.setdefault(match.topic, {"score": 0.0, "words": [], "first": match.start})
        discount = FALLBACK_WEIGHT if match.topic.bidang.code == FALLBACK_CODE else 1.0
        entry["score"] += match.weight * match.quality * discount
        first, last = tokens[owners[match.start]], tokens[owners[match.end - 1]]
        phrase = text[first.start:last.end]
        if phrase not in entry["words"]:
            entry["words"].append(phrase)
    # Equal scores: the need named first in the sentence is usually the main one.
    ordered = sorted(by_topic.items(), key=lambda item: (-item[1]["score"], item[1]["first"], item[0].bidang.order))
    return [
        Suggestion(
            bidang_code=topic.bidang.code, bidang_name=topic.bidang.name, bidang_id=topic.bidang.pk,
            topic_id=topic.pk, topic_name=topic.name, score=round(entry["score"], 2), matched=tuple(entry["words"]),
        )
        for topic, entry in ordered
    ]


def _fallback(bidang) -> Suggestion:
    if bidang is None:
        from .models import Bidang

        bidang = Bidang.objects.filter(code=FALLBACK_CODE).first()
    return Suggestion(
        bidang_code=getattr(bidang, "code", FALLBACK_CODE), bidang_name=getattr(bidang, "name", "Sekretariat"),
        bidang_id=getattr(bidang, "pk", None), topic_id=None, topic_name="", score=0.0,
    )


def _active_topics():
    from .models import Topic

    return list(Topic.objects.filter(active=True, bidang__active=True).select_related("bidang"))


def top_bidang_code(suggestions: list[Suggestion]) -> str:
    return suggestions[0].bidang_code
