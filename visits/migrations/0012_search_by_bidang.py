"""The consultation history's word search inside one Bidang (issue 17), on PostgreSQL only.

Staff search their own Bidang's history: with the search vector alone GIN-indexed, a word common in
other Bidang made PostgreSQL read every match of the whole office and drop the others' (80,000 rows
read for 106 kept at a million visits). One GIN index on (bidang_id, search_vector) (btree_gin lets a
GIN index hold the plain column) finds the Bidang's matches only; a GIN index serves a condition on
any of its columns, so it also serves the managers' search of every Bidang and replaces the old one.

A word common in the Bidang's history is found faster by walking the history newest first until the
newest 1,001 matches are in (visits/search.py ranks only those): a B-tree on (bidang, id DESC), on
both databases, lets that walk read the Bidang's rows only (356 ms to 48 ms at a million visits).
"""

from django.contrib.postgres.operations import BtreeGinExtension
from django.db import migrations, models

from offices.migrations_support import on_postgresql

FORWARD = [
    "CREATE INDEX IF NOT EXISTS consultation_bidang_search ON visits_consultation "
    "USING gin (bidang_id, search_vector)",
    "DROP INDEX IF EXISTS consultation_search_vector",
    "ANALYZE visits_consultation",
]
BACKWARD = [
    "CREATE INDEX IF NOT EXISTS consultation_search_vector ON visits_consultation USING gin (search_vector)",
    "DROP INDEX IF EXISTS consultation_bidang_search",
]


class Migration(migrations.Migration):

    dependencies = [
        ("visits", "0011_search_indexes"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="consultation",
            index=models.Index(fields=["bidang", "-id"], name="consultation_bidang_newest"),
        ),
        BtreeGinExtension(),  # CREATE EXTENSION IF NOT EXISTS btree_gin; nothing on SQLite
        migrations.RunPython(on_postgresql(FORWARD), on_postgresql(BACKWARD)),
    ]
