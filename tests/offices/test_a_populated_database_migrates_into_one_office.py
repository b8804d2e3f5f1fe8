"""An installation from before offices migrates into one office, BPKAD, with nothing lost: a populated
database is taken back to the schema before offices and forward again through the data migration, and
every row count, the SOP report (as `sop_report` files it), the IKM page, the kabupaten's figures and
each visit's queue number are the same afterwards, and every step has its visit's office."""

import io
import json
import re
from datetime import date

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.db.models import F
from django.urls import reverse

from kabupaten import triggers
from kabupaten.figures import side_by_side
from offices.current import acting_for, no_office
from offices.models import Office
from pojok.periods import Period
from survey.models import Unsur
from tests.offices.watch import TenantQueryWatch
from tests.trust.outcomes import row_counts
from visits.models import Visit, VisitStep

BEFORE_OFFICES = [
    ("offices", None), ("pojok", "0004_staff_whatsapp"), ("routing", "0006_learned_model_and_keyword_proposals"),
    ("visits", "0012_search_by_bidang"), ("survey", "0005_response_channel"),
    ("booking", "0002_now_from_the_app_clock"), ("lobby", "0003_kiosk_keys_are_idempotency_keys"),
    ("notifications", "0004_whatsapp_cloud"), ("presence", "0001_initial"),
    ("privacy", "0002_now_from_the_app_clock"), ("documents", "0001_initial"),
]
PERIOD = ["--from", "2026-10-01", "--to", "2026-11-30"]
LOGINS = {"audit_loginevent", "django_session", "offices_office"}  # the test's own logins; the new table
# the kabupaten's counts per office day, and its notes of changed days: made again after the migration
COUNTS = {"kabupaten_change", "kabupaten_daycount", "kabupaten_stepcount"}


def _figures(client, pimpinan) -> dict:
    sop = io.StringIO()
    call_command("sop_report", *PERIOD, "--format", "json", stdout=sop)
    client.force_login(pimpinan)
    ikm = client.get(reverse("survey:report"), {"periode": "rentang", "dari": "2026-10-01",
                                                "sampai": "2026-11-30"}).content.decode()
    return {"rows": {table: count for table, count in row_counts().items() if table not in LOGINS | COUNTS},
            "sop": json.loads(sop.getvalue()),
            "ikm": re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"|"X-CSRFToken": "[^"]+"', "", ikm),
            "queue": list(Visit.objects.order_by("pk").values_list("pk", "day", "queue_seq", "guest_name")),
            "kabupaten": _kabupaten()}


def _kabupaten() -> list:
    with no_office():
        overview = side_by_side(Period(date(2026, 10, 1), date(2026, 11, 30)), trend_to=date(2026, 11, 1))
    return [(row.visits, row.finished, row.remote, row.with_standard, row.within, row.trend,
             [(cell.number, cell.with_standard, cell.within) for cell in row.steps]) for row in overview.rows]


def _unsur_keyed_by_number() -> None:
    """BPKAD's unsur as every installation from before offices has them: their numbers are their ids (a
    test database flushed by an earlier test made them anew, with later ids)."""
    rows = list(Unsur.objects.order_by("number").values())
    Unsur.objects.all().delete()
    Unsur.objects.bulk_create(Unsur(**{**row, "id": row["number"]}) for row in rows)


def _migrate(targets) -> None:
    """To `targets`, or forward to the newest and then what `migrate` does after (the kabupaten's triggers:
    a migration that rebuilds a SQLite table drops its triggers)."""
    TenantQueryWatch.silenced = True  # the migrations read every row on purpose
    try:
        executor = MigrationExecutor(connection)
        executor.migrate(targets or executor.loader.graph.leaf_nodes())
        if not targets:
            triggers.ensure(connection)
    finally:
        TenantQueryWatch.silenced = False


def _columns(table: str) -> set[str]:
    TenantQueryWatch.silenced = True  # the introspection reads a row to learn the columns
    try:
        with connection.cursor() as cursor:
            return {column.name for column in connection.introspection.get_table_description(cursor, table)}
    finally:
        TenantQueryWatch.silenced = False


@pytest.mark.django_db(transaction=True)
def test_every_figure_is_the_same_after_the_migration_into_bpkad(client, django_user_model):
    _unsur_keyed_by_number()
    call_command("seed_demo", visits=150, days=50, password="demo-uji-123", no_train=True, stdout=io.StringIO())
    call_command("seed_survey_demo", stdout=io.StringIO())
    pimpinan = django_user_model.objects.get(username="pimpinan")
    before = _figures(client, pimpinan)
    assert before["queue"] and before["sop"] and before["rows"]["survey_answer"] > 0

    try:
        _migrate(BEFORE_OFFICES)
        assert "office_id" not in _columns("visits_visit")
        assert "offices_office" not in connection.introspection.table_names()
    finally:
        _migrate(None)  # the next tests of this worker need the schema as it is

    assert list(Office.objects.values_list("id", "code")) == [(1, "bpkad")]  # the rows' office, whatever id it had
    assert not Visit.all_offices.exclude(office_id=1).exists()
    assert VisitStep.all_offices.filter(office_id=1).exists()  # each step took its visit's office (visits 0017)
    assert not VisitStep.all_offices.exclude(office_id=F("visit__office_id")).exists()
    with acting_for(Office.objects.get()):  # the test's own office object is of before the round trip
        assert _figures(client, django_user_model.objects.get(username="pimpinan")) == before

