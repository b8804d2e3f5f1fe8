"""Writes a LoginEvent for each login, logout, failed login and lockout.

Signals are used because these events are raised inside Django's and django-axes' own views;
this module only records them and changes nothing else.
"""

from axes.signals import user_locked_out
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver

from pojok.security import client_ip

from .models import LoginEvent

USERNAME_MAX = LoginEvent._meta.get_field("username").max_length
AGENT_MAX = LoginEvent._meta.get_field("user_agent").max_length


def record(kind: str, *, request=None, username: str = "", user=None, by=None) -> LoginEvent:
    return LoginEvent.objects.create(
        kind=kind,
        username=(username or getattr(user, "username", "") or "")[:USERNAME_MAX],
        user=user if user is not None and user.pk else None,
        ip_address=client_ip(request) if request is not None else None,
        user_agent=(request.META.get("HTTP_USER_AGENT", "") if request is not None else "")[:AGENT_MAX],
        by=by,
    )


@receiver(user_logged_in, dispatch_uid="audit_login")
def on_login(sender, request, user, **kwargs):
    record(LoginEvent.Kind.LOGIN, request=request, user=user)


@receiver(user_logged_out, dispatch_uid="audit_logout")
def on_logout(sender, request, user, **kwargs):
    if user is None:  # a logout without a login changes nothing worth keeping
        return
    idle = getattr(request, "idle_logout", False)
    record(LoginEvent.Kind.IDLE_LOGOUT if idle else LoginEvent.Kind.LOGOUT, request=request, user=user)


@receiver(user_login_failed, dispatch_uid="audit_login_failed")
def on_login_failed(sender, credentials, request=None, **kwargs):
    # A try refused while locked out is kept as the lockout (on_locked_out), not as a password guessed:
    # only guesses count towards the slow-down of a username (audit/logins.py).
    if getattr(request, "password_not_checked", False):
        return
    # credentials arrive with the password already masked; only the username is taken.
    record(LoginEvent.Kind.LOGIN_FAILED, request=request, username=str(credentials.get("username") or ""))


@receiver(user_locked_out, dispatch_uid="audit_locked_out")
def on_locked_out(sender, request, username, ip_address, **kwargs):
    record(LoginEvent.Kind.LOCKED_OUT, request=request, username=str(username or ""))
