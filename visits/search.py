"""Searching past consultations to reuse earlier answers.

Words are matched with PostgreSQL's full-text search (the "simple" configuration: Indonesian has no
stemmer there, and document codes such as SP2D must match as written) against the search vector
stored beside each consultation and GIN-indexed (migration visits 0011), so a word costs an index
look-up, not the vector of every row. On SQLite every word must appear in the problem or the outcome.

A page count stops at PAGE_COUNT_CAP + 1 rows (CappedPaginator): past that the page says "more than",
and a Bidang's growing history never has to be counted whole. For the same reason words rank the newest
PAGE_COUNT_CAP + 1 matches (by when the consultation was recorded), not every match.
"""

from django.core.paginator import Paginator
from django.db import connection
from django.db.models import FloatField, Q
from django.db.models.expressions import RawSQL
from django.utils.functional import cached_property

from . import policy
from .models import Consultation

TEXT_CONFIG = "simple"


def consultations_for(user, *, bidang=None):
    """The consultations a user may read: staff their own Bidang's, managers all (or one Bidang's)."""
    consultations = Consultation.objects.all()
    if not policy.can_read_all_consultations(user):
        consultations = consultations.filter(bidang_id=user.bidang_id)
    elif bidang is not None:
        consultations = consultations.filter(bidang=bidang)
    return consultations


def search_consultations(
    consultations, *, q="", tamu="", asal="", topik=None, dokumen=None, dari=None, sampai=None, kanal="",
    every_match=False, **_ignored
):
    """Narrow `consultations` by the search form's fields; best text matches first, then newest. Words
    rank the newest PAGE_COUNT_CAP + 1 matches, or every match for an export (`every_match`)."""
    filters = Q()
    if tamu:
        filters &= Q(visit__guest_name__icontains=tamu)
    if asal:
        filters &= Q(visit__origin__icontains=asal)
    if topik is not None:
        filters &= Q(visit__topic=topik)
    if kanal:
        filters &= Q(visit__channel=kanal)
    if dokumen is not None:
        filters &= Q(documents=dokumen) | Q(other_documents__icontains=dokumen.code)
    if dari:
        filters &= Q(visit__day__gte=dari)
    if sampai:
        filters &= Q(visit__day__lte=sampai)
    # A document filter joins the documents table: ask for matching ids first, so no row repeats.
    found = (
        consultations.filter(pk__in=Consultation.objects.filter(filters).values("pk"))
        if dokumen
        else (consultations.filter(filters))
    )
    ordering = ["-visit__day", "-visit__queue_seq"]
    if q.strip():
        found, ordering = _match_words(found, q.strip(), ordering, every_match=every_match)
    return (
        found.select_related("visit", "visit__topic", "bidang")
        .prefetch_related("documents")
        .order_by(*ordering)
    )


def _match_words(consultations, words: str, ordering: list, *, every_match: bool):
    if connection.vendor == "postgresql":
        query = f"websearch_to_tsquery('{TEXT_CONFIG}', %s)"
        matched = consultations.extra(where=[f"visits_consultation.search_vector @@ {query}"], params=[words])
        if not every_match:
            # Only the newest matches are ranked: a word of a standard answer matches a sixth of a Bidang's
            # history, and ranking all of it would cost what the index saved. One more than the page count
            # shows, so the page still says "more than". (The ids in their own query: in a subquery the
            # raw condition above would name the outer table.)
            newest = list(matched.order_by("-pk").values_list("pk", flat=True)[: PAGE_COUNT_CAP + 1])
            matched = consultations.filter(pk__in=newest)
        rank = RawSQL(f"ts_rank(visits_consultation.search_vector, {query})", [words], output_field=FloatField())
        return matched.annotate(rank=rank), ["-rank", *ordering]
    for word in words.split()[:10]:
        consultations = consultations.filter(
            Q(problem__icontains=word) | Q(outcome__icontains=word) | Q(other_documents__icontains=word)
        )
    return consultations, ordering


PAGE_COUNT_CAP = 1000


class CappedPaginator(Paginator):
    """Counts at most PAGE_COUNT_CAP + 1 rows: `capped` tells the page to say "more than"."""

    @property
    def cap(self) -> int:
        return PAGE_COUNT_CAP

    @cached_property
    def count(self) -> int:
        return self.object_list.order_by().values("pk")[: self.cap + 1].count()  # no rank computed

    @property
    def capped(self) -> bool:
        return self.count > self.cap


def page_count(found) -> int:
    """The count a results page runs (what bench_pages measures)."""
    return CappedPaginator(found, 20).count
