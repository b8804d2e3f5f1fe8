"""Stamps that every worker process of a server sees alike, kept in the sessions' cache
(settings.CACHES["sessions"]: a folder of files on one server, Redis across servers).

A stamp names the current state of something that changes rarely and is read on every request: the
roles and their permissions (pojok.security caches a user's permissions under it), the day's board
(visits.polls answers a poll with a 304 while it is unchanged). A writer calls `renew(name)`, which
drops the stamp now and again once its transaction has committed; the next reader makes a new random
one. A reader takes the stamp before it reads what the stamp names, so a stamp made after the commit
goes with the new state, and one made before it is dropped by the commit: a reader may send one
answer more, never a stale one. A stamp the cache lost (restart, culling, expiry) simply comes back as
a new one.
"""

import secrets

from django.conf import settings
from django.core.cache import caches
from django.db import transaction

STAMP_SECONDS = 5 * 60  # a change made behind the app's back (a restored backup) is seen within this


def _cache():
    return caches[settings.SESSION_CACHE_ALIAS]


def stamp(name: str) -> str:
    """The current stamp of `name` (a new one if the cache has none)."""
    key = f"stamp:{name}"
    value = _cache().get(key)
    if value is None:
        fresh = secrets.token_hex(8)
        _cache().add(key, fresh, STAMP_SECONDS)  # another worker may have made one a moment ago: theirs
        value = _cache().get(key) or fresh
    return value


def renew(name: str) -> None:
    """`name` changed: its stamp is dropped at once (what this transaction reads next is new), and again
    once the transaction has committed (another worker may have read the old state meanwhile and made a
    stamp for it). The next reader makes a new one. Dropping a file costs a writer less than writing one."""
    def drop():
        _cache().delete(f"stamp:{name}")
    drop()
    drop.stamp = name
    connection = transaction.get_connection()
    waiting = {getattr(func, "stamp", None) for _, func, _ in connection.run_on_commit}
    if connection.in_atomic_block and name not in waiting:  # once per transaction, however many writes
        transaction.on_commit(drop)


def get(key: str, make, timeout: int = STAMP_SECONDS):
    """The cached value of `key`, made by `make()` and kept if the cache has none."""
    return _cache().get_or_set(key, make, timeout)
