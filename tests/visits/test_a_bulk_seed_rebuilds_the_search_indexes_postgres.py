"""A large demo load on PostgreSQL drops the GIN search indexes and builds them again at the end
(visits/demo.py): afterwards every one is there, as it was, and finds the new rows."""

import io

import pytest
from django.core.management import call_command
from django.db import connection

from visits import demo
from visits.models import Visit

pytestmark = [
    pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's GIN indexes"),
    pytest.mark.django_db(transaction=True),  # CREATE INDEX after the load: not inside a test's transaction
]


def definitions() -> dict:
    with connection.cursor() as cursor:
        cursor.execute("SELECT indexname, indexdef FROM pg_indexes WHERE indexname = ANY(%s)",
                       [list(demo.SEARCH_INDEXES)])
        return dict(cursor.fetchall())


def test_the_indexes_come_back_as_they_were(monkeypatch, seeded):
    before = definitions()
    assert set(before) == set(demo.SEARCH_INDEXES)
    dropped = []
    monkeypatch.setattr(demo, "BULK_VISITS", 50)  # this load counts as large
    real_write = demo.DemoVisits._write

    def write(self, plans):
        dropped.append(set(definitions()))  # what exists while the rows are written
        real_write(self, plans)
    monkeypatch.setattr(demo.DemoVisits, "_write", write)

    call_command("seed_demo", visits=120, days=30, no_train=True, password="x", stdout=io.StringIO())

    assert dropped and all(found == set() for found in dropped)
    assert definitions() == before
    name = Visit.objects.exclude(guest_name="").values_list("guest_name", flat=True).first()
    assert Visit.objects.filter(guest_name__icontains=name.split()[-1]).exists()
