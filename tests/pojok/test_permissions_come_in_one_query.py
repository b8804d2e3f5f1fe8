"""Every page's access check reads the user's permissions: the login backend reads their own and their
roles' in one query, and answers exactly as Django's own backend does."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.models import Permission

from pojok import roles
from pojok.security import LoginBackend
from tests.factories import make_user


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
