"""Indexed look-ups on PostgreSQL (issue 17); SQLite keeps its plain path and gets nothing here.

- pg_trgm GIN indexes on the returning-guest look-up's columns: UPPER(guest_name), as Django's
  icontains compares, and phone, for LIKE '%...%';
- the consultation history's search vector, stored (a generated column, no trigger) and GIN-indexed:
  the same text visits/search.py matches, so a word no longer rebuilds the vector of every row.

The model does not declare the column or the indexes: they exist only where the database has them,
and visits/search.py reads the column only on PostgreSQL.
"""

from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations

from offices.migrations_support import on_postgresql

SEARCH_TEXT = ("coalesce(problem, '') || ' ' || coalesce(outcome, '') || ' ' || coalesce(other_documents, '')")

FORWARD = [
    "CREATE INDEX IF NOT EXISTS visit_guest_name_trgm ON visits_visit USING gin (UPPER(guest_name) gin_trgm_ops)",
    "CREATE INDEX IF NOT EXISTS visit_phone_trgm ON visits_visit USING gin (phone gin_trgm_ops)",
    "ALTER TABLE visits_consultation ADD COLUMN IF NOT EXISTS search_vector tsvector "
    f"GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, {SEARCH_TEXT})) STORED",
    "CREATE INDEX IF NOT EXISTS consultation_search_vector ON visits_consultation USING gin (search_vector)",
    "ANALYZE visits_visit",
    "ANALYZE visits_consultation",
]
BACKWARD = [
    "DROP INDEX IF EXISTS consultation_search_vector",
    "ALTER TABLE visits_consultation DROP COLUMN IF EXISTS search_vector",
    "DROP INDEX IF EXISTS visit_phone_trgm",
    "DROP INDEX IF EXISTS visit_guest_name_trgm",
]


class Migration(migrations.Migration):

    dependencies = [
        ("visits", "0010_channels"),
    ]

    operations = [
        TrigramExtension(),  # CREATE EXTENSION IF NOT EXISTS pg_trgm; nothing on SQLite
        migrations.RunPython(on_postgresql(FORWARD), on_postgresql(BACKWARD)),
    ]
