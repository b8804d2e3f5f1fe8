"""Which Bidang a guest's need (keperluan) goes to: the keyword rules and the office's own history, in words.

`suggest(text)` ranks the Bidang (and topics) for a need. Two kinds of evidence, each told to the
Kasubbag in words, never as a number:

- the keyword rules (routing/keywords.py): "kata kunci: “SP2D”";
- what this office decided before for needs with the same words (routing/learn.py, the latest
  model trained by `manage.py train_routing`): "mirip 12 keperluan sebelumnya yang diarahkan ke
  Bidang Perbendaharaan (memuat “honor”)".

How they combine, per Bidang: the keyword rules give each Bidang its share of the keyword score
(all of it when one Bidang matched); the history gives its share of the vote, weighted by how
many earlier needs back it: nothing below MIN_SIMILAR, fully from FULL_SUPPORT on, and then
HISTORY_WEIGHT times a keyword share. So a need no keyword knows goes where such needs went
before, two Bidang the keywords tie on are told apart by the history, and a keyword the office
keeps overriding (ten needs or more the other way) loses to what the office does.

Routing knows nothing of visits: with no topics given it reads the active topics and the latest
trained model from the database; `model=None` asks the keyword rules alone.
"""

from collections import defaultdict
from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .keywords import FALLBACK_CODE, KeywordRank, rank_by_keywords
from .learn import Classifier, Learned
from .text import MAX_TEXT, normalise  # noqa: F401  (the routing's reading of a text, used by callers)

NO_MATCH_REASON = gettext_lazy("tidak ada kata kunci yang cocok")
MIN_SIMILAR = 2  # earlier needs with the telling word below which the history stays silent
FULL_SUPPORT = 10  # earlier needs with the telling word from which the history counts fully
HISTORY_WEIGHT = 1.5  # a fully backed history vote, against a keyword share of 1
CURRENT = object()  # the model argument's default: the latest model trained in the database


@dataclass(frozen=True)
class Suggestion:
    """One ranked answer: the Bidang (and topic) the text points to, and the evidence in words."""

    bidang_code: str
    bidang_name: str
    bidang_id: int | None
    topic_id: int | None
    topic_name: str
    score: float  # the keyword rules' score; the page never shows it
    matched: tuple[str, ...] = ()
    learned: Learned | None = None

    @property
    def reason(self) -> str:
        parts = []
        if self.matched:
            words = ", ".join(f"\u201c{word}\u201d" for word in self.matched)
            parts.append(_("kata kunci: %(words)s") % {"words": words})
        if self.learned is not None:
            parts.append(_("mirip %(similar)s keperluan sebelumnya yang diarahkan ke %(bidang)s "
                           "(memuat “%(word)s”)") % {"similar": self.learned.similar,
                                                                 "bidang": self.bidang_name, "word": self.learned.word})
        return "; ".join(parts) or str(NO_MATCH_REASON)

    def as_dict(self) -> dict:
        return {
            "bidang": self.bidang_code, "bidang_name": self.bidang_name, "bidang_id": self.bidang_id,
            "topic": self.topic_name, "topic_id": self.topic_id, "score": self.score,
            "matched": list(self.matched), "reason": self.reason,
        }


def suggest(text: str, topics=None, *, model=CURRENT, fallback=None, limit: int = 5) -> list[Suggestion]:
    """Bidang and topics ranked for the text, best first; no evidence at all gives the Sekretariat, with that reason.

    `topics` are objects with `pk`, `name`, `keyword_list()` and `bidang` (code, name, order, pk);
    by default the active topics in the database. `model` is a routing.learn.Classifier, None for
    the keyword rules alone, or by default the latest trained model. `fallback` is the Bidang for
    text nothing points to.
    """
    if topics is None:
        topics = _active_topics()
    if model is CURRENT:
        model = current_model()
    learned = model.predict(text) if model is not None else []
    return combine(rank_by_keywords(text, topics), learned, topics, fallback=fallback)[:limit]


def combine(ranks: list[KeywordRank], learned: list[Learned], topics, *, fallback=None) -> list[Suggestion]:
    """The keyword ranking and the history's view, as one ranking (the module's docstring says how)."""
    supported = {view.bidang: view for view in learned if view.similar >= MIN_SIMILAR}
    return _combine(ranks, supported, topics) or [_fallback(fallback)]


def _history_vote(view: Learned) -> float:
    return HISTORY_WEIGHT * view.share * min(1.0, view.similar / FULL_SUPPORT)


def _combine(ranks: list[KeywordRank], learned: dict[str, Learned], topics) -> list[Suggestion]:
    units = {topic.bidang.code: topic.bidang for topic in topics}
    by_bidang: dict[str, list[KeywordRank]] = defaultdict(list)
    for rank in ranks:
        by_bidang[rank.topic.bidang.code].append(rank)
    votes = _votes(by_bidang, {code: view for code, view in learned.items() if code in units})
    keyword_order = list(by_bidang)  # equal votes: the Bidang the keywords ranked first
    order = sorted(votes, key=lambda code: (-votes[code], keyword_order.index(code) if code in by_bidang
                                            else len(keyword_order)))
    named = {topic.pk: topic for topic in topics}
    suggestions = []
    for code in order:
        view = learned.get(code)
        if code in by_bidang:
            suggestions += [_from_keywords(rank, view if index == 0 else None)
                            for index, rank in enumerate(by_bidang[code])]
        else:
            suggestions.append(_from_history(units[code], view, named.get(view.topic)))
    return suggestions


def _votes(by_bidang: dict[str, list[KeywordRank]], learned: dict[str, Learned]) -> dict[str, float]:
    """Each Bidang's share of the keyword score, plus its weighted share of the history's vote."""
    total = sum(rank.score for ranks in by_bidang.values() for rank in ranks) or 1.0
    votes = {code: sum(rank.score for rank in ranks) / total for code, ranks in by_bidang.items()}
    for code, view in learned.items():
        if _history_vote(view) > 0:
            votes[code] = votes.get(code, 0.0) + _history_vote(view)
    return votes


def _from_keywords(rank: KeywordRank, view: Learned | None) -> Suggestion:
    topic = rank.topic
    return Suggestion(bidang_code=topic.bidang.code, bidang_name=topic.bidang.name, bidang_id=topic.bidang.pk,
                      topic_id=topic.pk, topic_name=topic.name, score=rank.score, matched=rank.matched, learned=view)


def _from_history(bidang, view: Learned, topic) -> Suggestion:
    if topic is not None and topic.bidang.code != bidang.code:
        topic = None
    return Suggestion(bidang_code=bidang.code, bidang_name=bidang.name, bidang_id=bidang.pk,
                      topic_id=getattr(topic, "pk", None), topic_name=getattr(topic, "name", ""), score=0.0,
                      learned=view)


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


_LOADED: dict[str, Classifier] = {}


def current_model() -> Classifier | None:
    """The latest trained model, parsed once per version (its digest) and kept in memory."""
    from .models import LearnedModel

    latest = LearnedModel.objects.order_by("-version").values_list("digest", flat=True).first()
    if latest is None:
        return None
    if latest not in _LOADED:
        parameters = LearnedModel.objects.filter(digest=latest).values_list("parameters", flat=True).first()
        _LOADED.clear()  # one model in memory at a time
        _LOADED[latest] = Classifier(parameters)
    return _LOADED[latest]


def top_bidang_code(suggestions: list[Suggestion]) -> str:
    return suggestions[0].bidang_code
