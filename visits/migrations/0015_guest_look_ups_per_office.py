"""The returning-guest look-up reads one office's guests: its trigram GIN indexes lead with the office
(btree_gin, migration 0012). Among an office's many guests the planner then reads the name through the
trigram index (tests/visits/test_look_ups_use_their_indexes_postgres.py); with the name-only index of
0011 it read all of the office's rows instead."""

from django.db import migrations

from offices.migrations_support import on_postgresql

FORWARD = [
    "DROP INDEX IF EXISTS visit_guest_name_trgm",
    "DROP INDEX IF EXISTS visit_phone_trgm",
    "CREATE INDEX visit_guest_name_trgm ON visits_visit USING gin (office_id, UPPER(guest_name) gin_trgm_ops)",
    "CREATE INDEX visit_phone_trgm ON visits_visit USING gin (office_id, phone gin_trgm_ops)",
    "ANALYZE visits_visit",
]
BACKWARD = [
    "DROP INDEX IF EXISTS visit_guest_name_trgm",
    "DROP INDEX IF EXISTS visit_phone_trgm",
    "CREATE INDEX visit_guest_name_trgm ON visits_visit USING gin (UPPER(guest_name) gin_trgm_ops)",
    "CREATE INDEX visit_phone_trgm ON visits_visit USING gin (phone gin_trgm_ops)",
]


class Migration(migrations.Migration):
    dependencies = [
        ("visits", "0014_every_row_is_an_offices"),
    ]

    operations = [
        migrations.RunPython(on_postgresql(FORWARD), on_postgresql(BACKWARD)),
    ]
