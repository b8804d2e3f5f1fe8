"""A query of a tenant model that does not say its office fails the test that made it (tests/offices/watch.py,
installed for every test by tests/conftest.py); the scoped managers always say it, and with no office
acted for they refuse instead of reading every office."""

import pytest
from django.db import connection

from offices.current import NoOffice, no_office
from routing.models import Bidang
from survey.models import Answer
from tests.offices.watch import TenantQueryWatch, tenant_tables
from visits.models import Visit, VisitStep

pytestmark = pytest.mark.django_db


def _found(run) -> list[str]:
    """What a watch of its own finds in `run()`; the suite's watch looks away meanwhile (these queries
    are unscoped on purpose)."""
    watch = TenantQueryWatch()
    TenantQueryWatch.silenced = True
    try:
        with connection.execute_wrapper(watch):
            run()
    finally:
        TenantQueryWatch.silenced = False
    return watch.found


def test_every_tenant_model_is_watched():
    assert {"visits_visit", "visits_visitstep", "visits_consultation", "routing_bidang", "routing_topic",
            "visits_sopstep", "visits_queuecounter", "survey_unsur", "survey_answer", "survey_response",
            "booking_booking", "lobby_device", "presence_presence", "notifications_notification",
            "documents_filedpack", "privacy_privacysetting", "visits_letterhead"} <= tenant_tables()
    assert "pojok_user" not in tenant_tables() and "offices_office" not in tenant_tables()


@pytest.mark.parametrize("queryset", [
    lambda: Visit._base_manager.filter(guest_name="Siti"),
    lambda: Bidang._base_manager.order_by("name"),
    lambda: VisitStep._base_manager.filter(number=5, ended_at__isnull=True),
    lambda: Answer._base_manager.filter(value__lte=2),
    lambda: Visit._base_manager.filter(pk__gt=10),
], ids=["visit", "bidang", "step", "answer", "range-of-ids"])
def test_a_query_that_does_not_name_the_office_is_found(queryset):
    found = _found(lambda: list(queryset()))
    assert len(found) == 1
    assert "test_every_tenant_query_names_its_office.py" in found[0]  # it says where it came from


@pytest.mark.parametrize("queryset", [
    lambda: Visit.objects.filter(guest_name="Siti"),
    lambda: VisitStep.objects.filter(number=5),
    lambda: Answer.objects.filter(value__lte=2),
    lambda: Visit.all_offices.filter(guest_name="Siti"),
    lambda: Visit._base_manager.filter(pk=3),
    lambda: VisitStep._base_manager.filter(visit_id__in=[1, 2]),
], ids=["visit", "step", "answer-through-response", "all-offices-by-name", "by-key",
        "cascade-by-key"])
def test_a_scoped_query_or_a_key_is_not(queryset):
    assert _found(lambda: list(queryset())) == []


def test_raw_sql_without_the_mark_is_found():
    def count():
        with connection.cursor() as cursor:
            cursor.execute("SELECT COUNT(*) FROM visits_visit WHERE day >= %s", ["2026-01-01"])
    assert len(_found(count)) == 1


def test_a_join_from_a_scoped_table_or_a_persons_key_is_not_found(staf):
    from django.contrib.auth import get_user_model

    users = get_user_model().objects.select_related("bidang").filter(bidang=staf.bidang)
    assert _found(lambda: list(users)) == []
    assert _found(lambda: list(Visit.objects.select_related("bidang", "topic"))) == []


def test_with_no_office_a_tenant_query_refuses_instead_of_reading_all():
    with no_office(), pytest.raises(NoOffice):
        list(Visit.objects.all())
    with no_office(), pytest.raises(NoOffice):
        Bidang.objects.count()
    with no_office():
        assert Bidang.all_offices.count() >= 1  # by name, on purpose


def test_the_office_is_read_when_the_query_runs_not_when_it_is_built(other_office):
    from offices.current import acting_for

    built_here = Bidang.objects.filter(active=True)
    ours = set(built_here.values_list("pk", flat=True))
    with acting_for(other_office):
        theirs = set(built_here.all().values_list("pk", flat=True))
    assert ours and theirs and not ours & theirs
