"""Security helpers shared by the login throttle, the audit log and every response.

`client_ip` is the one place that decides which address a request comes from; the
Content-Security-Policy header tells browsers to run only the app's own files.
"""

import hashlib
import ipaddress

from axes.backends import AxesStandaloneBackend
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.models import Group, Permission
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.shortcuts import render

from . import shared


def client_ip(request) -> str | None:
    """The client's address: REMOTE_ADDR, or behind our proxy the one nginx saw.

    nginx's `$proxy_add_x_forwarded_for` appends the address it was connected from to whatever the
    client sent, so only the right-most entry is trustworthy; the left-most can be forged by anyone.
    """
    if settings.BEHIND_PROXY:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        hops = [hop.strip() for hop in forwarded.split(",") if hop.strip()]
        if hops and _is_ip(hops[-1]):
            return hops[-1]
    remote = request.META.get("REMOTE_ADDR", "")
    return remote if _is_ip(remote) else None


def fingerprint(address: str) -> str:
    """A keyed fingerprint of a network address: enough to count a sender, useless to trace one."""
    return hashlib.sha256(f"{settings.SECRET_KEY}:{address}".encode()).hexdigest()[:16]


def _is_ip(text: str) -> bool:
    try:
        ipaddress.ip_address(text)
    except ValueError:
        return False
    return True


class LoginBackend(AxesStandaloneBackend, ModelBackend):
    """Django's own backend behind django-axes' lockout check, as one backend.

    A single backend keeps `User.objects.with_perm()` working without naming a backend at every
    call. The axes check raises while a username or address is locked out, so no password is even
    tried; otherwise Django checks the password as usual.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        try:
            AxesStandaloneBackend.authenticate(self, request, username=username, password=password, **kwargs)
        except PermissionDenied:
            if request is not None:  # locked out: the audit log keeps it as a lockout, not a guess
                request.password_not_checked = True
            raise
        return ModelBackend.authenticate(self, request, username=username, password=password, **kwargs)

    def get_user(self, user_id):
        """The logged-in user with their office, in the one query every page makes anyway."""
        users = get_user_model()._default_manager.select_related("office")
        user = users.filter(pk=user_id).first()
        if user is None:
            return None
        return user if self.user_can_authenticate(user) else None

    def get_all_permissions(self, user_obj, obj=None):
        """The user's own permissions and their roles', read in one query (Django's backend reads them in
        two) and kept in the shared cache under the roles' stamp: every page's access check reads them,
        and any change to a role, a user's roles or permissions renews the stamp (`roles_changed`), so
        the next request of every worker reads them again. Kept on the user for the request too."""
        if not user_obj.is_active or user_obj.is_anonymous or obj is not None:
            return set()
        if not hasattr(user_obj, "_perm_cache"):
            key = f"perms:{user_obj.pk}:{int(user_obj.is_superuser)}:{shared.stamp('roles')}"
            user_obj._perm_cache = shared.get(key, lambda: _read_permissions(user_obj))
        return user_obj._perm_cache


def _read_permissions(user) -> set[str]:
    perms = Permission.objects.all()
    if not user.is_superuser:
        perms = perms.filter(Q(user=user) | Q(group__user=user))
    return {f"{app}.{codename}" for app, codename in perms.values_list(
        "content_type__app_label", "codename").order_by().distinct()}


def roles_changed(**kwargs) -> None:
    """A role, its permissions, or whose roles they are changed: every cached permission set is old."""
    shared.renew("roles")


def watch_roles() -> None:
    """Connect `roles_changed` to every way roles and permissions change (pojok.apps)."""
    user = get_user_model()
    for through in (user.groups.through, user.user_permissions.through, Group.permissions.through):
        m2m_changed.connect(roles_changed, sender=through, dispatch_uid=f"roles_changed_{through._meta.label}")
    for model in (Group, Permission):
        for signal in (post_save, post_delete):
            signal.connect(roles_changed, sender=model, dispatch_uid=f"roles_changed_{model._meta.label}_{signal}")


def login_username(request, credentials=None) -> str | None:
    """The username django-axes counts and stores, cut to what a username can be (150 characters).

    Its own column holds 255: a longer name typed on any login form would fail on PostgreSQL.
    """
    name = credentials.get("username") if credentials else request.POST.get("username")
    return name[:150] if isinstance(name, str) else name


def lockout_response(request, original_response=None, credentials=None):
    """The page django-axes shows instead of the login form while a username or address is locked."""
    context = {
        "failure_limit": settings.AXES_FAILURE_LIMIT,
        "lockout_minutes": int(settings.AXES_COOLOFF_TIME.total_seconds() // 60),
    }
    return render(request, "registration/locked_out.html", context, status=429)


class ContentSecurityPolicyMiddleware:
    """Adds the Content-Security-Policy header (Django 5.2 has none of its own)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Content-Security-Policy", settings.CONTENT_SECURITY_POLICY)
        return response
