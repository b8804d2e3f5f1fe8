"""How good the suggestion is, measured honestly: replay the decisions in time order.

For each decision the model has learnt only from the decisions before it; it predicts, and then
learns this one. Top-1 is "the first suggested Bidang was the one chosen", top-2 "it was one of
the first two". Both the keyword rules alone and the combination are scored, overall, per Bidang
and per month. The keyword rules are today's (the catalog as it is now), so a month long ago
shows what today's keywords would have made of it.
"""

from collections import defaultdict
from dataclasses import dataclass, field

from django.utils import timezone

from .keywords import FALLBACK_CODE, rank_by_keywords
from .learn import Classifier, Decision
from .suggest import combine

KINDS = ("keywords", "combined")


@dataclass
class Tally:
    """Decisions replayed, and how many each kind of suggestion had first or in its first two."""

    n: int = 0
    hits: dict = field(default_factory=lambda: {(kind, k): 0 for kind in KINDS for k in (1, 2)})

    def add(self, chosen: str, predictions: dict[str, list[str]]) -> None:
        self.n += 1
        for kind, codes in predictions.items():
            self.hits[(kind, 1)] += codes[:1] == [chosen]
            self.hits[(kind, 2)] += chosen in codes[:2]

    def share(self, kind: str, k: int) -> float | None:
        return self.hits[(kind, k)] / self.n if self.n else None

    def as_dict(self) -> dict:
        return {"n": self.n, **{f"{kind}_top{k}": self.hits[(kind, k)] for kind in KINDS for k in (1, 2)}}


@dataclass
class Replay:
    overall: Tally = field(default_factory=Tally)
    per_bidang: dict = field(default_factory=lambda: defaultdict(Tally))
    per_month: dict = field(default_factory=lambda: defaultdict(Tally))

    def as_dict(self) -> dict:
        """The figures as JSON, for LearnedModel.evaluation and the routing quality page."""
        return {"overall": self.overall.as_dict(),
                "per_bidang": {code: t.as_dict() for code, t in sorted(self.per_bidang.items())},
                "per_month": {month: t.as_dict() for month, t in sorted(self.per_month.items())}}


def bidang_order(suggestions) -> list[str]:
    """The distinct Bidang in the order suggested."""
    return list(dict.fromkeys(s.bidang_code for s in suggestions))


def replay(decisions: list[Decision], topics, *, fallback=None) -> Replay:
    """Every decision in time order, predicted from the ones before it only."""
    result, model = Replay(), Classifier()
    if fallback is None:  # read once, not once per decision that no keyword matches
        from .models import Bidang

        fallback = Bidang.objects.filter(code=FALLBACK_CODE).first()
    by_keywords = {}  # the keyword rules are the same for the same words: each distinct need ranked once
    for decision in sorted(decisions, key=lambda d: d.at):
        if decision.text not in by_keywords:
            ranks = rank_by_keywords(decision.text, topics)
            by_keywords[decision.text] = (ranks, bidang_order(combine(ranks, [], topics, fallback=fallback)))
        ranks, keywords = by_keywords[decision.text]
        predictions = {
            "keywords": keywords,
            "combined": bidang_order(combine(ranks, model.predict(decision.text), topics, fallback=fallback)),
        }
        month = timezone.localtime(decision.at).strftime("%Y-%m")
        for tally in (result.overall, result.per_bidang[decision.bidang], result.per_month[month]):
            tally.add(decision.bidang, predictions)
        model.learn(decision)
    return result
