"""Guessing passwords stays slow, and nobody can keep a named person out of their own account.

django-axes locks the pair (username, address) after LOGIN_FAILURE_LIMIT failures (pojok.settings):
a stranger's failures lock the stranger's own pair, never the person's at their desk, and never the
other PCs behind the office's NAT. Across all addresses together, a username that keeps failing is
slowed down instead: after LOGIN_FAILURE_LIMIT failures in the lockout time, the next password for it
is checked only a while after the last failure (1 s, 2 s, 4 s ... up to LOGIN_SLOWDOWN_MAX_SECONDS).
The count starts again after a login with the right password or the admin's unlock.

A browser where the person logged in before is known (a signed cookie holding a keyed fingerprint of
the username, set at each login) and is never slowed down: the person at their own PC logs in at once
however many addresses are guessing their password; they need only their password.
"""

import math

from django.conf import settings
from django.core import signing
from django.db.models import Count, Max
from django.utils.translation import gettext_lazy

from pojok import clock
from pojok.security import fingerprint

from .models import LoginEvent

COOKIE = "pojok_browser"
COOKIE_SALT = "pojok.known-browser"
KNOWN_KEPT = 10  # people who share a desk PC


def _mark(username: str) -> str:
    return fingerprint(f"login:{username}")


def known_marks(request) -> list[str]:
    try:
        return signing.loads(request.COOKIES.get(COOKIE, ""), salt=COOKIE_SALT,
                             max_age=settings.LOGIN_KNOWN_BROWSER_DAYS * 86400)
    except (signing.BadSignature, TypeError):
        return []


def is_known_browser(request, username: str) -> bool:
    return _mark(username) in known_marks(request)


def seconds_to_wait(request, username: str | None) -> int:
    """0 when this password may be checked now; otherwise the seconds until it may."""
    if not username or request is None or is_known_browser(request, username):
        return 0
    username = username[:150]
    events = LoginEvent.objects.filter(username=username)
    # Counting starts again after a login with the right password, or the admin's "Buka kunci".
    cleared = events.filter(kind__in=[LoginEvent.Kind.LOGIN, LoginEvent.Kind.UNLOCKED]).aggregate(
        at=Max("at"))
    since = max(filter(None, [clock.now() - settings.AXES_COOLOFF_TIME, cleared["at"]]))
    failures = events.filter(kind=LoginEvent.Kind.LOGIN_FAILED, at__gt=since).aggregate(
        count=Count("pk"), last=Max("at"))
    over = failures["count"] - settings.AXES_FAILURE_LIMIT
    if over < 0:
        return 0
    delay = min(2 ** over, settings.LOGIN_SLOWDOWN_MAX_SECONDS)
    return max(0, math.ceil(delay - (clock.now() - failures["last"]).total_seconds()))


def remember_login(sender, request, user, **kwargs) -> None:
    """At each login (user_logged_in): KnownBrowserMiddleware marks this browser as the person's."""
    if request is not None:
        request.known_login = user.get_username()


class KnownBrowserMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        username = getattr(request, "known_login", None)
        if username:
            marks = [_mark(username), *(m for m in known_marks(request) if m != _mark(username))][:KNOWN_KEPT]
            response.set_cookie(COOKIE, signing.dumps(marks, salt=COOKIE_SALT),
                                max_age=settings.LOGIN_KNOWN_BROWSER_DAYS * 86400, httponly=True,
                                secure=settings.SESSION_COOKIE_SECURE, samesite="Lax")
        return response


class SlowDownMixin:
    """For the login forms (the app's and the admin's): a slowed-down username is told how long to wait,
    and its password is not checked (no failure is counted, no lockout comes of it)."""

    slowed_down_message = gettext_lazy(
        "Akun ini sedang dicoba dari banyak tempat dengan sandi yang salah. Demi keamanan, tunggu "
        "%(seconds)d detik lalu coba lagi. Dari komputer yang biasa Anda pakai untuk masuk, Anda tidak "
        "perlu menunggu.")

    def clean(self):
        from axes.handlers.proxy import AxesProxyHandler
        from django.core.exceptions import ValidationError

        username = self.cleaned_data.get("username")
        wait = seconds_to_wait(self.request, username)
        if wait and not AxesProxyHandler.is_locked(self.request, {"username": username}):
            raise ValidationError(self.slowed_down_message, code="slowed_down", params={"seconds": wait})
        return super().clean()
