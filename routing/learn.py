"""What this office decided before: a small classifier over the words of past keperluan (issue 18).

The method is multinomial naive Bayes over binary features of a need: its words, pairs of
neighbouring words, and the four-letter pieces of each word (so "pencairan" and "dicairkan" share
"cair", and a typo costs one piece, not the word). Why this and not a library model: the office
routes a few thousand guests a year, where naive Bayes is the standard strong baseline for short
texts; training is counting, so it is exact, takes a moment, and gives the same model on SQLite
and PostgreSQL; the parameters are the counts themselves, stored as JSON in the database
(routing.models.LearnedModel), never a pickled binary; and every prediction can be told in words:
"12 earlier needs that contain 'honor' went to Bidang Perbendaharaan". A library (scikit-learn)
would add numpy and scipy for the same fifty lines of arithmetic, and its fitted model would
still have to be turned into JSON to be kept.

Routing knows nothing of visits: the history comes in as `Decision` tuples (visits/routing_history.py).
A feature seen in fewer than two needs is not kept, so a guest's name or a one-off number never
enters the stored model.
"""
import math
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import datetime
from itertools import pairwise
from typing import NamedTuple

from .keywords import TYPO_MIN_LETTERS, is_typo_of
from .text import STOPWORDS, normalise

METHOD = "naive-bayes-kata-dan-potongan-4-huruf-v1"
MIN_DF = 2  # a feature must occur in two past needs at least to be kept and used
ALPHA = 0.5  # additive smoothing of the counts
PIECE = 4  # letters in a word piece
MIN_DECISIONS = 10  # below this the history says nothing


class Decision(NamedTuple):
    """One routing decision as evidence: the need as finally written, where it went, and whether
    the Kasubbag overrode the suggestion (and why)."""

    text: str
    bidang: str  # the chosen Bidang's code
    topic: int | None  # the chosen topic's id
    at: datetime
    overridden: bool = False
    reason: str = ""


@dataclass(frozen=True)
class Learned:
    """The history's view of one Bidang for a text, in words a Kasubbag can check."""

    bidang: str
    share: float  # this Bidang's part of the history's vote, 0..1 (never shown as a number)
    similar: int  # earlier needs that contain `word` and went to this Bidang
    word: str  # the text's most telling word for this Bidang
    topic: int | None  # the topic this Bidang usually chose for such needs


def words_of(text) -> list[str]:
    """The words that can say where a need goes: no stopwords, no bare numbers."""
    return [w for w in normalise(text) if len(w) > 1 and not w.isdigit() and w not in STOPWORDS]


def features(words: list[str]) -> dict[str, float]:
    """Binary features with weights: each word 1, each pair 1, a word's pieces 1 together."""
    found = {f"w:{w}": 1.0 for w in words}
    found.update({f"b:{a} {b}": 1.0 for a, b in pairwise(words)})
    for word in words:
        padded = f"<{word}>"
        pieces = {padded[i:i + PIECE] for i in range(len(padded) - PIECE + 1)}
        for piece in pieces:
            found[f"c:{piece}"] = found.get(f"c:{piece}", 0.0) + 1.0 / len(pieces)
    return found


@dataclass
class _Class:
    """The counts of one class (a Bidang or a topic): needs, and needs containing each feature."""

    docs: int = 0
    known: int = 0  # the counts of the features that are kept (seen in MIN_DF needs or more)
    counts: Counter = field(default_factory=Counter)

    def as_json(self, keep) -> dict:
        return {"docs": self.docs, "known": self.known, "counts": {f: n for f, n in self.counts.items() if keep(f)}}

    @classmethod
    def from_json(cls, data: dict) -> "_Class":
        return cls(docs=data["docs"], known=data["known"], counts=Counter(data["counts"]))


class Classifier:
    """Naive Bayes over Bidang (and over topics, for the topic to preselect), learnt one decision at a time."""

    def __init__(self, parameters: dict | None = None):
        data = parameters or {}
        self.decisions = data.get("decisions", 0)
        self.bidang = defaultdict(_Class, {c: _Class.from_json(v) for c, v in data.get("bidang", {}).items()})
        self.topics = defaultdict(_Class, {int(t): _Class.from_json(v) for t, v in data.get("topics", {}).items()})
        self.topic_bidang = {int(t): code for t, code in data.get("topic_bidang", {}).items()}
        self.df = Counter(data.get("df", {}))
        self.vocabulary = sum(1 for n in self.df.values() if n >= MIN_DF)
        self._words_by_letter: dict[str, list[str]] | None = None

    @classmethod
    def train(cls, decisions) -> "Classifier":
        model = cls()
        for decision in decisions:
            model.learn(decision)
        return model

    def learn(self, decision: Decision) -> None:
        own = [self.bidang[decision.bidang]]
        if decision.topic is not None:
            own.append(self.topics[decision.topic])
            self.topic_bidang[decision.topic] = decision.bidang
        self.decisions += 1
        for counts in own:
            counts.docs += 1
        for feature in features(words_of(decision.text)):
            self._count(feature, own)
        self._words_by_letter = None

    def _count(self, feature: str, own: list[_Class]) -> None:
        self.df[feature] += 1
        for counts in own:
            counts.counts[feature] += 1
        if self.df[feature] == MIN_DF:  # the feature is kept from now on: its earlier counts join the totals
            self.vocabulary += 1
            for counts in [*self.bidang.values(), *self.topics.values()]:
                counts.known += counts.counts.get(feature, 0)
        elif self.df[feature] > MIN_DF:
            for counts in own:
                counts.known += 1

    def parameters(self) -> dict:
        """The model as JSON: only the features kept (seen in two needs or more)."""
        def keep(feature):
            return self.df[feature] >= MIN_DF
        return {
            "method": METHOD, "decisions": self.decisions, "min_df": MIN_DF, "alpha": ALPHA, "piece": PIECE,
            "bidang": {code: c.as_json(keep) for code, c in self.bidang.items()},
            "topics": {str(t): c.as_json(keep) for t, c in self.topics.items()},
            "topic_bidang": {str(t): code for t, code in self.topic_bidang.items()},
            "df": {f: n for f, n in self.df.items() if n >= MIN_DF},
        }

    def predict(self, text) -> list[Learned]:
        """Each Bidang the history points to for the text, the likeliest first; [] when it knows none of its words."""
        words = [self._known_form(w) for w in words_of(text)]
        known_words = list(dict.fromkeys(w for w in words if self.df[f"w:{w}"] >= MIN_DF))
        if self.decisions < MIN_DECISIONS or not known_words:
            return []
        known = {f: weight for f, weight in features(words).items() if self.df[f] >= MIN_DF}
        logs = {code: self._log_joint(counts, known) / len(known_words)
                for code, counts in self.bidang.items() if counts.docs}
        shares = _softmax(logs)
        ranked = sorted(shares, key=lambda code: -shares[code])
        return [Learned(code, round(shares[code], 4), *self._telling(code, known_words), self._topic(code, known))
                for code in ranked]

    def _log_joint(self, counts: _Class, known: dict[str, float]) -> float:
        prior = math.log((counts.docs + 1) / (self.decisions + len(self.bidang)))
        denominator = counts.known + ALPHA * max(self.vocabulary, 1)
        return prior + sum(w * math.log((counts.counts.get(f, 0) + ALPHA) / denominator) for f, w in known.items())

    def _telling(self, code: str, known_words: list[str]) -> tuple[int, str]:
        """The word whose earlier needs went most often to this Bidang, and how many did."""
        counts = self.bidang[code].counts
        scored = [(counts.get(f"w:{w}", 0) / self.df[f"w:{w}"], counts.get(f"w:{w}", 0), -position, w)
                  for position, w in enumerate(known_words)]  # equal evidence: the word the guest wrote first
        share, similar, _, word = max(scored)
        return (similar, word) if similar else (0, "")

    def _topic(self, code: str, known: dict[str, float]) -> int | None:
        candidates = [t for t, owner in self.topic_bidang.items() if owner == code and self.topics[t].docs]
        if not candidates:
            return None
        total = sum(self.topics[t].docs for t in candidates)

        def score(topic):
            counts = self.topics[topic]
            denominator = counts.known + ALPHA * max(self.vocabulary, 1)
            return math.log(counts.docs / total) + sum(
                w * math.log((counts.counts.get(f, 0) + ALPHA) / denominator) for f, w in known.items())
        return max(candidates, key=score)

    def _known_form(self, word: str) -> str:
        """The word itself when the history knows it, else a known word it is a small typo of."""
        if self.df[f"w:{word}"] >= MIN_DF or len(word) < TYPO_MIN_LETTERS:
            return word
        if self._words_by_letter is None:
            self._words_by_letter = defaultdict(list)
            for feature, n in self.df.items():
                if n >= MIN_DF and feature.startswith("w:"):
                    self._words_by_letter[feature[2]].append(feature[2:])
        return next((known for known in self._words_by_letter.get(word[0], ()) if is_typo_of(word, known)), word)


def _softmax(logs: dict[str, float]) -> dict[str, float]:
    top = max(logs.values())
    weights = {code: math.exp(value - top) for code, value in logs.items()}
    total = sum(weights.values())
    return {code: weight / total for code, weight in weights.items()}
