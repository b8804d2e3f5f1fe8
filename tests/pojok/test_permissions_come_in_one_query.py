"""Every page's access check reads the user's permissions: the login backend reads their own and their
roles' in one query, answers exactly as Django's own backend does, and keeps them in the cache every
worker shares until a role or a permission changes."""

import os
import subprocess
import sys
from contextlib import contextmanager
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.models import Group, Permission
from django.db.models.signals import m2m_changed

from pojok import roles
from pojok.security import LoginBackend, watch_roles
from tests.factories import make_user

ROOT = Path(__file__).resolve().parents[2]


def fresh(user):
    return get_user_model().objects.get(pk=user.pk)  # nothing read yet


def django_says(user) -> set:
    return ModelBackend().get_all_permissions(fresh(user))


@pytest.mark.django_db
def test_a_role_and_a_permission_of_ones_own_in_one_query(django_assert_num_queries):
    user = make_user("wati", roles.PETUGAS)
    user.user_permissions.add(Permission.objects.get(codename="view_bidang"))
    user = fresh(user)

    with django_assert_num_queries(1):
        perms = LoginBackend().get_all_permissions(user)
        assert user.has_perm("routing.view_bidang") and user.has_perm(roles.FRONT_DESK_PERM)

    assert perms == django_says(user)
    assert "routing.view_bidang" in perms and roles.FRONT_DESK_PERM in perms
    assert not user.has_perm(roles.ROUTE_PERM)


@pytest.mark.django_db
@pytest.mark.parametrize("role", [roles.PETUGAS, roles.KASUBBAG, roles.STAF, roles.PIMPINAN, roles.ADMIN])
def test_every_role_gets_what_djangos_backend_gives(role):
    user = make_user("orang", role, bidang_code="anggaran")
    assert LoginBackend().get_all_permissions(fresh(user)) == django_says(user) != set()


@pytest.mark.django_db
def test_a_superuser_has_every_permission_and_an_inactive_user_none():
    boss = make_user("boss", is_superuser=True)
    gone = make_user("gone", roles.KASUBBAG, is_active=False)
    assert LoginBackend().get_all_permissions(fresh(boss)) == django_says(boss)
    assert len(LoginBackend().get_all_permissions(fresh(boss))) == Permission.objects.count()
    assert LoginBackend().get_all_permissions(fresh(gone)) == set()
    assert not fresh(gone).has_perm(roles.ROUTE_PERM)


@pytest.mark.django_db
def test_a_role_taken_away_is_gone_at_the_next_request():
    user = make_user("rudi", roles.KASUBBAG)
    assert fresh(user).has_perm(roles.ROUTE_PERM)
    user.groups.clear()
    assert not fresh(user).has_perm(roles.ROUTE_PERM)


# --- kept across requests in the shared cache, under the roles' stamp (pojok/shared.py) ---------------

@pytest.mark.django_db
def test_the_next_request_reads_no_permission_at_all(django_assert_num_queries):
    user = make_user("wati", roles.PETUGAS)
    assert fresh(user).has_perm(roles.FRONT_DESK_PERM)  # the first request reads them
    later = fresh(user)
    with django_assert_num_queries(0):
        assert later.has_perm(roles.FRONT_DESK_PERM) and not later.has_perm(roles.ROUTE_PERM)


@pytest.mark.django_db
@pytest.mark.parametrize("change", ["role_loses_permission", "role_deleted", "own_permission_removed",
                                    "made_superuser"])
def test_every_change_to_roles_or_permissions_is_seen_at_the_next_request(change):
    user = make_user("rudi", roles.KASUBBAG)
    user.user_permissions.add(Permission.objects.get(codename="view_bidang"))
    before = LoginBackend().get_all_permissions(fresh(user))
    assert {roles.ROUTE_PERM, "routing.view_bidang"} <= before
    group = Group.objects.get(name=roles.KASUBBAG)
    app, codename = roles.ROUTE_PERM.split(".")
    if change == "role_loses_permission":
        group.permissions.remove(Permission.objects.get(content_type__app_label=app, codename=codename))
    elif change == "role_deleted":
        group.delete()
    elif change == "own_permission_removed":
        user.user_permissions.clear()
    else:
        get_user_model().objects.filter(pk=user.pk).update(is_superuser=True)

    after = LoginBackend().get_all_permissions(fresh(user))
    assert after == django_says(user) != before


@pytest.mark.django_db(transaction=True)
def test_a_role_taken_away_by_another_worker_is_gone_here_too():
    """The stamp lives in the cache every worker shares: another process renewing it (what its
    `roles_changed` does after it took a role away) reaches this one's next request."""
    user = make_user("sari", roles.KASUBBAG)
    assert fresh(user).has_perm(roles.ROUTE_PERM)  # this worker has cached the permissions
    with muted_role_signals():  # the change is the other worker's: only the database sees it here
        user.groups.clear()
    assert fresh(user).has_perm(roles.ROUTE_PERM)  # still the cached set: the stamp has not moved yet

    other_worker("from pojok import shared; shared.renew('roles')")

    assert not fresh(user).has_perm(roles.ROUTE_PERM)


@contextmanager
def muted_role_signals():
    through = get_user_model().groups.through
    m2m_changed.disconnect(sender=through, dispatch_uid=f"roles_changed_{through._meta.label}")
    try:
        yield
    finally:
        watch_roles()


def other_worker(code: str) -> None:
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "tests.settings",
           "SESSION_CACHE_DIR": settings.CACHES[settings.SESSION_CACHE_ALIAS]["LOCATION"]}
    result = subprocess.run([sys.executable, "-c", f"import django; django.setup(); {code}"], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
