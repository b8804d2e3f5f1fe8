"""Keyword proposals: words that keep appearing in needs the Kasubbag routed against the suggestion.

A word is proposed for a Bidang when it appeared in at least MIN_OVERRIDDEN overridden needs that
went there, when at least MIN_PRECISION of all needs containing it went there too (so it tells
that Bidang apart), and when no topic of that Bidang has it as a keyword already. The topic
proposed is the one most often chosen for those needs.
"""

from collections import Counter, defaultdict
from dataclasses import dataclass

from .learn import Decision, words_of
from .text import normalise

MIN_OVERRIDDEN = 3
MIN_PRECISION = 0.8
MIN_LETTERS = 3
LIMIT = 50


@dataclass(frozen=True)
class Proposal:
    word: str
    bidang: str
    topic: int | None
    overridden: int  # overridden needs with this word that went to the Bidang
    seen: int  # all needs with this word


def keyword_proposals(decisions: list[Decision], topics) -> list[Proposal]:
    """The words worth adding as keywords, the most overridden first."""
    seen: dict[str, Counter] = defaultdict(Counter)
    overridden: dict[str, Counter] = defaultdict(Counter)
    chosen_topics: dict[tuple[str, str], Counter] = defaultdict(Counter)
    for decision in decisions:
        for word in set(words_of(decision.text)):
            seen[word][decision.bidang] += 1
            if decision.overridden:
                overridden[word][decision.bidang] += 1
                if decision.topic is not None:
                    chosen_topics[(word, decision.bidang)][decision.topic] += 1
    known = _keywords_by_bidang(topics)
    proposals = [
        Proposal(word, code, _topic(chosen_topics[(word, code)]), count, sum(seen[word].values()))
        for word, by_bidang in overridden.items() for code, count in by_bidang.items()
        if count >= MIN_OVERRIDDEN and len(word) >= MIN_LETTERS and word not in known[code]
        and seen[word][code] / sum(seen[word].values()) >= MIN_PRECISION
    ]
    return sorted(proposals, key=lambda p: (-p.overridden, p.word))[:LIMIT]


def _topic(counts: Counter) -> int | None:
    return counts.most_common(1)[0][0] if counts else None


def _keywords_by_bidang(topics) -> dict[str, set[str]]:
    """The one-word keywords of each Bidang's topics, as the routing reads them."""
    known: dict[str, set[str]] = defaultdict(set)
    for topic in topics:
        for keyword in topic.keyword_list():
            words = normalise(keyword)
            if len(words) == 1:
                known[topic.bidang.code].add(words[0])
    return known
