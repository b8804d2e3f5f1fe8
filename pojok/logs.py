"""Running it like a service: one JSON line per request and per scheduled job, each request with an id.

The request id (32 hex characters) is in the `X-Request-ID` response header, in the log line and on
the 500 and 503 pages, so a person's report ("kode laporan ...") can be found in the log. A line never
carries a guest's name, phone or typed text: no query string, no form data, and the path's secret or
free-text parts (a survey code, a pairing token) are replaced by their names.
"""

import logging
import time
import uuid
from contextlib import contextmanager

from django.utils.functional import empty
from pythonjsonlogger.core import RESERVED_ATTRS
from pythonjsonlogger.json import JsonFormatter as _JsonFormatter

from . import outage

logger = logging.getLogger("pojok.request")
job_logger = logging.getLogger("pojok.job")
HEADER = "X-Request-ID"


class JsonFormatter(_JsonFormatter):
    """python-json-logger's formatter, never writing the request object Django attaches to its records
    (its text holds the query string, where a typed name may be)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("reserved_attrs", [*RESERVED_ATTRS, "request", "taskName"])
        super().__init__(*args, **kwargs)


def new_request_id() -> str:
    return uuid.uuid4().hex


def _user_id(request):
    """The user's id if the request already loaded the user; never a database query just to log."""
    user = getattr(request, "user", None)
    if user is None or getattr(user, "_wrapped", None) is empty:
        return None
    return user.pk if user.is_authenticated else None


def loggable_path(request) -> str:
    """The path with every text part of the URL (a code, a token) replaced by its name: ids stay."""
    path, match = request.path, getattr(request, "resolver_match", None)
    for name, value in (match.kwargs.items() if match else ()):
        if isinstance(value, str) and value:
            path = path.replace(value, f"<{name}>")
    return path


class RequestLogMiddleware:
    """First in MIDDLEWARE: it sees every answer, the error pages' included."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.id = new_request_id()
        _tag_error_reports(request.id)
        started = time.perf_counter()
        response = self.get_response(request)
        response[HEADER] = request.id
        if not getattr(request, "met_outage", False):
            outage.probe()
        logger.info("request", extra={
            "event": "request", "request_id": request.id, "user_id": _user_id(request),
            "method": request.method, "path": loggable_path(request), "view": _view_name(request),
            "status": response.status_code, "duration_ms": round((time.perf_counter() - started) * 1000, 1)})
        return response


def _tag_error_reports(request_id: str) -> None:
    """An error report (pojok/sentry.py) names the request id, like the 500 page and the log line."""
    import sentry_sdk

    sentry_sdk.set_tag("request_id", request_id)


def _view_name(request) -> str:
    match = getattr(request, "resolver_match", None)
    return match.view_name if match else ""


@contextmanager
def job_run(name: str):
    """One line per run of a scheduled job: its name, id, outcome and how long it took."""
    run_id, started = new_request_id(), time.perf_counter()
    line = {"event": "job", "job": name, "run_id": run_id}
    try:
        yield run_id
    except BaseException as error:
        job_logger.error("job failed", extra={**line, "status": "error", "error": type(error).__name__,
                                             "duration_ms": _since(started)})
        raise
    job_logger.info("job done", extra={**line, "status": "ok", "duration_ms": _since(started)})


def _since(started: float) -> float:
    return round((time.perf_counter() - started) * 1000, 1)
