"""When the database stops answering: one log line when it starts, one with its length when it ends.

Every request that meets the outage answers the 503 page (pojok.errors) and adds one mark to a small
state file; the first one creates the file and logs the start. The first request afterwards that
finds the database answering again removes the file and logs how long the outage lasted and how many
requests it refused. The file is shared by every gunicorn worker of this server, so each outage is
logged once per server, not once per worker or per request.
"""

import hashlib
import logging
import os
import tempfile
from datetime import datetime
from pathlib import Path

from django.conf import settings
from django.db import DatabaseError, InterfaceError, OperationalError, connection

from . import clock

OUTAGE_ERRORS = (OperationalError, InterfaceError)  # the database is unreachable, not a query's fault
logger = logging.getLogger("pojok.outage")


def is_outage(error: BaseException | None) -> bool:
    return isinstance(error, OUTAGE_ERRORS)


def state_file() -> Path:
    if getattr(settings, "OUTAGE_STATE_FILE", ""):
        return Path(settings.OUTAGE_STATE_FILE)
    database = settings.DATABASES["default"]
    identity = f"{settings.BASE_DIR}|{database.get('HOST')}|{database.get('PORT')}|{database.get('NAME')}"
    return Path(tempfile.gettempdir()) / f"pojok-outage-{hashlib.sha256(identity.encode()).hexdigest()[:16]}"


def failed(error: BaseException) -> None:
    """A request met the database down: the first one logs the start, every one is counted."""
    path = state_file()
    try:
        marks = os.open(path, os.O_WRONLY | os.O_APPEND)
    except FileNotFoundError:
        _start(path, error)
        return
    with os.fdopen(marks, "a") as file:
        file.write(".")


def _start(path: Path, error: BaseException) -> None:
    try:
        created = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    except FileExistsError:  # another worker started it a moment ago
        return
    with os.fdopen(created, "w") as file:
        file.write(clock.now().isoformat() + "\n.")
    logger.error("database unreachable",
                 extra={"event": "database_unreachable", "error": type(error).__name__})


def ongoing() -> bool:
    return state_file().exists()


def answered() -> None:
    """The database answered: if an outage was on, end it and log its length (once)."""
    path = state_file()
    try:
        text = path.read_text()
        path.unlink()
    except FileNotFoundError:
        return  # no outage, or another worker is ending it
    started, _, marks = text.partition("\n")
    try:
        seconds = round((clock.now() - datetime.fromisoformat(started)).total_seconds(), 1)
    except ValueError:
        seconds = None
    logger.warning("database reachable again", extra={
        "event": "database_outage", "started_at": started, "duration_seconds": seconds,
        "failed_requests": len(marks)})


def probe() -> None:
    """During an outage, after a request that did not fail: is the database back? (one cheap query)"""
    if not ongoing():
        return
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError:
        return
    answered()


class NotAnOutage(logging.Filter):
    """For Django's request logger: a request refused by an outage is not logged one by one."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not (record.exc_info and is_outage(record.exc_info[1]))
