"""`office` in every template: the office the page acts for (None on the kabupaten's pages)."""

from . import current


def office(request):
    return {"office": current.get()}
