"""The one safe way back: a "next" path a form or link carries, taken only when it stays on this site."""

from django.http import HttpRequest
from django.utils.http import url_has_allowed_host_and_scheme


def safe_next(request: HttpRequest, wanted: str, default: str = "") -> str:
    """`wanted` if it is a path on this site (same host, no scheme change), else `default`.

    Only a path: redirect() takes any other word for a URL name and fails on it, and a full URL could
    lead out of the app.
    """
    allowed = url_has_allowed_host_and_scheme(wanted, allowed_hosts={request.get_host()},
                                              require_https=request.is_secure())
    return wanted if allowed and wanted.startswith("/") else default
