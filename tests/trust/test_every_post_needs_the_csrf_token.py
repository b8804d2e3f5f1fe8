"""CSRF is enforced on every form: a POST without the token is refused (403) and changes nothing.

Every URL that accepts a POST (from the same walk as the access test) is posted to as a role the
expectations table lets through, so the refusal seen is the CSRF check and not the role check.
"""

import pytest

from lobby.models import Device
from tests.lobby.conftest import pair_device

from .expectations import expected
from .outcomes import changed, row_counts
from .walk import COUNTED, admin_has_object, concrete_url, url_names
from .world import ROLES, World

pytestmark = pytest.mark.django_db

REFUSED = {"403", "404", "405", "admin-login"}


def _who_may_post(name: str, world: World) -> str | None:
    """The first role whose POST gets past the role checks (a page, a redirect on, a form's 400)."""
    for role in ROLES:
        get, post = expected(name, role, user=world.user(role), has_object=admin_has_object(name, world))
        if post not in REFUSED and not (post == "login" and get == "login"):
            return role
    return None


def _refused_for_csrf(response) -> bool:
    return response.status_code == 403 and b"CSRF" in response.content


def test_every_post_without_the_token_is_refused_and_changes_nothing():
    world = World()
    posted, wrong = [], []
    for name in url_names():
        role = _who_may_post(name, world)
        if role is None:
            continue
        url = concrete_url(name, world)
        client = world.client(role, enforce_csrf_checks=True)
        before = row_counts()
        response = client.post(url, {"note": "tanpa token"})
        tables = changed(before, row_counts())
        if not _refused_for_csrf(response) or tables:
            wrong.append(f"POST {url} ({name}) as {role}: {response.status_code}, changed {tables}")
        posted.append(name)
        COUNTED["POSTs without a CSRF token refused"] += 1
    assert not wrong, "\n".join(wrong)
    assert {"visits:check_in", "visits:move", "visits:triage_route", "visits:consultation", "login", "logout",
            "survey:answer", "lobby:pair", "admin:routing_bidang_add"} <= set(posted)


def test_the_kiosk_refuses_a_post_without_the_token(admin_user):
    _, kiosk = pair_device(name="Tablet pintu", kind=Device.Kind.KIOSK, by=admin_user)
    kiosk.handler.enforce_csrf_checks = True
    before = row_counts()
    response = kiosk.post("/kios/", {"guest_name": "Siti", "origin": "Dinas", "keperluan": "SPJ"})
    assert _refused_for_csrf(response)
    assert row_counts() == before
