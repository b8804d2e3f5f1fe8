"""Every URL the project resolves, as every role, GET and POST: the answer the expectations table says,
and never a word of another office.

The URLs come from the URL configuration itself (tests/trust/walk.py), so a new page is walked
without anyone adding it here, and a page missing from tests/trust/expectations.py fails this test
until its row says who may open it. Objects of another Bidang answer 404, never 403, so their
existence is not confirmed. Paired lobby devices have their own walk (tests/lobby/test_paired_devices.py).

Two offices share the server: BPKAD's every role walks, and Bappeda's (from the generic template) walks
as its guest, desk, staff and admin. Each answer, page or export, is read for the other office's guests
and people: none may appear.
"""

import pytest

from offices.current import acting_for

from .expectations import expected
from .outcomes import outcome
from .walk import CHECKED, admin_has_object, concrete_url, url_names
from .world import ROLES, World, other_world

pytestmark = pytest.mark.django_db

WALKS = [("bpkad", role) for role in ROLES] + [("bappeda", role) for role in ("anon", "petugas", "staf", "admin")]


def _read(response) -> str:
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return body.decode(errors="replace")


def _answers(world: World, role: str, url: str, secrets: list[str], leaks: list[str]) -> tuple[str, str]:
    """GET then POST (valid CSRF, no data), each from a fresh browser: a POST may log out or pair."""
    answers = []
    for method in ("get", "post"):
        response = getattr(world.client(role), method)(url)
        text = _read(response)
        leaks += [f"{method.upper()} {url} as {role} shows {secret!r}" for secret in secrets if secret in text]
        answers.append(outcome(response))
    return tuple(answers)


def _worlds(office: str):
    """(the office walked, the other one), each with guests in every state."""
    bappeda = other_world()
    bpkad = World()
    bpkad.populate()
    return (bpkad, bappeda) if office == "bpkad" else (bappeda, bpkad)


@pytest.mark.parametrize("office, role", WALKS)
def test_every_url_answers_each_role_as_expected(office, role):
    world, other = _worlds(office)
    missing, wrong, leaks = [], [], []
    key = f"{office}:{role}"
    with acting_for(world.office):
        for name in url_names():
            url = concrete_url(name, world)
            want = expected(name, role, user=world.user(role), has_object=admin_has_object(name, world))
            if want is None:
                missing.append(name)
                continue
            got = _answers(world, role, url, other.secrets(), leaks)
            CHECKED[key] += 2
            for method, got_one, want_one in zip(("GET", "POST"), got, want, strict=True):
                if got_one != want_one:
                    wrong.append(f"{method} {url} ({name}) as {role}: {got_one}, expected {want_one}")
    assert not (missing or wrong or leaks), "\n".join(
        wrong + leaks + [f"missing from tests/trust/expectations.py: {missing}"])
    assert CHECKED[key] == 2 * len(url_names())
