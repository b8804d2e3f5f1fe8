"""Every URL the project resolves, as every role, GET and POST: the answer the expectations table says.

The URLs come from the URL configuration itself (tests/trust/walk.py), so a new page is walked
without anyone adding it here, and a page missing from tests/trust/expectations.py fails this test
until its row says who may open it. Objects of another Bidang answer 404, never 403, so their
existence is not confirmed. Paired lobby devices have their own walk (tests/lobby/test_paired_devices.py).
"""

import pytest

from .expectations import expected
from .outcomes import outcome
from .walk import CHECKED, admin_has_object, concrete_url, url_names
from .world import ROLES, World

pytestmark = pytest.mark.django_db


def _answers(world: World, role: str, url: str) -> tuple[str, str]:
    """GET then POST (valid CSRF, no data), each from a fresh browser: a POST may log out or pair."""
    return (outcome(world.client(role).get(url)), outcome(world.client(role).post(url)))


@pytest.mark.parametrize("role", ROLES)
def test_every_url_answers_each_role_as_expected(role):
    world = World()
    missing, wrong = [], []
    for name in url_names():
        url = concrete_url(name, world)
        want = expected(name, role, user=world.user(role), has_object=admin_has_object(name))
        if want is None:
            missing.append(name)
            continue
        got = _answers(world, role, url)
        CHECKED[role] += 2
        for method, got_one, want_one in zip(("GET", "POST"), got, want, strict=True):
            if got_one != want_one:
                wrong.append(f"{method} {url} ({name}) as {role}: {got_one}, expected {want_one}")
    assert not (missing or wrong), "\n".join(wrong + [f"missing from tests/trust/expectations.py: {missing}"])
    assert CHECKED[role] == 2 * len(url_names())
