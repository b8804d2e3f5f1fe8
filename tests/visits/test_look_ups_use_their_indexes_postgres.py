"""On PostgreSQL the look-ups a desk and a Bidang make on every keystroke or search have indexes that
fit them (migrations visits 0011 and 0012): the plan names the index. The test tables are tiny, so
the planner is told to use an index whenever one fits the query at all; a query that no index fits
would still scan the table, and fail here."""

import pytest
from django.db import connection

from pojok import clock
from routing.models import Bidang
from tests.factories import advance_to, make_visit
from visits import search
from visits.models import Consultation, State, Visit
from visits.views.desk import recent_guests

pytestmark = [
    pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's indexes"),
    pytest.mark.django_db,
]


def many_other_guests(staff, count: int = 300) -> None:
    """An office's many earlier guests, each with a consultation of other words: the office alone no longer
    picks a few rows, the name or the word does (as at a real office, where one index must serve both)."""
    unit = Bidang.objects.get(code="anggaran")
    day = clock.today()
    visits = Visit.objects.bulk_create(
        Visit(day=day, queue_seq=1000 + n, guest_name=f"Tamu Lain {n}", origin="Dinas", keperluan="Konsultasi",
              arrived_at=clock.now(), state=State.DONE, bidang=unit) for n in range(count))
    Consultation.objects.bulk_create(Consultation(visit=visit, bidang=unit, recorded_by=staff,
                                                  problem="pergeseran anggaran belanja")
                                     for visit in visits)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE visits_visit")
        cursor.execute("ANALYZE visits_consultation")


def plan(queryset) -> str:
    sql, params = queryset.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_indexscan = off")  # no walking the primary key: a bitmap, or a scan
        cursor.execute("EXPLAIN " + sql, params)
        return "\n".join(row[0] for row in cursor.fetchall())


def test_a_word_uses_the_search_vector_index(people, pimpinan):
    """consultation_bidang_search holds (bidang_id, search_vector); a GIN index serves a condition on
    either column, so the managers' search of every Bidang uses it as the staff's search of one does."""
    advance_to(make_visit(people["petugas"], at=clock.now()), ["greet", "report", "route", "receive", "finish"], people)
    Consultation.objects.update(problem="SP2D dikembalikan karena lampiran kurang")
    many_other_guests(people["staf"])
    word = f"visits_consultation.search_vector @@ websearch_to_tsquery('{search.TEXT_CONFIG}', %s)"
    matched = search.consultations_for(pimpinan).extra(where=[word], params=["sp2d"])
    assert "consultation_bidang_search" in plan(matched.values("pk"))
    assert search.search_consultations(search.consultations_for(people["staf"]), q="sp2d").count() == 1


def test_a_returning_guests_name_uses_the_trigram_index(petugas):
    """Among an office's 25,000 guests the name is what picks one: the planner reads the trigram index
    and checks the office on the few rows it finds (with 5,000 it still read the office's rows)."""
    make_visit(petugas, at=clock.now(), guest_name="Rahmat Hidayat")
    many_other_guests(petugas, 25_000)
    visits = Visit.objects.filter(guest_name__icontains="hidayat")
    assert "visit_guest_name_trgm" in plan(visits.values("pk"))
    assert [guest["guest_name"] for guest in recent_guests("hidayat", "")] == ["Rahmat Hidayat"]
