"""Data changes only by POST: a GET of any URL, as any role, leaves every table's row count as it was.

The documented exceptions: the visitor slip and the see-out screen make the visit's survey
invitation on first need, so that the QR code they show has a code behind it.
"""

import pytest

from .outcomes import changed, row_counts
from .walk import COUNTED, concrete_url, url_names
from .world import ROLES, World

pytestmark = pytest.mark.django_db

GET_WRITES = {"survey:invitation": {"survey_invitation"}, "visits:slip": {"survey_invitation"}}


@pytest.mark.parametrize("role", ROLES)
def test_a_get_changes_nothing(role):
    world = World()
    writes = []
    for name in url_names():
        url = concrete_url(name, world)
        client = world.client(role)
        before = row_counts()
        client.get(url)
        COUNTED["GETs checked to change no row"] += 1
        tables = set(changed(before, row_counts())) - GET_WRITES.get(name, set())
        if tables:
            writes.append(f"GET {url} ({name}) as {role} changed {sorted(tables)}")
    assert not writes, "\n".join(writes)
