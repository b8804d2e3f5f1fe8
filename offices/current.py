"""The office a request, a command or a job acts for: one context variable that every tenant query reads.

The middleware (offices.middleware) sets it from the logged-in user's office, the paired device's or the
public page's address; commands, jobs and tests say `with acting_for(office):`. With no office set, a
tenant model's manager raises `NoOffice` instead of returning every office's rows: forgetting the office
is an error, never "all". The office's time zone governs its day while it is acted for.
"""

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from zoneinfo import ZoneInfo

from django.utils import timezone

_office: ContextVar = ContextVar("pojok_office", default=None)


class NoOffice(LookupError):
    """A tenant model was read or written with no office to act for."""


def get():
    """The office acted for, or None (a kabupaten user, a command before `acting_for`)."""
    return _office.get()


def office_id() -> int:
    office = _office.get()
    if office is None:
        raise NoOffice("Tidak ada kantor (OPD) yang sedang dilayani: data kantor tidak dibaca tanpa kantor.")
    return office.pk


@contextmanager
def acting_for(office) -> Iterator:
    """Read and write as `office` inside the block, in its time zone."""
    token = _office.set(office)
    try:
        with timezone.override(ZoneInfo(office.time_zone)):
            yield office
    finally:
        _office.reset(token)


@contextmanager
def no_office() -> Iterator:
    """Inside the block no office is acted for (the kabupaten's pages, which read figures only)."""
    token = _office.set(None)
    try:
        yield
    finally:
        _office.reset(token)


def streamed(office, chunks: Iterable) -> Iterator:
    """A streamed answer's chunks made as `office`: they are produced after the view has returned."""
    iterator = iter(chunks)
    while True:
        with acting_for(office):
            chunk = next(iterator, None)
        if chunk is None:
            return
        yield chunk
