"""A named lock held until the end of the current transaction: "count, then write" without a gap.

PostgreSQL: an advisory transaction lock. SQLite needs none: this app's SQLite transactions are
IMMEDIATE (pojok.settings), so each one already holds the database's write lock from its start.
"""

import hashlib

from django.db import connection


def hold(name: str) -> None:
    """Wait for the lock `name` and keep it until the transaction ends (call inside transaction.atomic)."""
    if not connection.in_atomic_block:
        raise RuntimeError("pojok.locks.hold() needs a transaction")
    if connection.vendor == "postgresql":
        number = int.from_bytes(hashlib.sha256(name.encode()).digest()[:8], "big", signed=True)
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [number])
