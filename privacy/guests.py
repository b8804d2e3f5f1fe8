"""One guest's personal data on request (UU 27/2022): find it, export it, erase it.

A guest is searched by name (case and spacing ignored), phone (normalised as at the desk) and/or
e-mail; a row matches on any of them, so the admin sees every candidate and unticks a namesake.
Holders that `match` a guest are listed row by row; holders that follow a `visit` come with the
visits chosen. Export and erasure act only on the rows chosen *and* still matching the search, so a
forged row number can never reach another guest's data.
"""

import re
from dataclasses import dataclass, field
from functools import reduce
from operator import or_

from django.db import transaction
from django.db.models import Q, QuerySet

from offices.current import office_id
from pojok import clock, shared
from visits.polls import board

from .holders import HOLDERS, VISIT, Holder
from .models import Kind, PersonalDataLog


@dataclass(frozen=True)
class Guest:
    """What the guest gave to be found by: any of the three, already normalised."""

    name: str = ""
    phone: str = ""
    email: str = ""

    def criteria(self) -> dict[str, str]:
        return {key: value for key, value in vars(self).items() if value}


@dataclass
class Found:
    """One holder's rows of the guest."""

    holder: Holder
    rows: QuerySet
    listed: bool = field(default=True)  # its rows are shown to be chosen (else they follow the visits)

    def values(self) -> list[dict]:
        return list(self.rows.order_by("pk").values("pk", *self.holder.shown, *self.holder.personal))


def row_id(holder: Holder, pk) -> str:
    """The value of a row's checkbox: the holder and the row, e.g. "visits.visit:12"."""
    return f"{holder.key}:{pk}"


_LOOKUPS = {  # guest key -> the condition on a holder's column
    "name": lambda column, value: Q(**{f"{column}__iregex": _name_pattern(value)}),
    "phone": lambda column, value: Q(**{column: value}),  # both sides normalised: +62...
    "email": lambda column, value: Q(**{f"{column}__iexact": value}),
}


def matching(holder: Holder, guest: Guest) -> QuerySet | None:
    """The holder's rows matching the guest on any given key, or None when it has no such key."""
    parts = [_LOOKUPS[key](holder.match[key], value) for key, value in guest.criteria().items()
             if key in holder.match]
    if not parts:
        return None
    return holder.rows().filter(reduce(or_, parts))


def _name_pattern(name: str) -> str:
    """The name with any case and any spacing between its words ("siti  aminah" is "Siti Aminah")."""
    return r"^\s*" + r"\s+".join(re.escape(word) for word in name.split()) + r"\s*$"


def find_guest(guest: Guest, chosen: set[str] | None = None) -> list[Found]:
    """Every holder's rows of the guest: all candidates, or only the `chosen` rows (and what follows them)."""
    found, visit_ids = [], None
    for holder in (h for h in HOLDERS if h.match):
        rows = matching(holder, guest)
        if rows is None:
            continue
        if chosen is not None:
            rows = rows.filter(pk__in=_pks(holder, chosen))
        found.append(Found(holder, rows))
        if holder.model == VISIT:
            visit_ids = rows.values("pk")
    if visit_ids is not None:
        found += [Found(h, h.rows().filter(**{f"{h.visit}__in": visit_ids}), listed=False)
                  for h in HOLDERS if h.visit]
    return found


def _pks(holder: Holder, chosen: set[str]) -> list[int]:
    """The row numbers of this holder among the chosen values; anything malformed is ignored."""
    pattern = re.compile(re.escape(holder.key) + r":([0-9]{1,18})")  # 18 digits: within a bigint
    return [int(found[1]) for found in map(pattern.fullmatch, chosen) if found]


def export_guest(guest: Guest, chosen: set[str], *, by) -> dict:
    """The guest's data as plain values (for JSON), and a log row saying who exported how much."""
    found = find_guest(guest, chosen)
    data = {item.holder.label: item.values() for item in found}
    counts = {label: len(rows) for label, rows in data.items()}
    PersonalDataLog.objects.create(kind=Kind.EXPORT, by=by, rows=sum(counts.values()), counts=counts)
    return {"dibuat": clock.local_now().isoformat(timespec="seconds"), "dicari_dengan": guest.criteria(),
            "data": data}


def erase_guest(guest: Guest, chosen: set[str], *, by) -> dict[str, int]:
    """Replace the chosen rows' personal fields with the placeholders; keep everything else."""
    with transaction.atomic():
        found = find_guest(guest, chosen)
        # The rows that follow the visits are found through the visits' names: erase them first.
        counts = {item.holder.label: _erase(item) for item in sorted(found, key=lambda item: item.listed)}
        PersonalDataLog.objects.create(kind=Kind.ERASE, by=by, rows=sum(counts.values()), counts=counts)
        # the rows were updated in bulk: a guest of today leaves the boards
        shared.renew(board(clock.today(), office_id()))
    return counts


def _erase(item: Found) -> int:
    # Pin the rows first: the search matches on the very fields the update replaces.
    pks = list(item.rows.values_list("pk", flat=True))
    manager = item.holder.model_class._default_manager
    return manager.filter(pk__in=pks).exclude(**item.holder.personal).update(**item.holder.personal)
