"""The keyword rules: which topics' keywords occur in a keperluan, and how strongly.

Copes with how people really write at the front desk: any case, punctuation and hyphens
("SPP-UP", "sp2d", "SP 2D"), office shorthand ("lap keu", "angg"), small typos in words of five
letters or more, and several needs in one sentence (each topic is ranked). Pure: it reads no
database; routing/suggest.py gives it the topics.
"""

from dataclasses import dataclass, field
from functools import lru_cache

from rapidfuzz.distance import OSA

from .text import Token, normalise, plain, tokens

FALLBACK_CODE = "sekretariat"
TYPO_MIN_LETTERS = 5  # words of five letters or more match with one small typo
FUZZY_QUALITY = 0.8  # a typo'd match counts a little less than an exact one
# The Sekretariat takes "everything else": its words (surat, data, umum) are weak evidence, so a
# more specific Bidang's word in the same sentence outweighs them.
FALLBACK_WEIGHT = 0.5


@dataclass(frozen=True)
class KeywordRank:
    """One topic whose keywords occur in the text: its score and the guest's own matched words."""

    topic: object
    score: float
    matched: tuple[str, ...]


@dataclass
class _Match:
    topic: object
    start: int
    end: int  # exclusive
    quality: float
    weight: int = field(init=False)

    def __post_init__(self):
        self.weight = self.end - self.start


@lru_cache(maxsize=4096)
def _keyword_tokens(keyword: str) -> tuple[str, ...]:
    return tuple(normalise(keyword))


@lru_cache(maxsize=4096)
def _codes(keyword: str) -> frozenset[str]:
    """The keyword's words written in capitals (SIPD, KIB, TAPD, SP2D): codes, which never match a typo."""
    return frozenset(token.norm for token in tokens(keyword) if token.original.isupper())


@lru_cache(maxsize=65536)
def is_typo_of(word: str, keyword: str) -> bool:
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
    found, size, joined, first = [], len(keyword), "".join(keyword), keyword[0]
    for start, word in enumerate(words):
        if word[0] != first[0]:  # every way of matching starts with the keyword's first letter
            continue
        window = words[start:start + size]
        if len(window) == size:
            if window == list(keyword):
                found.append((start, start + size, 1.0))
                continue
            if all(w == k or (k not in codes and is_typo_of(w, k)) for w, k in zip(window, keyword, strict=True)):
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
            parts = _keyword_tokens(keyword)
            if parts:
                matches += [_Match(topic, s, e, q) for s, e, q in _find(words, parts, _codes(keyword))]
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


def rank_by_keywords(text: str, topics) -> list[KeywordRank]:
    """Every topic whose keywords occur in the text, best first: score, then the need named first."""
    found = tokens(text)
    words, owners = [], []
    for index, token in enumerate(found):
        for part in token.norm.split():
            words.append(part)
            owners.append(index)
    return _rank(_claim(_matches(words, topics)), found, owners, plain(text))


def _rank(matches: list[_Match], found: list[Token], owners: list[int], text: str) -> list[KeywordRank]:
    by_topic: dict[object, dict] = {}
    for match in sorted(matches, key=lambda m: m.start):
        entry = by_topic.setdefault(match.topic, {"score": 0.0, "words": [], "first": match.start})
        discount = FALLBACK_WEIGHT if match.topic.bidang.code == FALLBACK_CODE else 1.0
        entry["score"] += match.weight * match.quality * discount
        first, last = found[owners[match.start]], found[owners[match.end - 1]]
        phrase = text[first.start:last.end]
        if phrase not in entry["words"]:
            entry["words"].append(phrase)
    # Equal scores: the need named first in the sentence is usually the main one.
    ordered = sorted(by_topic.items(), key=lambda item: (-item[1]["score"], item[1]["first"], item[0].bidang.order))
    return [KeywordRank(topic, round(entry["score"], 2), tuple(entry["words"])) for topic, entry in ordered]
