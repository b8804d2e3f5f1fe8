"""Idle timeout: a person's session ends after SESSION_IDLE_SECONDS without activity.

Desk PCs are shared and often left logged in. Only what a person does counts as activity: the
board, triage and inbox lists refresh themselves every few seconds, and static/js/pojok.js marks
those timed htmx requests with the POLL_HEADER, which neither refreshes the clock nor keeps the
session alive. Paired lobby devices have no person logged in and are never touched here.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.http import HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext

from pojok import clock

LAST_ACTIVITY = "pojok_last_activity"
POLL_HEADER = "X-Pojok-Poll"
# Writing the session on every click costs a database write each time; a resolution of a few
# seconds (never more than a tenth of the idle time) is invisible next to the timeout.
RESOLUTION_SECONDS = 15


def start_clock(sender, request, user, **kwargs) -> None:
    """At login (connected in apps.py): the clock starts with the session, not at its first page."""
    if request is not None and hasattr(request, "session"):
        request.session[LAST_ACTIVITY] = clock.timestamp()


def is_poll(request) -> bool:
    return request.headers.get(POLL_HEADER) == "1"


class IdleSessionMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated:
            now = clock.timestamp()
            last = request.session.get(LAST_ACTIVITY)
            if last is not None and now - last > settings.SESSION_IDLE_SECONDS:
                return self._expire(request)
            # A session that has no clock yet gets one even from a poll, so it can still expire.
            resolution = min(RESOLUTION_SECONDS, settings.SESSION_IDLE_SECONDS // 10)
            if last is None or (not is_poll(request) and now - last >= resolution):
                request.session[LAST_ACTIVITY] = now
        return self.get_response(request)

    def _expire(self, request):
        request.idle_logout = True  # the audit log records this logout as a timeout
        next_path = _page_path(request)
        logout(request)
        minutes = settings.SESSION_IDLE_SECONDS // 60
        messages.warning(request, gettext(
            "Sesi Anda berakhir karena tidak ada aktivitas selama %(minutes)d menit. Silakan masuk lagi."
        ) % {"minutes": minutes})
        login_url = reverse("login")
        if next_path:
            login_url += "?" + urlencode({"next": next_path})
        if request.headers.get("HX-Request"):
            # A poll must not swap the login page into a table: htmx sends the whole page there.
            response = HttpResponse()
            response["HX-Redirect"] = login_url
            return response
        return redirect(login_url)


def _page_path(request) -> str:
    """The page to come back to after logging in again: the page itself, not its partial."""
    if request.headers.get("HX-Request"):
        try:
            current = urlsplit(request.headers.get("HX-Current-URL", ""))
        except ValueError:  # a garbled header only loses the way back
            return ""
        return current.path + (f"?{current.query}" if current.query else "")
    return request.get_full_path() if request.method == "GET" else ""
