"""Training a new version of the learned routing from the decision history, and keeping what it found.

`train_routing(decisions, at=...)` is what `manage.py train_routing` runs (from cron, nightly): it
trains the classifier on every decision, replays the history for the quality figures, stores
both as a new LearnedModel version, and refreshes the keyword proposals. A history that has not
changed since the last version trains nothing.
"""

import hashlib
import json

from django.db import transaction

from .evaluate import replay
from .learn import METHOD, Classifier, Decision
from .models import Bidang, KeywordProposal, LearnedModel, Topic
from .proposals import keyword_proposals

KEEP_VERSIONS = 10  # older versions are deleted: their counts come from needs that may since be anonymised


def train_routing(decisions: list[Decision], *, at, force: bool = False) -> LearnedModel | None:
    """A new model version from the decisions (in any order), or None when the last one already knows them."""
    decisions = sorted(decisions, key=lambda d: d.at)
    last_at = decisions[-1].at if decisions else None
    latest = LearnedModel.objects.order_by("-version").first()
    if not force and latest is not None and (latest.decisions, latest.last_decision_at) == (len(decisions), last_at):
        return None
    topics = list(Topic.objects.filter(active=True, bidang__active=True).select_related("bidang"))
    parameters = Classifier.train(decisions).parameters()
    evaluation = replay(decisions, topics).as_dict()
    with transaction.atomic():
        model = LearnedModel.objects.create(
            version=(latest.version + 1) if latest else 1, trained_at=at, decisions=len(decisions),
            last_decision_at=last_at, method=METHOD, parameters=parameters, digest=_digest(parameters),
            evaluation=evaluation,
        )
        LearnedModel.objects.filter(version__lte=model.version - KEEP_VERSIONS).delete()
        refresh_proposals(decisions, topics, at=at)
    return model


def _digest(parameters: dict) -> str:
    return hashlib.sha256(json.dumps(parameters, sort_keys=True).encode()).hexdigest()


def refresh_proposals(decisions: list[Decision], topics, *, at) -> None:
    """Open proposals are replaced by today's; a word the admin added or set aside stays decided."""
    found = keyword_proposals(decisions, topics)
    decided = set(KeywordProposal.objects.exclude(status=KeywordProposal.Status.OPEN)
                  .values_list("word", "bidang__code"))
    KeywordProposal.objects.filter(status=KeywordProposal.Status.OPEN).delete()
    units = {b.code: b for b in Bidang.objects.all()}
    valid_topics = {t.pk for t in topics}
    KeywordProposal.objects.bulk_create([
        KeywordProposal(word=p.word, bidang=units[p.bidang], topic_id=p.topic if p.topic in valid_topics else None,
                        overridden=p.overridden, seen=p.seen, proposed_at=at)
        for p in found if (p.word, p.bidang) not in decided and p.bidang in units
    ])
